package dev.skerry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteException;

/**
 * Hrana over HTTP, driven with raw requests: value encoding and error codes compared with SQLite itself
 * (sqlite-jdbc), batch conditions, stored SQL, describe, cursor lines, batons and transactions across
 * requests, and requests refused as a whole (malformed JSON, unknown types, bad names, size limit).
 */
class HranaProtocolTest {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(100, 60_000, 10_000, 300);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String q(String s) {
        try {
            return TestServer.JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String execute(String sql) {
        return "{\"type\":\"execute\",\"stmt\":{\"sql\":" + q(sql) + "}}";
    }

    private static String pipeline(String baton, String... requests) {
        return "{\"baton\":" + (baton == null ? "null" : q(baton)) + ",\"requests\":[" + String.join(",", requests) + "]}";
    }

    private static JsonNode result(JsonNode response, int i) {
        JsonNode r = response.get("results").get(i);
        assertEquals("ok", r.get("type").asText(), r.toString());
        return r.get("response");
    }

    /** Rows of a query on SQLite (fresh in-memory database after {@code setup}). */
    private static List<List<Object>> sqlite(String setup, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            if (setup != null) {
                s.executeUpdate(setup);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static void assertValue(Object expected, JsonNode v) {
        String where = expected + " vs " + v;
        if (expected == null) {
            assertEquals("null", v.get("type").asText(), where);
        } else if (expected instanceof Integer || expected instanceof Long) {
            assertEquals("integer", v.get("type").asText(), where);
            assertTrue(v.get("value").isTextual(), "integers are strings: " + where);
            assertEquals(((Number) expected).longValue(), Long.parseLong(v.get("value").asText()), where);
        } else if (expected instanceof Double d) {
            assertEquals("float", v.get("type").asText(), where);
            assertTrue(v.get("value").isNumber(), where);
            assertEquals(d, v.get("value").doubleValue(), 0.0, where);
        } else if (expected instanceof String s) {
            assertEquals("text", v.get("type").asText(), where);
            assertEquals(s, v.get("value").asText(), where);
        } else if (expected instanceof byte[] b) {
            assertEquals("blob", v.get("type").asText(), where);
            assertEquals(Base64.getEncoder().encodeToString(b), v.get("base64").asText(), where);
        } else {
            throw new AssertionError("unexpected " + expected.getClass());
        }
    }

    @Test
    void valuesAreEncodedAsSqliteReturnsThem() throws Exception {
        String sql = "SELECT 1, -9223372036854775808, 9223372036854775807, 2.5, -0.0, 1e308 * 10, 'h\u00e9llo \u2713',"
                + " x'00ff10', NULL, 1.0, 123456789012345678";
        JsonNode r = result(server.pipeline("values", pipeline(null, execute(sql), "{\"type\":\"close\"}")), 0);
        JsonNode row = r.get("result").get("rows").get(0);
        List<Object> expected = sqlite(null, sql).get(0);
        assertEquals(expected.size(), row.size());
        for (int i = 0; i < expected.size(); i++) {
            assertValue(expected.get(i), row.get(i));
        }
        assertTrue(r.get("result").get("last_insert_rowid").isNull());
    }

    @Test
    void argumentsBindPositionallyByNameAndAcceptFloatsForIntegers() throws Exception {
        String body = pipeline(null,
                "{\"type\":\"execute\",\"stmt\":{\"sql\":\"SELECT ?, ?, ?, ?, ?, typeof(?)\",\"args\":["
                        + "{\"type\":\"integer\",\"value\":\"-7\"},{\"type\":\"integer\",\"value\":8},"
                        + "{\"type\":\"float\",\"value\":1},{\"type\":\"text\",\"value\":\"x\"},"
                        + "{\"type\":\"blob\",\"base64\":\"AQI\"},{\"type\":\"null\"}]}}",
                "{\"type\":\"execute\",\"stmt\":{\"sql\":\"SELECT :a, @b, $c\",\"named_args\":["
                        + "{\"name\":\"a\",\"value\":{\"type\":\"integer\",\"value\":\"1\"}},"
                        + "{\"name\":\"@b\",\"value\":{\"type\":\"text\",\"value\":\"two\"}},"
                        + "{\"name\":\"c\",\"value\":{\"type\":\"float\",\"value\":3.5}},"
                        + "{\"name\":\"unused\",\"value\":{\"type\":\"null\"}}]}}",
                "{\"type\":\"execute\",\"stmt\":{\"sql\":\"SELECT ?\",\"args\":[{\"type\":\"null\"},{\"type\":\"null\"}]}}",
                "{\"type\":\"execute\",\"stmt\":{\"sql\":\"SELECT :a\",\"args\":[{\"type\":\"null\"}],"
                        + "\"named_args\":[{\"name\":\"a\",\"value\":{\"type\":\"null\"}}]}}");
        JsonNode resp = server.pipeline("args", body);
        JsonNode row = result(resp, 0).get("result").get("rows").get(0);
        assertValue(-7L, row.get(0));
        assertValue(8L, row.get(1));
        assertValue(1.0, row.get(2));
        assertValue("x", row.get(3));
        assertValue(new byte[] {1, 2}, row.get(4));
        assertValue("null", row.get(5));
        JsonNode named = result(resp, 1).get("result").get("rows").get(0);
        assertValue(1L, named.get(0));
        assertValue("two", named.get(1));
        assertValue(3.5, named.get(2));
        assertEquals("ARGS_INVALID", resp.get("results").get(2).get("error").get("code").asText());
        assertEquals("ARGS_BOTH_POSITIONAL_AND_NAMED", resp.get("results").get(3).get("error").get("code").asText());
    }

    @Test
    void writesReportAffectedRowsRowidAndDecltypes() throws Exception {
        JsonNode resp = server.pipeline("writes", pipeline(null,
                execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, n NUMERIC)"),
                execute("INSERT INTO t(name) VALUES ('a'), ('b'), ('c')"),
                execute("UPDATE t SET n = id * 2 WHERE id > 1"),
                execute("SELECT id, name, n, n + 1 AS m FROM t ORDER BY id"),
                execute("BEGIN"), execute("COMMIT")));
        assertEquals(0, result(resp, 0).get("result").get("affected_row_count").asInt());
        JsonNode ins = result(resp, 1).get("result");
        assertEquals(3, ins.get("affected_row_count").asInt());
        assertEquals("3", ins.get("last_insert_rowid").asText());
        assertEquals(2, result(resp, 2).get("result").get("affected_row_count").asInt());
        JsonNode sel = result(resp, 3).get("result");
        assertEquals("[{\"name\":\"id\",\"decltype\":\"INTEGER\"},{\"name\":\"name\",\"decltype\":\"TEXT\"},"
                + "{\"name\":\"n\",\"decltype\":\"NUMERIC\"},{\"name\":\"m\",\"decltype\":null}]", sel.get("cols").toString());
        assertEquals(3, sel.get("rows").size());
        assertEquals(0, result(resp, 5).get("result").get("affected_row_count").asInt(), "COMMIT changes no row");
    }

    /** The error of {@code sql} on SQLite: [extended code name, message]. */
    private static String[] sqliteError(String setup, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            s.executeUpdate(setup);
            s.execute(sql);
        } catch (SQLiteException e) {
            String m = e.getMessage();
            return new String[] {e.getResultCode().name(), m.substring(m.indexOf('(') + 1, m.length() - 1)};
        }
        throw new AssertionError("SQLite accepted " + sql);
    }

    @Test
    void errorsCarrySqlitesMessageAndExtendedCode() throws Exception {
        String setup = "CREATE TABLE e(id INTEGER PRIMARY KEY, u TEXT UNIQUE, nn TEXT NOT NULL DEFAULT 'x',"
                + " c INTEGER CHECK (c > 0))";
        String[] failing = {"INSERT INTO e(id, u) VALUES (1, 'a')", "INSERT INTO e(u) VALUES ('a')",
            "INSERT INTO e(nn) VALUES (NULL)", "INSERT INTO e(c) VALUES (0)", "SELEC 1", "SELECT * FROM nosuch",
            "SELECT nosuch FROM e", "SELECT 'unterminated"};
        List<String> requests = new ArrayList<>();
        requests.add(execute(setup));
        requests.add(execute("INSERT INTO e(id, u) VALUES (1, 'a')"));
        for (String f : failing) {
            requests.add(execute(f));
        }
        JsonNode resp = server.pipeline("errors", pipeline(null, requests.toArray(new String[0])));
        for (int i = 0; i < failing.length; i++) {
            JsonNode r = resp.get("results").get(i + 2);
            assertEquals("error", r.get("type").asText(), failing[i]);
            String[] expected = sqliteError(setup + "; INSERT INTO e(id, u) VALUES (1, 'a')", failing[i]);
            assertEquals(expected[0], r.get("error").get("code").asText(), failing[i]);
            assertEquals(expected[1], r.get("error").get("message").asText(), failing[i]);
        }
        JsonNode count = server.pipeline("errors", pipeline(null, execute("SELECT count(*) FROM e")));
        assertEquals("1", result(count, 0).get("result").get("rows").get(0).get(0).get("value").asText(),
                "failed statements changed nothing");
    }

    @Test
    void statementsCountMustBeExactlyOne() throws Exception {
        JsonNode resp = server.pipeline("count", pipeline(null, execute("SELECT 1; SELECT 2"), execute("  -- nothing\n"),
                execute("SELECT 1; -- comment only\n")));
        assertEquals("SQL_MANY_STATEMENTS", resp.get("results").get(0).get("error").get("code").asText());
        assertEquals("SQL_NO_STATEMENT", resp.get("results").get(1).get("error").get("code").asText());
        assertEquals("ok", resp.get("results").get(2).get("type").asText());
    }

    private static String step(String cond, String sql) {
        return "{\"condition\":" + cond + ",\"stmt\":{\"sql\":" + q(sql) + "}}";
    }

    @Test
    void batchConditionsOfEveryKind() throws Exception {
        String batch = "{\"type\":\"batch\",\"batch\":{\"steps\":["
                + step("null", "SELECT 1") + ","                                                    // 0 ok
                + step("null", "SELEC") + ","                                                       // 1 error
                + step("{\"type\":\"ok\",\"step\":0}", "SELECT 2") + ","                            // 2 runs
                + step("{\"type\":\"ok\",\"step\":1}", "SELECT 3") + ","                            // 3 skipped
                + step("{\"type\":\"error\",\"step\":1.0}", "SELECT 4") + ","                       // 4 runs
                + step("{\"type\":\"not\",\"cond\":{\"type\":\"error\",\"step\":0}}", "SELECT 5") + ","  // 5 runs
                + step("{\"type\":\"and\",\"conds\":[{\"type\":\"ok\",\"step\":0},{\"type\":\"ok\",\"step\":3}]}", "SELECT 6") + ","
                + step("{\"type\":\"or\",\"conds\":[{\"type\":\"ok\",\"step\":3},{\"type\":\"ok\",\"step\":4}]}", "SELECT 7") + ","
                + step("{\"type\":\"and\",\"conds\":[]}", "SELECT 8") + ","                          // 8 runs
                + step("{\"type\":\"or\",\"conds\":[]}", "SELECT 9") + ","                           // 9 skipped
                + step("{\"type\":\"is_autocommit\"}", "BEGIN") + ","                               // 10 runs
                + step("{\"type\":\"is_autocommit\"}", "SELECT 11") + ","                           // 11 skipped
                + step("{\"type\":\"not\",\"cond\":{\"type\":\"is_autocommit\"}}", "COMMIT")          // 12 runs
                + "]}}";
        JsonNode r = result(server.pipeline("batch", pipeline(null, batch)), 0).get("result");
        boolean[] ran = {true, false, true, false, true, true, false, true, true, false, true, false, true};
        for (int i = 0; i < ran.length; i++) {
            boolean failed = i == 1;
            assertEquals(ran[i], !r.get("step_results").get(i).isNull(), "step " + i + ": " + r);
            assertEquals(failed, !r.get("step_errors").get(i).isNull(), "step " + i + ": " + r);
        }
        assertEquals("SQLITE_ERROR", r.get("step_errors").get(1).get("code").asText());
    }

    @Test
    void storedSqlDescribeSequenceAndAutocommit() throws Exception {
        JsonNode resp = server.pipeline("stored", pipeline(null,
                "{\"type\":\"sequence\",\"sql\":\"CREATE TABLE s(a INTEGER, b TEXT); INSERT INTO s VALUES (1, 'x');"
                        + " INSERT INTO s VALUES (2, 'y');\"}",
                "{\"type\":\"store_sql\",\"sql_id\":5,\"sql\":\"SELECT a, b FROM s WHERE a >= ?\"}",
                "{\"type\":\"execute\",\"stmt\":{\"sql_id\":5,\"args\":[{\"type\":\"integer\",\"value\":\"2\"}]}}",
                "{\"type\":\"describe\",\"sql_id\":5}",
                "{\"type\":\"describe\",\"sql\":\"EXPLAIN SELECT :x, ?5\"}",
                "{\"type\":\"describe\",\"sql\":\"INSERT INTO s VALUES (1, 2)\"}",
                "{\"type\":\"store_sql\",\"sql_id\":5,\"sql\":\"SELECT 1\"}",
                "{\"type\":\"close_sql\",\"sql_id\":5}",
                "{\"type\":\"execute\",\"stmt\":{\"sql_id\":5}}",
                "{\"type\":\"sequence\",\"sql\":\"BEGIN; INSERT INTO s VALUES (3, 'z'); SELEC; INSERT INTO s VALUES (4, 'w')\"}",
                "{\"type\":\"get_autocommit\"}",
                "{\"type\":\"close\"}",
                "{\"type\":\"get_autocommit\"}"));
        JsonNode rows = result(resp, 2).get("result").get("rows");
        assertEquals("[[{\"type\":\"integer\",\"value\":\"2\"},{\"type\":\"text\",\"value\":\"y\"}]]", rows.toString());
        JsonNode d = result(resp, 3).get("result");
        assertEquals("[{\"name\":null}]", d.get("params").toString());
        assertEquals("[{\"name\":\"a\",\"decltype\":\"INTEGER\"},{\"name\":\"b\",\"decltype\":\"TEXT\"}]", d.get("cols").toString());
        assertTrue(d.get("is_readonly").asBoolean());
        assertFalse(d.get("is_explain").asBoolean());
        JsonNode e = result(resp, 4).get("result");
        assertTrue(e.get("is_explain").asBoolean());
        assertEquals(":x", e.get("params").get(0).get("name").asText());
        assertFalse(result(resp, 5).get("result").get("is_readonly").asBoolean());
        assertEquals("SQL_EXISTS", resp.get("results").get(6).get("error").get("code").asText());
        assertEquals("SQL_NOT_FOUND", resp.get("results").get(8).get("error").get("code").asText());
        assertEquals("near \"SELEC\": syntax error", resp.get("results").get(9).get("error").get("message").asText());
        assertFalse(result(resp, 10).get("is_autocommit").asBoolean(), "the sequence stopped inside its transaction");
        assertEquals("STREAM_CLOSED", resp.get("results").get(12).get("error").get("code").asText());
        assertTrue(resp.get("baton").isNull());
        JsonNode after = server.pipeline("stored", pipeline(null, execute("SELECT group_concat(a) FROM s")));
        assertEquals("1,2", result(after, 0).get("result").get("rows").get(0).get(0).get("value").asText(),
                "closing the stream rolled back its transaction");
    }

    @Test
    void cursorStreamsOneEntryPerLine() throws Exception {
        server.pipeline("cursor", pipeline(null, execute("CREATE TABLE c(x)"), execute("INSERT INTO c VALUES (1), (2)")));
        String body = "{\"baton\":null,\"batch\":{\"steps\":["
                + step("null", "SELECT x FROM c ORDER BY x") + ","
                + step("null", "SELEC") + ","
                + step("{\"type\":\"ok\",\"step\":1}", "SELECT 3") + ","
                + step("null", "INSERT INTO c VALUES (3)") + ","
                + "{\"condition\":{\"type\":\"is_autocommit\"},\"stmt\":{\"sql\":\"SELECT 1\",\"want_rows\":false}}]}}";
        TestServer.Reply r = server.post("/db/cursor/v3/cursor", body);
        assertEquals(200, r.status(), r.body());
        String[] lines = r.body().split("\n");
        assertEquals(10, lines.length, r.body());
        JsonNode head = TestServer.JSON.readTree(lines[0]);
        assertTrue(head.get("baton").isTextual());
        assertEquals("{\"type\":\"step_begin\",\"step\":0,\"cols\":[{\"name\":\"x\",\"decltype\":null}]}", lines[1]);
        assertEquals("{\"type\":\"row\",\"row\":[{\"type\":\"integer\",\"value\":\"1\"}]}", lines[2]);
        assertEquals("{\"type\":\"row\",\"row\":[{\"type\":\"integer\",\"value\":\"2\"}]}", lines[3]);
        assertEquals("{\"type\":\"step_end\",\"affected_row_count\":0,\"last_insert_rowid\":null}", lines[4]);
        assertEquals("{\"type\":\"step_error\",\"step\":1,\"error\":{\"message\":\"near \\\"SELEC\\\": syntax error\","
                + "\"code\":\"SQLITE_ERROR\"}}", lines[5]);
        assertEquals("{\"type\":\"step_begin\",\"step\":3,\"cols\":[]}", lines[6]);
        assertEquals("{\"type\":\"step_end\",\"affected_row_count\":1,\"last_insert_rowid\":\"3\"}", lines[7]);
        assertEquals("{\"type\":\"step_begin\",\"step\":4,\"cols\":[{\"name\":\"1\",\"decltype\":null}]}", lines[8]);
        assertEquals("{\"type\":\"step_end\",\"affected_row_count\":0,\"last_insert_rowid\":null}", lines[9]);
        assertTrue(r.body().endsWith("\n"), "every entry ends with a newline");
    }

    @Test
    void batonsAreSingleUseAndKeepTransactionsAcrossRequests() throws Exception {
        server.pipeline("tx", pipeline(null, execute("CREATE TABLE t(x)")));
        JsonNode first = server.pipeline("tx", pipeline(null, execute("BEGIN"), execute("INSERT INTO t VALUES (1)")));
        String baton = first.get("baton").asText();
        // Another stream waits for the transaction, then gets SQLITE_BUSY (busy timeout 300 ms).
        JsonNode other = server.pipeline("tx", pipeline(null, execute("SELECT count(*) FROM t"), "{\"type\":\"close\"}"));
        assertEquals("SQLITE_BUSY", other.get("results").get(0).get("error").get("code").asText());
        assertEquals("database is locked", other.get("results").get(0).get("error").get("message").asText());
        JsonNode second = server.pipeline("tx", pipeline(baton, execute("SELECT count(*) FROM t"), "{\"type\":\"get_autocommit\"}"));
        assertEquals("1", result(second, 0).get("result").get("rows").get(0).get(0).get("value").asText());
        assertFalse(result(second, 1).get("is_autocommit").asBoolean());
        TestServer.Reply reused = server.post("/db/tx/v3/pipeline", pipeline(baton, execute("SELECT 1")));
        assertEquals(400, reused.status());
        assertEquals("STREAM_EXPIRED", reused.json().get("code").asText());
        TestServer.Reply wrongDb = server.post("/db/other/v3/pipeline", pipeline(second.get("baton").asText(), execute("SELECT 1")));
        assertEquals(400, wrongDb.status());
        JsonNode commit = server.pipeline("tx", pipeline(second.get("baton").asText(), execute("COMMIT"), "{\"type\":\"close\"}"));
        assertTrue(commit.get("baton").isNull());
        JsonNode seen = server.pipeline("tx", pipeline(null, execute("SELECT count(*) FROM t"), "{\"type\":\"close\"}"));
        assertEquals("1", result(seen, 0).get("result").get("rows").get(0).get(0).get("value").asText());
    }

    @Test
    void anotherStreamWaitsForTheTransactionAndSeesItsCommit() throws Exception {
        try (TestServer patient = new TestServer(100, 60_000, 10_000, 10_000)) {
            patient.pipeline("wait", pipeline(null, execute("CREATE TABLE t(x)")));
            JsonNode tx = patient.pipeline("wait", pipeline(null, execute("BEGIN IMMEDIATE"), execute("INSERT INTO t VALUES (1)")));
            java.util.concurrent.CompletableFuture<JsonNode> reader = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return patient.pipeline("wait", pipeline(null, execute("SELECT count(*) FROM t"), "{\"type\":\"close\"}"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertFalse(reader.isDone(), "the reader waits while the transaction is open");
            patient.pipeline("wait", pipeline(tx.get("baton").asText(), execute("INSERT INTO t VALUES (2)"), execute("COMMIT"),
                    "{\"type\":\"close\"}"));
            JsonNode seen = reader.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals("2", result(seen, 0).get("result").get("rows").get(0).get(0).get("value").asText());
        }
    }

    @Test
    void aStreamThatIsAbandonedIsRolledBackAfterItsIdleTime() throws Exception {
        try (TestServer short_ = new TestServer(100, 60_000, 300, 5_000)) {
            short_.pipeline("idle", pipeline(null, execute("CREATE TABLE t(x)")));
            JsonNode tx = short_.pipeline("idle", pipeline(null, execute("BEGIN"), execute("INSERT INTO t VALUES (1)")));
            assertNotNull(tx.get("baton").asText());
            // This stream waits (busy timeout 5 s) until the abandoned one expires and is rolled back.
            JsonNode after = short_.pipeline("idle", pipeline(null, execute("SELECT count(*) FROM t"), "{\"type\":\"close\"}"));
            assertEquals("0", result(after, 0).get("result").get("rows").get(0).get(0).get("value").asText());
            TestServer.Reply expired = short_.post("/db/idle/v2/pipeline", pipeline(tx.get("baton").asText(), execute("COMMIT")));
            assertEquals(400, expired.status());
            assertEquals(0, short_.server.hrana().streamCount());
        }
    }

    @Test
    void malformedRequestsAreRefusedWholeAndChangeNothing() throws Exception {
        server.pipeline("bad", pipeline(null, execute("CREATE TABLE t(x)")));
        String insert = execute("INSERT INTO t VALUES (1)");
        String[] bodies = {"{bad json", "[]", "{\"requests\":{}}", pipeline(null, insert, "{\"type\":\"frobnicate\"}"),
            pipeline(null, insert, "{\"type\":\"execute\"}"),
            pipeline(null, insert, "{\"type\":\"execute\",\"stmt\":{\"sql\":\"SELECT ?\",\"args\":[{\"type\":\"integer\",\"value\":\"12x\"}]}}"),
            pipeline(null, insert, "{\"type\":\"execute\",\"stmt\":{\"sql\":\"SELECT ?\",\"args\":[{\"type\":\"blob\",\"base64\":\"!!\"}]}}"),
            pipeline(null, insert, "{\"type\":\"batch\",\"batch\":{\"steps\":[" + step("{\"type\":\"ok\",\"step\":0}", "SELECT 1") + "]}}"),
            pipeline(null, insert, "{\"type\":\"batch\",\"batch\":{\"steps\":[" + step("{\"type\":\"maybe\"}", "SELECT 1") + "]}}"),
            ""};
        for (String b : bodies) {
            TestServer.Reply r = server.post("/db/bad/v3/pipeline", b);
            assertEquals(400, r.status(), b + " → " + r.body());
            assertEquals("application/json", r.raw().headers().firstValue("Content-Type").orElse(""));
            assertEquals("PROTOCOL_ERROR", r.json().get("code").asText(), b);
        }
        JsonNode count = server.pipeline("bad", pipeline(null, execute("SELECT count(*) FROM t")));
        assertEquals("0", result(count, 0).get("result").get("rows").get(0).get(0).get("value").asText());
        TestServer.Reply big = server.post("/db/bad/v3/pipeline", pipeline(null, execute("SELECT '" + "x".repeat(70_000) + "'")));
        assertEquals(413, big.status());
    }

    @Test
    void responsesAboveTheLimitFailInsteadOfFillingTheHeap() throws Exception {
        String big = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)"
                + " SELECT i, printf('%.1000c', 'x') FROM n";
        JsonNode resp = server.pipeline("big", pipeline(null, execute(big), execute("SELECT 1")));
        assertEquals("RESPONSE_TOO_LARGE", resp.get("results").get(0).get("error").get("code").asText());
        TestServer.Reply cursor = server.post("/db/big/v3/cursor", "{\"batch\":{\"steps\":[" + step("null", big) + "]}}");
        assertTrue(cursor.body().contains("\"code\":\"RESPONSE_TOO_LARGE\""), cursor.body().substring(0, 200));
    }

    /** Raw request lines, so that no client normalises the path before the server sees it. */
    private static String rawGet(String target) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.server.port())) {
            s.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void emptySegmentsAllowedForClientsOpenNoWayOutOfTheSite() throws Exception {
        for (String target : new String[] {"/../DemoSite.class", "//../DemoSite.class", "/lib//../../DemoSite.class",
            "/%2e%2e/DemoSite.class", "//%2e%2e//DemoSite.class", "/lib/..%2f..%2fDemoSite.class", "/./../DemoSite.class",
            "//..//..//simplelogger.properties", "/db/x/..%2f..%2fDemoSite.class", "/db/..%2f..%2fx/v2"}) {
            String response = rawGet(target);
            String status = response.substring(0, response.indexOf("\r\n"));
            assertFalse(status.contains(" 200 "), target + " answered " + status);
            assertFalse(response.contains("\u00ca\u00fe\u00ba\u00be"), target + " served a class file");
            assertFalse(response.contains("simpleLogger"), target + " served a file outside the site");
        }
        assertTrue(rawGet("//lib//skerry.js").startsWith("HTTP/1.1 200 "));
    }

    @Test
    void pathsMethodsNamesProbesAndCors() throws Exception {
        assertEquals(200, server.get("/db/probe/v2").status());
        assertEquals(200, server.get("/db/probe/v3").status());
        assertEquals(404, server.get("/db/probe/v3-protobuf").status());
        assertEquals(404, server.post("/db/probe/v3-protobuf/pipeline", "{}").status());
        assertEquals(404, server.get("/db/probe/v4").status());
        assertEquals(405, server.get("/db/probe/v2/pipeline").status());
        assertEquals("{\"status\":\"ok\"}\n", server.get("/health").body());
        assertEquals(200, server.get("/db/probe/health").status());
        for (String bad : new String[] {"/db/Upper/v2", "/db/-x/v2", "/db/a.b/v2", "/db/" + "a".repeat(65) + "/v2"}) {
            assertEquals(400, server.get(bad).status(), bad);
        }
        assertEquals(1, server.pipeline("slash", pipeline(null, execute("SELECT 1"))).get("results").size());
        assertEquals(200, server.post("//db//slash//v3/pipeline", pipeline(null, execute("SELECT 1"))).status());
        TestServer.Reply pre = server.send(HttpRequest.newBuilder(URI.create(server.base() + "/db/x/v3/pipeline"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type").build());
        assertEquals(204, pre.status());
        assertEquals("*", pre.raw().headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertEquals("authorization, content-type", pre.raw().headers().firstValue("Access-Control-Allow-Headers").orElse(""));
        assertTrue(pre.raw().headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertTrue(server.get("/").body().contains("<title>Skerry SQL console</title>"), "the demo site is mounted");
        assertEquals(200, server.get("/lib/skerry.js").status());
    }
}
