package dev.skerry.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skerry.server.Access;
import dev.skerry.server.Auth;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Token authentication as sqld and Turso do it: {@code Authorization: Bearer <token>} where the token is an
 * Ed25519 JWT ({@link Jwt}) signed with the server's key, or the admin token.
 *
 * <p>A JWT gives access to database {@code D} when either its claim {@code id} is {@code D} and its claim
 * {@code a} is {@code "ro"} or {@code "rw"} (sqld's legacy claims), or its claim {@code p} (Turso's
 * permissions) lists {@code D} in {@code p.rw.ns} (read-write) or {@code p.ro.ns} (read-only); the widest grant
 * wins. A token with {@code id} naming another database gives nothing on {@code D}, and a token without
 * {@code id} or {@code p} gives nothing (tokens for every database are the admin's). An {@code exp} claim in the
 * past refuses the token. Database tokens reach existing databases only; the admin token gives
 * {@link Access#ADMIN} on every database (read-write, and creating it on first use).
 */
public final class TokenAuth implements Auth {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Verified tokens kept; when full, the cache is emptied (verifying again is only slower). */
    static final int MAX_CACHED = 10_000;

    private final Keys keys;
    /**
     * Tokens whose signature was verified, with their claims: the JDK's Ed25519 takes about a millisecond per
     * verification, more than the query. Keyed by the whole token text, so a hit is exactly a token already
     * verified; expiry is still checked on every use.
     */
    private final Map<String, JsonNode> verified = new ConcurrentHashMap<>();

    public TokenAuth(Keys keys) {
        this.keys = keys;
    }

    @Override
    public Access authorize(Request request, String database) throws Denied {
        String token = bearer(request);
        if (isAdminToken(token)) {
            return Access.ADMIN;
        }
        JsonNode claims;
        try {
            claims = verified.get(token);
            if (claims == null) {
                claims = Jwt.verifySignature(token, keys.keys().getPublic());
                if (verified.size() >= MAX_CACHED) {
                    verified.clear();
                }
                verified.put(token, claims);
            }
            Jwt.checkExpiry(claims, System.currentTimeMillis() / 1000);
        } catch (Jwt.InvalidTokenException e) {
            throw new Denied("Authentication failed: " + e.getMessage());
        }
        Access access = null;
        JsonNode id = claims.get("id");
        if (id != null && !id.isNull() && !database.equals(id.asText())) {
            throw new Denied("Authentication failed: the token is not valid for database " + database);
        }
        if (id != null && database.equals(id.asText())) {
            String a = claims.path("a").asText("");
            if (a.equals("rw")) {
                access = Access.READ_WRITE;
            } else if (a.equals("ro")) {
                access = Access.READ_ONLY;
            }
        }
        JsonNode p = claims.get("p");
        if (p != null && p.isObject()) {
            if (lists(p.path("rw"), database)) {
                access = Access.READ_WRITE;
            } else if (access == null && lists(p.path("ro"), database)) {
                access = Access.READ_ONLY;
            }
        }
        if (access == null) {
            throw new Denied("Authentication failed: the token gives no access to database " + database);
        }
        return access;
    }

    private static boolean lists(JsonNode scope, String database) {
        for (JsonNode ns : scope.path("ns")) {
            if (database.equals(ns.asText())) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code request} carries the admin token. */
    public boolean isAdmin(Request request) {
        try {
            return isAdminToken(bearer(request));
        } catch (Denied e) {
            return false;
        }
    }

    private boolean isAdminToken(String token) {
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                keys.adminToken().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A token for {@code database} with sqld's claims {@code a} and {@code id}, expiring {@code expSeconds}
     * after the epoch (0: never).
     */
    public String issue(String database, Access access, long expSeconds) {
        ObjectNode claims = JSON.createObjectNode();
        claims.put("a", access == Access.READ_ONLY ? "ro" : "rw");
        claims.put("id", database);
        claims.put("iat", System.currentTimeMillis() / 1000);
        if (expSeconds > 0) {
            claims.put("exp", expSeconds);
        }
        return Jwt.sign(claims, keys.keys().getPrivate());
    }

    private static String bearer(Request request) throws Denied {
        String h = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (h == null) {
            throw new Denied("Authentication failed: the request has no Authorization header");
        }
        h = h.trim();
        if (h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7) || h.substring(7).isBlank()) {
            throw new Denied("Authentication failed: the Authorization header is not a Bearer token");
        }
        return h.substring(7).trim();
    }
}
