package dev.skerry.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * The test bench: Jetty on a free port serving {@code js-wrapper/target/dist} merged with the test pages, and
 * headless Chromium ({@code /usr/bin/chromium}, never a downloaded browser) on a fresh profile directory,
 * driven by Playwright. {@link #restart()} closes the browser and starts it again on the same profile (what a
 * user's browser restart is); the profile is deleted at {@link #close()}.
 *
 * <p>States: open (a context and a page exist) → closed. Console output of pages and workers is kept for
 * failure messages.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    private static final Map<String, String> ENV = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

    private final Server server;
    private final Playwright playwright;
    private final Path profile;
    private final List<String> console = new ArrayList<>();
    private BrowserContext context;
    private Page page;

    Browser() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            fail("Chromium is missing at " + CHROMIUM + ": the browser tests need it (apt-get install -y chromium)");
        }
        Path dist = Paths.get(System.getProperty("skerry.dist", "../js-wrapper/target/dist")).toAbsolutePath();
        assertTrue(Files.isRegularFile(dist.resolve("skerry.wasm")),
                "no " + dist.resolve("skerry.wasm") + ": build js-wrapper first (mvn package)");
        Path pages = Paths.get(Browser.class.getResource("/pages/index.html").toURI()).getParent();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ResourceHandler files = new ResourceHandler();
        ResourceFactory rf = ResourceFactory.of(files);
        Resource base = ResourceFactory.combine(rf.newResource(pages), rf.newResource(dist));
        files.setBaseResource(base);
        files.setDirAllowed(false);
        files.setCacheControl("no-store");
        server.setHandler(files);
        server.start();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(ENV));
        profile = Files.createTempDirectory("skerry-chromium-");
        launch();
    }

    private void launch() {
        context = playwright.chromium().launchPersistentContext(profile,
                new BrowserType.LaunchPersistentContextOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(ARGS));
        page = openPage();
    }

    /** A new tab on the test page, with the wrapper loaded as {@code window.skerry}. */
    Page openPage() {
        Page p = context.newPage();
        p.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
        p.onPageError(e -> console.add("pageerror: " + e));
        p.onWorker(w -> w.onClose(x -> console.add("worker closed: " + x.url())));
        p.navigate(url());
        p.waitForFunction("() => window.skerryLoaded === true");
        return p;
    }

    String url() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/index.html";
    }

    Page page() {
        return page;
    }

    /** Reloads the page and waits for the wrapper. */
    void reload() {
        page.reload();
        page.waitForFunction("() => window.skerryLoaded === true");
    }

    /** Closes the browser and starts it again on the same profile. */
    void restart() {
        context.close();
        launch();
    }

    /** Runs {@code asyncFunction} (JS source of an async arrow function) in the page and returns its result. */
    Object eval(String asyncFunction) {
        return page.evaluate(asyncFunction);
    }

    String console() {
        return String.join("\n", console);
    }

    @Override
    public void close() throws Exception {
        try {
            context.close();
            playwright.close();
        } finally {
            server.stop();
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
