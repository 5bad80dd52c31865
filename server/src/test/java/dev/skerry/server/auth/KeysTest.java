package dev.skerry.server.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signing key and admin token survive restarts; tokens signed before a restart still verify after it. */
class KeysTest {
    @Test
    void generatedOnceThenReadBack(@TempDir Path data) throws Exception {
        Keys first = Keys.load(data, null);
        assertTrue(first.generated());
        assertEquals(43, first.adminToken().length(), "256 random bits in base64url");
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve(".skerry-auth/ed25519.pk8"))));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve(".skerry-auth/admin-token"))));
        ObjectNode claims = new ObjectMapper().createObjectNode().put("a", "ro").put("id", "x");
        String token = Jwt.sign(claims, first.keys().getPrivate());
        Keys again = Keys.load(data, null);
        assertFalse(again.generated());
        assertEquals(first.adminToken(), again.adminToken());
        assertArrayEquals(first.keys().getPublic().getEncoded(), again.keys().getPublic().getEncoded());
        assertEquals(claims, Jwt.verifySignature(token, again.keys().getPublic()));
        Keys given = Keys.load(data, "given-token");
        assertEquals("given-token", given.adminToken());
        assertEquals(first.adminToken(), Keys.load(data, null).adminToken(), "a given token is not stored");
        assertNotEquals(first.adminToken(), Keys.load(Files.createDirectory(data.resolve("other")), null).adminToken());
        assertThrows(Jwt.InvalidTokenException.class, () -> Jwt.verifySignature(token,
                Keys.load(data.resolve("other"), null).keys().getPublic()));
    }
}
