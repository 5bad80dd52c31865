package dev.skerry.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * JSON Web Tokens signed with Ed25519 (JWS algorithm {@code EdDSA}, RFC 8037), the tokens of sqld and Turso:
 * {@code base64url(header).base64url(claims).base64url(signature)}, no padding. Only this algorithm is
 * accepted, whatever the header says otherwise (no {@code none}, no HMAC), and the signature is checked with
 * the JDK's Ed25519 ({@code java.security.Signature}) before the claims are read.
 */
public final class Jwt {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final String HEADER = ENCODE.encodeToString(
            "{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    /** Why a token is not accepted (the message is shown to the client). */
    public static final class InvalidTokenException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidTokenException(String message) {
            super(message, null, false, false);
        }
    }

    private Jwt() {
    }

    /** Signs {@code claims} with {@code key} (an Ed25519 private key). */
    public static String sign(ObjectNode claims, PrivateKey key) {
        try {
            String signingInput = HEADER + "." + ENCODE.encodeToString(JSON.writeValueAsBytes(claims));
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + ENCODE.encodeToString(s.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token with the JDK's Ed25519", e);
        }
    }

    /** The claims of {@code token} when it is well formed, uses {@code EdDSA} and is signed by {@code key}. */
    static JsonNode verifySignature(String token, PublicKey key) throws InvalidTokenException {
        int dot1 = token.indexOf('.');
        int dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
        if (dot1 < 0 || dot2 < 0 || token.indexOf('.', dot2 + 1) >= 0) {
            throw new InvalidTokenException("the token is not a JWT");
        }
        JsonNode header = json(token.substring(0, dot1));
        if (!header.isObject() || !"EdDSA".equals(header.path("alg").asText(null))) {
            throw new InvalidTokenException("the token is not signed with EdDSA");
        }
        byte[] signature = bytes(token.substring(dot2 + 1));
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(token.substring(0, dot2).getBytes(StandardCharsets.US_ASCII));
            if (!s.verify(signature)) {
                throw new InvalidTokenException("the token's signature is not valid");
            }
        } catch (java.security.SignatureException e) {
            throw new InvalidTokenException("the token's signature is not valid");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's Ed25519 cannot verify", e);
        }
        JsonNode claims = json(token.substring(dot1 + 1, dot2));
        if (!claims.isObject()) {
            throw new InvalidTokenException("the token's claims are not a JSON object");
        }
        return claims;
    }

    /** Refuses claims whose {@code exp} (seconds since the epoch, a number) is not after {@code nowSeconds}. */
    static void checkExpiry(JsonNode claims, long nowSeconds) throws InvalidTokenException {
        JsonNode exp = claims.get("exp");
        if (exp != null && !exp.isNull()) {
            if (!exp.isNumber()) {
                throw new InvalidTokenException("the token's exp claim is not a number");
            }
            if (exp.asDouble() <= nowSeconds) {
                throw new InvalidTokenException("the token has expired");
            }
        }
    }

    private static byte[] bytes(String part) throws InvalidTokenException {
        try {
            return DECODE.decode(part);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("the token is not base64url");
        }
    }

    private static JsonNode json(String part) throws InvalidTokenException {
        try {
            return JSON.readTree(bytes(part));
        } catch (IOException e) {
            throw new InvalidTokenException("the token is not a JWT");
        }
    }
}
