package dev.skerry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skerry.server.auth.TokenAuth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * 50 client threads on 20 databases at once (each with its own token), with fewer databases allowed open
 * than in use, so databases are closed and reopened under load: no write is lost (each database ends with
 * exactly the rows written to it) and no read sees another database's rows.
 */
class ConcurrentClientsTest {
    private static final int CLIENTS = 50;
    private static final int DATABASES = 20;
    private static final int REQUESTS = 8;

    @Test
    void fiftyClientsOnTwentyDatabasesLoseNothingAndMixNothing() throws Exception {
        try (TestServer server = new TestServer(ServerOptions.defaults(0, null).withAuth(true, null)
                .withLimits(8, 60_000, 10_000, 20_000))) {
            TokenAuth tokens = new TokenAuth(server.server.keys());
            String[] token = new String[DATABASES];
            for (int d = 0; d < DATABASES; d++) {
                token[d] = tokens.issue("c" + d, Access.READ_WRITE, 0);
                assertEquals(200, server.post("/db/c" + d + "/v2/pipeline", "{\"requests\":[{\"type\":\"execute\","
                        + "\"stmt\":{\"sql\":\"CREATE TABLE t(db TEXT, client INTEGER, seq INTEGER)\"}}]}",
                        server.server.keys().adminToken()).status());
            }
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                        for (int r = 0; r < REQUESTS; r++) {
                            int d = (client + r * 7) % DATABASES;
                            String db = "c" + d;
                            TestServer.Reply reply = server.post("/db/" + db + "/v2/pipeline",
                                    "{\"requests\":[{\"type\":\"execute\",\"stmt\":{\"sql\":\"INSERT INTO t VALUES('"
                                    + db + "', " + client + ", " + r + ")\"}},{\"type\":\"execute\",\"stmt\":{\"sql\":"
                                    + "\"SELECT count(*) FROM t WHERE db <> '" + db + "'\"}},{\"type\":\"close\"}]}",
                                    token[d]);
                            JsonNode json = reply.status() == 200 ? reply.json() : null;
                            if (json == null || !json.at("/results/0/type").asText().equals("ok")
                                    || !json.at("/results/1/response/result/rows/0/0/value").asText().equals("0")) {
                                failures.add(db + " client " + client + ": " + reply.status() + " " + reply.body());
                            }
                        }
                    } catch (Exception e) {
                        failures.add("client " + client + ": " + e);
                    }
                });
                threads.add(t);
                t.start();
            }
            go.countDown();
            for (Thread t : threads) {
                t.join(120_000);
            }
            assertTrue(failures.isEmpty(), failures.size() + " failures, first: " + failures.peek());
            int[] expected = new int[DATABASES];
            for (int c = 0; c < CLIENTS; c++) {
                for (int r = 0; r < REQUESTS; r++) {
                    expected[(c + r * 7) % DATABASES]++;
                }
            }
            for (int d = 0; d < DATABASES; d++) {
                JsonNode r = server.post("/db/c" + d + "/v2/pipeline", "{\"requests\":[{\"type\":\"execute\","
                        + "\"stmt\":{\"sql\":\"SELECT count(*), count(DISTINCT client * 100 + seq), sum(db = 'c" + d
                        + "') FROM t\"}}]}", token[d]).json();
                JsonNode row = r.at("/results/0/response/result/rows/0");
                assertEquals(String.valueOf(expected[d]), row.at("/0/value").asText(), "rows of c" + d + ": " + r);
                assertEquals(String.valueOf(expected[d]), row.at("/1/value").asText(), "distinct writes of c" + d);
                assertEquals(String.valueOf(expected[d]), row.at("/2/value").asText(), "own rows of c" + d);
            }
        }
    }
}
