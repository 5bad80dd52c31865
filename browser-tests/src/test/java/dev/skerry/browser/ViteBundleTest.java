package dev.skerry.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteException;

/**
 * skerry.js survives a real bundler: the tiny app of {@code src/test/vite-app} ({@code import { connect } from
 * 'skerry'}) is built by Vite (the version pinned in its package-lock.json, installed with {@code npm ci} into
 * {@code target/vite-app}), only Vite's output is served, and in Chromium the app runs queries on OPFS and in
 * memory through the bundled module, its bundled worker and the emitted wasm. Needs node and npm (and the npm
 * registry on the first run); without them the test fails, saying so.
 */
class ViteBundleTest {
    private static final Path BASE = Paths.get(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path SOURCE = BASE.resolve("src/test/vite-app");
    private static final Path APP = BASE.resolve("target/vite-app");
    private static final String STAMP = "node_modules/.skerry-installed-lock.json";

    @Test
    void bundledAppRunsQueriesOnOpfsAndInMemory() throws Exception {
        Path dist = Browser.distDirectory();
        Path built = build(dist);
        try (Browser browser = new Browser(List.of(built), "/index.html",
                "() => window.appResult !== undefined || window.appError !== undefined")) {
            String memory = expectedMemoryResult();
            assertEquals("{\"opfs\":{\"count\":1,\"lastId\":1,\"note\":\"visit\",\"data\":[1,2,3]},\"memory\":" + memory + "}",
                    result(browser), browser.console());
            browser.reload();
            assertEquals("{\"opfs\":{\"count\":2,\"lastId\":2,\"note\":\"visit\",\"data\":[1,2,3]},\"memory\":" + memory + "}",
                    result(browser), browser.console());
        }
    }

    private static String result(Browser browser) {
        assertNull(browser.eval("() => window.appError ?? null"), () -> "the app failed:\n" + browser.console());
        return String.valueOf(browser.eval("() => window.appResult"));
    }

    /** What the app's in-memory part must report, asked of SQLite itself. */
    private static String expectedMemoryResult() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE t(a INTEGER, b TEXT)");
            for (int i = 1; i <= 100; i++) {
                st.executeUpdate("INSERT INTO t VALUES (" + i + ", 'row " + i + "')");
            }
            String agg;
            try (ResultSet rs = st.executeQuery("SELECT count(*), sum(a), max(b) FROM t")) {
                rs.next();
                agg = "[" + rs.getLong(1) + "," + rs.getLong(2) + ",\"" + rs.getString(3) + "\"]";
            }
            long iterated;
            try (ResultSet rs = st.executeQuery("SELECT sum(a) FROM t WHERE a % 10 = 0")) {
                rs.next();
                iterated = rs.getLong(1);
            }
            String error;
            try {
                st.executeUpdate("INSERT INTO nope VALUES (1)");
                error = "no error";
            } catch (SQLiteException e) {
                String m = e.getMessage();
                error = "{\"sqlite\":true,\"code\":\"" + e.getResultCode().name() + "\",\"message\":\""
                        + m.substring(m.indexOf('(') + 1, m.lastIndexOf(')')) + "\"}";
            }
            return "{\"agg\":" + agg + ",\"iterated\":" + iterated + ",\"error\":" + error + "}";
        }
    }

    /** Installs Vite when needed, bundles the app against {@code dist}, checks the output; the output directory. */
    private static Path build(Path dist) throws Exception {
        Files.createDirectories(APP);
        requireNode();
        requireTool("npm", "--version");
        for (String f : new String[] {"package.json", "package-lock.json", "vite.config.js", "index.html", "main.js"}) {
            Files.copy(SOURCE.resolve(f), APP.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        byte[] lock = Files.readAllBytes(APP.resolve("package-lock.json"));
        Path stamp = APP.resolve(STAMP);
        if (!Files.isRegularFile(stamp) || !Arrays.equals(lock, Files.readAllBytes(stamp))) {
            Result ci = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 300);
            if (ci.exit != 0) {
                fail("npm ci in " + APP + " failed (exit " + ci.exit + "). ViteBundleTest installs Vite from the npm "
                        + "registry on its first run: a network error below means the registry is not reachable.\n"
                        + ci.output);
            }
            Files.write(stamp, lock);
        }
        Result vite = run(List.of("node", "node_modules/vite/bin/vite.js", "build"),
                Map.of("SKERRY_DIST", dist.toString()), 300);
        assertEquals(0, vite.exit, () -> "vite build failed:\n" + vite.output);
        Path out = APP.resolve("dist");
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            walk.filter(Files::isRegularFile).forEach(p -> files.add(out.relativize(p).toString()));
        }
        Path wasm = files.stream().filter(f -> f.endsWith(".wasm")).map(out::resolve).findFirst()
                .orElseThrow(() -> new AssertionError("no .wasm in Vite's output: " + files));
        assertArrayEquals(Files.readAllBytes(dist.resolve("skerry.wasm")), Files.readAllBytes(wasm),
                "the emitted wasm is not skerry.wasm");
        assertTrue(files.stream().anyMatch(f -> f.startsWith("assets/skerry-worker") && f.endsWith(".js")),
                () -> "no bundled worker in Vite's output: " + files);
        assertTrue(files.stream().noneMatch(f -> f.equals("skerry.js") || f.equals("skerry-worker.js")),
                () -> "unbundled wrapper files in Vite's output: " + files);
        return out;
    }

    private record Result(int exit, String output) {
    }

    /** Node 20.19+ (or 22.12+), what the pinned Vite needs. */
    private static void requireNode() throws Exception {
        requireTool("node", "--version");
        String v = run(List.of("node", "--version"), Map.of(), 60).output.trim();
        String[] parts = v.replaceFirst("^v", "").split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        assertTrue(major > 22 || (major == 22 && minor >= 12) || (major == 20 && minor >= 19),
                "node " + v + " is too old for Vite 8: ViteBundleTest needs node 20.19+ or 22.12+");
    }

    private static void requireTool(String tool, String arg) {
        try {
            Result r = run(List.of(tool, arg), Map.of(), 60);
            if (r.exit == 0) {
                return;
            }
        } catch (IOException e) {
            // reported below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fail(tool + " is missing: ViteBundleTest needs node and npm (scripts/install-test-prereqs.sh installs them: "
                + "apt-get install -y nodejs npm)");
    }

    private static Result run(List<String> command, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(APP.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path log = Files.createTempFile("skerry-vite-", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(p.exitValue(), output);
    }
}
