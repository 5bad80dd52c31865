package dev.skerry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * A runaway statement is interrupted at the request's time limit with SQLITE_INTERRUPT; the database stays
 * usable and unchanged (the interrupted write is rolled back).
 */
class RequestTimeoutTest {
    /** 1,024 rows joined four times: 10^12 combinations. */
    private static final String RUNAWAY = " FROM big a, big b, big c, big d";

    @Test
    void aRunawayQueryIsInterruptedAndTheDatabaseStaysUsable() throws Exception {
        try (TestServer server = new TestServer(ServerOptions.defaults(0, null).withAuth(false, null)
                .withRequestTimeout(1500))) {
            JsonNode setup = server.pipeline("d", "{\"requests\":[{\"type\":\"sequence\",\"sql\":"
                    + "\"CREATE TABLE t(x); INSERT INTO t VALUES(1),(2); CREATE TABLE big(n); INSERT INTO big VALUES(1);"
                    + " INSERT INTO big SELECT n FROM big; INSERT INTO big SELECT n FROM big; INSERT INTO big SELECT n FROM big;"
                    + " INSERT INTO big SELECT n FROM big; INSERT INTO big SELECT n FROM big; INSERT INTO big SELECT n FROM big;"
                    + " INSERT INTO big SELECT n FROM big; INSERT INTO big SELECT n FROM big; INSERT INTO big SELECT n FROM big;"
                    + " INSERT INTO big SELECT n FROM big\"}]}");
            assertEquals("ok", setup.at("/results/0/type").asText(), setup.toString());
            for (String sql : new String[] {"SELECT count(*)" + RUNAWAY, "INSERT INTO t SELECT a.n" + RUNAWAY,
                    "SELECT a.n" + RUNAWAY + " WHERE a.n + b.n + c.n + d.n < 0"}) {
                long start = System.nanoTime();
                JsonNode r = server.pipeline("d", "{\"requests\":[{\"type\":\"execute\",\"stmt\":{\"sql\":\""
                        + sql + "\"}},{\"type\":\"execute\",\"stmt\":{\"sql\":\"SELECT 1\"}}]}");
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertEquals("SQLITE_INTERRUPT", r.at("/results/0/error/code").asText(), r.toString());
                assertEquals("interrupted", r.at("/results/0/error/message").asText());
                assertEquals("SQLITE_INTERRUPT", r.at("/results/1/error/code").asText(),
                        "the request's time is used up: " + r);
                assertTrue(ms < 20_000, "interrupted after " + ms + " ms");
                JsonNode after = server.pipeline("d", "{\"requests\":[{\"type\":\"execute\",\"stmt\":{\"sql\":"
                        + "\"SELECT count(*), sum(x) FROM t\"}}]}");
                assertEquals("2", after.at("/results/0/response/result/rows/0/0/value").asText(), after.toString());
                assertEquals("3", after.at("/results/0/response/result/rows/0/1/value").asText());
            }
        }
    }
}
