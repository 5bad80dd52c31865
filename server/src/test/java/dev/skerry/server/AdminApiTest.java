package dev.skerry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The admin API's answers over raw HTTP: shapes, errors, and a branch taken while the source is written to. */
class AdminApiTest {
    private static final String DBS = "/v1/organizations/any/databases";

    @Test
    void shapesAndErrors() throws Exception {
        try (TestServer s = TestServer.withAuth()) {
            TestServer.Reply created = s.admin("POST", DBS, "{\"name\":\"a\"}");
            assertEquals(200, created.status(), created.body());
            JsonNode db = created.json().get("database");
            assertEquals("a", db.get("Name").asText());
            assertEquals("127.0.0.1:" + s.server.port() + "/db/a", db.get("Hostname").asText());
            assertTrue(Files.exists(s.data.resolve("a.db")));
            assertEquals(db.get("DbId"), s.admin("GET", DBS + "/a", null).json().at("/database/DbId"));
            assertEquals(409, s.admin("POST", DBS, "{\"name\":\"a\"}").status());
            assertEquals(400, s.admin("POST", DBS, "{\"name\":\"../x\"}").status());
            assertEquals(400, s.admin("POST", DBS, "not json").status());
            assertEquals(400, s.admin("POST", DBS, "{\"name\":\"d\",\"seed\":{\"type\":\"dump\",\"url\":\"x\"}}").status());
            assertFalse(Files.exists(s.data.resolve("d.db")));
            assertEquals(404, s.admin("GET", DBS + "/zz", null).status());
            assertEquals(404, s.admin("DELETE", DBS + "/zz", null).status());
            assertEquals(405, s.admin("PUT", DBS + "/a", "{}").status());
            assertEquals(404, s.admin("GET", "/v1/organizations/any/groups", null).status());
            TestServer.Reply token = s.admin("POST", DBS + "/a/auth/tokens?authorization=read-only&expiration=2w1d", "{}");
            assertEquals(200, token.status(), token.body());
            assertEquals(3, token.json().get("jwt").asText().split("\\.").length);
            assertEquals("{\"error\":\"invalid expiration: 5x\"}",
                    s.admin("POST", DBS + "/a/auth/tokens?expiration=5x", "{}").body());
            assertEquals(400, s.admin("POST", DBS + "/a/auth/tokens?authorization=all", "{}").status());
            assertEquals(404, s.admin("POST", DBS + "/zz/auth/tokens", "{}").status());
            String jwt = token.json().get("jwt").asText();
            assertEquals(200, s.post("/db/a/v2/pipeline", "{\"requests\":[]}", jwt).status());
            assertEquals("{\"database\":\"a\"}", s.admin("DELETE", DBS + "/a", null).body());
            assertFalse(Files.exists(s.data.resolve("a.db")));
            assertEquals(404, s.post("/db/a/v2/pipeline", "{\"requests\":[]}", jwt).status(),
                    "the token of a deleted database does not bring it back");
            assertFalse(Files.exists(s.data.resolve("a.db")));
            assertEquals("{\"databases\":[]}", s.admin("GET", DBS, null).body());
        }
    }

    /** Browser code on another origin: the preflight needs no token, and every answer allows any origin. */
    @Test
    void corsPreflightAndHeaders() throws Exception {
        try (TestServer s = TestServer.withAuth()) {
            TestServer.Reply pre = s.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(s.base() + DBS + "/a/auth/tokens"))
                    .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "http://example.com")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization, content-type").build());
            assertEquals(204, pre.status(), pre.body());
            assertEquals("*", pre.raw().headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            assertEquals("authorization, content-type",
                    pre.raw().headers().firstValue("Access-Control-Allow-Headers").orElse(""));
            String methods = pre.raw().headers().firstValue("Access-Control-Allow-Methods").orElse("");
            for (String m : new String[] {"GET", "POST", "DELETE"}) {
                assertTrue(methods.contains(m), methods);
            }
            assertFalse(Files.exists(s.data.resolve("a.db")), "a preflight runs nothing");
            TestServer.Reply refused = s.post(DBS, "{\"name\":\"a\"}", null);
            assertEquals(401, refused.status());
            assertEquals("*", refused.raw().headers().firstValue("Access-Control-Allow-Origin").orElse(""));
            assertEquals("*", s.admin("GET", DBS, null).raw().headers().firstValue("Access-Control-Allow-Origin")
                    .orElse(""));
        }
    }

    @Test
    void aBranchHoldsTheSourcesCommittedStateOnly() throws Exception {
        try (TestServer s = new TestServer(ServerOptions.defaults(0, null).withAuth(true, null)
                .withLimits(100, 60_000, 10_000, 300))) {
            String admin = s.server.keys().adminToken();
            s.post("/db/src/v2/pipeline", "{\"requests\":[{\"type\":\"sequence\",\"sql\":"
                    + "\"CREATE TABLE t(x); INSERT INTO t VALUES(1),(2)\"}]}", admin);
            JsonNode open = s.post("/db/src/v2/pipeline", "{\"requests\":[{\"type\":\"sequence\",\"sql\":"
                    + "\"BEGIN; INSERT INTO t VALUES(100)\"}]}", admin).json();
            String baton = open.get("baton").asText();
            TestServer.Reply busy = s.admin("POST", DBS, "{\"name\":\"br\",\"seed\":{\"type\":\"database\",\"name\":\"src\"}}");
            s.post("/db/src/v2/pipeline", "{\"baton\":\"" + baton + "\",\"requests\":[{\"type\":\"sequence\",\"sql\":"
                    + "\"ROLLBACK\"},{\"type\":\"close\"}]}", admin);
            assertEquals(503, busy.status(), "the source kept a transaction open past the busy timeout: " + busy.body());
            assertEquals(200, s.admin("POST", DBS, "{\"name\":\"br\",\"seed\":{\"type\":\"database\",\"name\":\"src\"}}")
                    .status());
            JsonNode rows = s.post("/db/br/v2/pipeline", "{\"requests\":[{\"type\":\"execute\",\"stmt\":{\"sql\":"
                    + "\"SELECT group_concat(x) FROM t\"}}]}", admin).json();
            assertEquals("1,2", rows.at("/results/0/response/result/rows/0/0/value").asText(), rows.toString());
        }
    }
}
