package dev.skerry.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The server's secrets, kept in {@code DIR/.skerry-auth/} (a name no database can have): the Ed25519 key pair
 * that signs database tokens ({@code ed25519.pk8}, PKCS#8; {@code ed25519.pub}, X.509) and the admin token
 * ({@code admin-token}, 32 random bytes in base64url). Each is generated at the first start and read at the
 * next ones; the files are readable by their owner only where the file system has POSIX permissions.
 *
 * @param keys the token signing key pair
 * @param adminToken the token of the admin API (and of every database)
 * @param generated true when this start created the key pair or the admin token
 */
public record Keys(KeyPair keys, String adminToken, boolean generated) {
    static final String DIR = ".skerry-auth";

    /**
     * Loads the secrets of data directory {@code data}, generating the missing ones; {@code adminToken}
     * (when not null) replaces the stored admin token for this run.
     */
    public static Keys load(Path data, String adminToken) throws IOException {
        Path dir = Files.createDirectories(data.resolve(DIR));
        Path priv = dir.resolve("ed25519.pk8");
        Path pub = dir.resolve("ed25519.pub");
        Path admin = dir.resolve("admin-token");
        boolean generated = false;
        KeyPair pair;
        try {
            KeyFactory f = KeyFactory.getInstance("Ed25519");
            if (Files.exists(priv) && Files.exists(pub)) {
                pair = new KeyPair(f.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(pub))),
                        f.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(priv))));
            } else {
                pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                writePrivate(priv, pair.getPrivate().getEncoded());
                Files.write(pub, pair.getPublic().getEncoded());
                generated = true;
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the signing key in " + dir + ": " + e.getMessage(), e);
        }
        if (adminToken == null) {
            if (Files.exists(admin)) {
                adminToken = Files.readString(admin, StandardCharsets.UTF_8).trim();
            } else {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                adminToken = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                writePrivate(admin, adminToken.getBytes(StandardCharsets.UTF_8));
                generated = true;
            }
        }
        if (adminToken.isEmpty()) {
            throw new IOException("the admin token is empty");
        }
        return new Keys(pair, adminToken, generated);
    }

    private static void writePrivate(Path file, byte[] content) throws IOException {
        Files.write(file, new byte[0]);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // A file system without POSIX permissions: the directory's own protection applies.
        }
        Files.write(file, content);
    }
}
