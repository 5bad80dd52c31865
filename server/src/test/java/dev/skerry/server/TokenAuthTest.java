package dev.skerry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skerry.server.auth.Jwt;
import dev.skerry.server.auth.TokenAuth;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Token authentication over raw HTTP: every way a token can be refused is a 401 with a JSON error that runs
 * nothing; a read-only token reads but its writes fail with SQLITE_AUTH and change nothing; a token for one
 * database gives nothing on another.
 */
class TokenAuthTest {
    private static final String CREATE = "{\"requests\":[{\"type\":\"execute\",\"stmt\":{\"sql\":"
            + "\"CREATE TABLE IF NOT EXISTS t(x)\"}},{\"type\":\"execute\",\"stmt\":{\"sql\":\"INSERT INTO t VALUES(1)\"}}]}";
    private static final String COUNT = "{\"requests\":[{\"type\":\"execute\",\"stmt\":{\"sql\":"
            + "\"SELECT count(*) FROM t\"}}]}";
    private static TestServer server;
    private static TokenAuth tokens;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.withAuth();
        tokens = new TokenAuth(server.server.keys());
        assertEquals(200, server.post("/db/a/v2/pipeline", CREATE, server.server.keys().adminToken()).status());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String rw(String db) {
        return tokens.issue(db, Access.READ_WRITE, 0);
    }

    private static long count(String db) throws Exception {
        TestServer.Reply r = server.post("/db/" + db + "/v2/pipeline", COUNT, rw(db));
        assertEquals(200, r.status(), r.body());
        return r.json().at("/results/0/response/result/rows/0/0/value").asLong();
    }

    private static void assertRefused(String token, String messagePart) throws Exception {
        long before = count("a");
        for (String path : new String[] {"/db/a/v2/pipeline", "/db/a/v3/cursor"}) {
            String body = path.endsWith("cursor")
                    ? "{\"batch\":{\"steps\":[{\"stmt\":{\"sql\":\"INSERT INTO t VALUES(2)\"}}]}}" : CREATE;
            TestServer.Reply r = server.post(path, body, token);
            assertEquals(401, r.status(), r.body());
            JsonNode error = r.json();
            assertEquals("UNAUTHORIZED", error.get("code").asText());
            assertTrue(error.get("message").asText().contains(messagePart), error.toString());
        }
        assertEquals(before, count("a"), "a refused request changed nothing");
    }

