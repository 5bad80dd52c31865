package dev.skerry.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.Socket;
import dev.skerry.demo.DemoSite;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo site as the Skerry server serves it (the server mounts {@link DemoSite#handler()} at its root): the
 * page at {@code /}, the wrapper, worker, runtime and engine under {@code /lib/} with their MIME types,
 * {@code /health}, 404 for unknown paths and no way out of the site's resource folder; a port already taken is
 * a clear error with exit code 1, a bad command line exit code 2.
 */
class SiteTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SkerryServer server;
    private static Path data;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("skerry-site-test");
        server = SkerryServer.start(new ServerOptions("127.0.0.1", 0, data, 100, 60_000, 10_000, 5_000, 65536,
                1 << 20, true, false, true, null, 30_000));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String type(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("(none)");
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void servesTheConsoleAtTheRoot() throws Exception {
        HttpResponse<byte[]> r = get("/");
        assertEquals(200, r.statusCode());
        assertTrue(type(r).startsWith("text/html"), type(r));
        assertTrue(text(r).contains("<title>Skerry SQL console</title>"), text(r));
        assertEquals(text(r), text(get("/index.html")));
    }

    @Test
    void servesTheWrapperAsJavaScript() throws Exception {
        for (String path : new String[] {"/lib/skerry.js", "/lib/skerry-worker.js", "/lib/skerry.wasm-runtime.js",
                "/app.js", "/runner.js"}) {
            HttpResponse<byte[]> r = get(path);
            assertEquals(200, r.statusCode(), path);
            assertTrue(type(r).startsWith("text/javascript"), path + ": " + type(r));
        }
        assertTrue(text(get("/lib/skerry.js")).contains("export async function connect("));
        assertTrue(text(get("/app.js")).contains("from './lib/skerry.js'"));
    }

    @Test
    void servesTheEngineAsWasm() throws Exception {
        HttpResponse<byte[]> r = get("/lib/skerry.wasm");
        assertEquals(200, r.statusCode());
        assertEquals("application/wasm", type(r));
        assertArrayEquals(new byte[] {0, 'a', 's', 'm'}, Arrays.copyOf(r.body(), 4));
    }

    @Test
    void servesStylesheetAndIcon() throws Exception {
        assertTrue(type(get("/style.css")).startsWith("text/css"));
        assertTrue(type(get("/favicon.svg")).startsWith("image/svg+xml"));
    }

    @Test
    void answersHealth() throws Exception {
        HttpResponse<byte[]> r = get("/health");
        assertEquals(200, r.statusCode());
        assertEquals("application/json", type(r));
        assertEquals("{\"status\":\"ok\"}\n", text(r));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nope.html", "/lib/nope.js", "/lib/skerry.wasm.bak", "/health/x", "/lib/"})
    void unknownPathsAreNotFound(String path) throws Exception {
        int status = get(path).statusCode();
        assertTrue(status == 404 || status == 403 && path.endsWith("/"), path + " answered " + status);
    }

    /** Raw request lines, so that no client normalises the path before the server sees it. */
    private static String rawGet(String target) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../DemoSite.class", "/lib/../../DemoSite.class", "/%2e%2e/DemoSite.class",
            "/lib/%2e%2e/%2e%2e/DemoSite.class", "/..%2fDemoSite.class", "/lib/..%2f..%2fDemoSite.class",
            "/..%5cDemoSite.class", "/lib/..\\..\\DemoSite.class", "/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fsimplelogger.properties",
            "/../../../../simplelogger.properties", "//../DemoSite.class", "/./../DemoSite.class"})
    void pathsCannotLeaveTheSiteFolder(String target) throws Exception {
        assertNotNull(DemoSite.class.getResource("DemoSite.class"), "the file the attack aims at exists");
        String response = rawGet(target);
        String status = response.substring(0, response.indexOf("\r\n"));
        assertFalse(status.contains(" 200 "), target + " answered " + status);
        assertFalse(response.contains("\u00ca\u00fe\u00ba\u00be"), target + " served a class file");
        assertFalse(response.contains("simpleLogger"), target + " served a file outside the site");
    }

    @Test
    void dotSegmentsInsideTheSiteAreResolved() throws Exception {
        assertTrue(rawGet("/lib/../index.html").startsWith("HTTP/1.1 200 "));
        assertTrue(rawGet("/lib/./skerry.js").startsWith("HTTP/1.1 200 "));
    }

    @Test
    void aTakenPortIsAClearErrorWithExitCode1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            assertThrows(SkerryServer.PortInUseException.class,
                    () -> SkerryServer.start(ServerOptions.defaults(port, data)));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int exit = SkerryServer.run(new String[] {"--port", String.valueOf(port), "--data", data.toString()},
                    Map.of(), System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(SkerryServer.EXIT_FAILED, exit);
            assertEquals("skerry-server: port " + port + " is already in use; choose another with --port N"
                    + " (or SKERRY_PORT=N)\n", err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aBadCommandLineIsExitCode2() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SkerryServer.run(new String[] {"--prot", "80"}, Map.of(), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(SkerryServer.EXIT_USAGE, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("skerry-server: unknown argument: --prot\nusage:"));
    }

    @Test
    void urlNamesLocalhostUnlessOneInterfaceWasChosen() throws Exception {
        assertEquals("http://127.0.0.1:" + server.port() + "/", server.url().toString());
        try (SkerryServer any = SkerryServer.start(ServerOptions.defaults(0, data))) {
            assertEquals("http://localhost:" + any.port() + "/", any.url().toString());
            assertNotEquals(server.port(), any.port());
        }
    }
}