    @Test
    void missingOrMalformedTokensAre401() throws Exception {
        assertRefused(null, "no Authorization header");
        TestServer.Reply basic = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/db/a/v2/pipeline"))
                .header("Authorization", "Basic YTpi").POST(HttpRequest.BodyPublishers.ofString(CREATE)).build());
        assertEquals(401, basic.status());
        assertRefused("", "not a Bearer token");
        assertRefused("abc", "not a JWT");
        assertRefused("a.b.c.d", "not a JWT");
        assertRefused("!!!.e30.AAAA", "not base64url");
        assertRefused("e30.e30.AAAA", "not signed with EdDSA");
        assertEquals(401, server.post("/db/fresh/v2/pipeline", CREATE, null).status());
        assertFalse(Files.exists(server.data.resolve("fresh.db")), "nothing was created");
    }

    @Test
    void wrongSignatureAlgorithmOrKeyIs401() throws Exception {
        String good = rw("a");
        String[] parts = good.split("\\.");
        String other = Jwt.sign(claims("a", "rw"), KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
        assertRefused(other, "signature is not valid");
        String tamperedClaims = b64("{\"a\":\"rw\",\"id\":\"a\",\"exp\":1}");
        assertRefused(parts[0] + "." + tamperedClaims + "." + parts[2], "signature is not valid");
        String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        assertRefused(none, "not signed with EdDSA");
        String hs = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2];
        assertRefused(hs, "not signed with EdDSA");
        assertRefused(parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4), "signature");
    }

    @Test
    void expiredTokensAre401AndUnexpiredOnesWork() throws Exception {
        assertRefused(tokens.issue("a", Access.READ_WRITE, System.currentTimeMillis() / 1000 - 5), "expired");
        ObjectNode c = claims("a", "rw");
        c.put("exp", "tomorrow");
        assertRefused(Jwt.sign(c, server.server.keys().keys().getPrivate()), "exp claim is not a number");
        String later = tokens.issue("a", Access.READ_WRITE, System.currentTimeMillis() / 1000 + 600);
        assertEquals(200, server.post("/db/a/v2/pipeline", COUNT, later).status());
        long exp = System.currentTimeMillis() / 1000 + 4;
        String soon = tokens.issue("a", Access.READ_WRITE, exp);
        assertEquals(200, server.post("/db/a/v2/pipeline", COUNT, soon).status(), "verified and remembered");
        Thread.sleep(Math.max(0, exp * 1000 + 200 - System.currentTimeMillis()));
        assertRefused(soon, "expired");
    }

    @Test
    void aTokenForOneDatabaseGivesNothingOnAnother() throws Exception {
        assertEquals(200, server.post("/db/b/v2/pipeline", CREATE, server.server.keys().adminToken()).status());
        assertRefused(rw("b"), "not valid for database a");
        assertRefused(tokens.issue("b", Access.READ_ONLY, 0), "not valid for database a");
        ObjectNode noId = server.JSON.createObjectNode();
        noId.put("a", "rw");
        assertRefused(Jwt.sign(noId, server.server.keys().keys().getPrivate()), "no access to database a");
        ObjectNode p = server.JSON.createObjectNode();
        p.putObject("p").putObject("rw").putArray("ns").add("b");
        assertRefused(Jwt.sign(p, server.server.keys().keys().getPrivate()), "no access to database a");
        assertEquals(1, count("b"));
    }

    @Test
    void databaseTokensDoNotCreateDatabases() throws Exception {
        TestServer.Reply r = server.post("/db/ghost/v2/pipeline", CREATE, rw("ghost"));
        assertEquals(404, r.status(), r.body());
        assertEquals("DATABASE_NOT_FOUND", r.json().get("code").asText());
        assertFalse(Files.exists(server.data.resolve("ghost.db")));
    }

    @Test
    void tursoPermissionsClaimGrantsListedDatabases() throws Exception {
        ObjectNode rwClaims = server.JSON.createObjectNode();
        rwClaims.putObject("p").putObject("rw").putArray("ns").add("x").add("a");
        String token = Jwt.sign(rwClaims, server.server.keys().keys().getPrivate());
        long before = count("a");
        assertEquals(200, server.post("/db/a/v2/pipeline", CREATE, token).status());
        assertEquals(before + 1, count("a"));
        ObjectNode roClaims = server.JSON.createObjectNode();
        roClaims.putObject("p").putObject("ro").putArray("ns").add("a");
        String ro = Jwt.sign(roClaims, server.server.keys().keys().getPrivate());
        JsonNode r = server.post("/db/a/v2/pipeline", CREATE, ro).json();
        assertEquals("SQLITE_AUTH", r.at("/results/1/error/code").asText(), r.toString());
        assertEquals(before + 1, count("a"));
    }

    @Test
    void readOnlyTokensReadButCannotWrite() throws Exception {
        String ro = tokens.issue("a", Access.READ_ONLY, 0);
        long before = count("a");
        String writes = "{\"requests\":[{\"type\":\"execute\",\"stmt\":{\"sql\":\"SELECT count(*) FROM t\"}},"
                + "{\"type\":\"execute\",\"stmt\":{\"sql\":\"INSERT INTO t VALUES(5)\"}},"
                + "{\"type\":\"execute\",\"stmt\":{\"sql\":\"CREATE TABLE u(y)\"}},"
                + "{\"type\":\"sequence\",\"sql\":\"SELECT 1; DELETE FROM t\"},"
                + "{\"type\":\"batch\",\"batch\":{\"steps\":[{\"stmt\":{\"sql\":\"BEGIN\"}},"
                + "{\"stmt\":{\"sql\":\"UPDATE t SET x = 9\"}},{\"stmt\":{\"sql\":\"COMMIT\"}}]}},{\"type\":\"close\"}]}";
        TestServer.Reply r = server.post("/db/a/v2/pipeline", writes, ro);
        assertEquals(200, r.status(), r.body());
        JsonNode results = r.json().get("results");
        assertEquals(before, results.at("/0/response/result/rows/0/0/value").asLong());
        for (int i = 1; i <= 3; i++) {
            assertEquals("SQLITE_AUTH", results.at("/" + i + "/error/code").asText(), results.toString());
            assertEquals("not authorized", results.at("/" + i + "/error/message").asText());
        }
        assertEquals("SQLITE_AUTH", results.at("/4/response/result/step_errors/1/code").asText(), results.toString());
        assertTrue(results.at("/4/response/result/step_results/0").isObject(), "BEGIN reads: " + results);
        assertTrue(results.at("/4/response/result/step_results/2").isObject(), "COMMIT reads: " + results);
        assertEquals(before, count("a"));
        JsonNode tables = server.post("/db/a/v2/pipeline", "{\"requests\":[{\"type\":\"execute\",\"stmt\":{\"sql\":"
                + "\"SELECT count(*) FROM sqlite_schema WHERE name = 'u'\"}}]}", rw("a")).json();
        assertEquals(0, tables.at("/results/0/response/result/rows/0/0/value").asLong());
    }

    @Test
    void theAdminTokenWorksOnEveryDatabaseAndTheAdminApiNeedsIt() throws Exception {
        String admin = server.server.keys().adminToken();
        assertEquals(200, server.post("/db/c/v2/pipeline", CREATE, admin).status());
        TestServer.Reply noToken = server.send(HttpRequest.newBuilder(
                URI.create(server.base() + "/v1/organizations/o/databases")).GET().build());
        assertEquals(401, noToken.status());
        assertTrue(noToken.json().get("error").asText().contains("admin token"));
        TestServer.Reply dbToken = server.send(HttpRequest.newBuilder(
                URI.create(server.base() + "/v1/organizations/o/databases"))
                .header("Authorization", "Bearer " + rw("c")).GET().build());
        assertEquals(401, dbToken.status(), "a database token is not an admin token");
        assertEquals(200, server.admin("GET", "/v1/organizations/o/databases", null).status());
    }

    private static ObjectNode claims(String id, String a) {
        ObjectNode c = TestServer.JSON.createObjectNode();
        c.put("a", a);
        c.put("id", id);
        return c;
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
