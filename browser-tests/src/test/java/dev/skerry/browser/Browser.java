package dev.skerry.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * The test bench: Jetty on a free port serving {@code js-wrapper/target/dist} merged with the test pages (or
 * other directories, such as a bundler's output), and headless {@link Chromium} on a fresh profile directory,
 * driven by Playwright. {@link #restart()} closes the browser and starts it again on the same profile (what a
 * user's browser restart is); the profile is deleted at {@link #close()}.
 *
 * <p>States: open (a context and a page exist) → closed. Console output of pages and workers is kept for
 * failure messages.
 */
final class Browser implements AutoCloseable {
    private final Server server;
    private final String startPage;
    private final String readyCondition;
    private final Chromium chromium;
    private final List<String> console = new ArrayList<>();
    private Page page;

    /** The test pages merged with {@code js-wrapper/target/dist}; pages wait for the wrapper to load. */
    Browser() throws Exception {
        this(List.of(pagesDirectory(), distDirectory()), "/index.html", "() => window.skerryLoaded === true");
    }

    /**
     * Serves {@code roots} (merged; earlier ones win) and opens {@code startPage} in a first tab, waiting on each
     * page for {@code readyCondition} (JS source of a predicate function).
     */
    Browser(List<Path> roots, String startPage, String readyCondition) throws Exception {
        this.startPage = startPage;
        this.readyCondition = readyCondition;
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ResourceHandler files = new ResourceHandler();
        ResourceFactory rf = ResourceFactory.of(files);
        List<Resource> resources = new ArrayList<>();
        for (Path root : roots) {
            resources.add(rf.newResource(root));
        }
        files.setBaseResource(ResourceFactory.combine(resources));
        files.setDirAllowed(false);
        files.setCacheControl("no-store");
        server.setHandler(files);
        server.start();
        chromium = new Chromium();
        page = openPage();
    }

    /** {@code js-wrapper/target/dist}, checked to hold a built engine. */
    static Path distDirectory() {
        Path dist = Paths.get(System.getProperty("skerry.dist", "../js-wrapper/target/dist")).toAbsolutePath();
        assertTrue(Files.isRegularFile(dist.resolve("skerry.wasm")),
                "no " + dist.resolve("skerry.wasm") + ": build js-wrapper first (mvn package)");
        return dist;
    }

    private static Path pagesDirectory() throws Exception {
        return Paths.get(Browser.class.getResource("/pages/index.html").toURI()).getParent();
    }

    /** A new tab on the start page, once it is ready (the test page: the wrapper loaded as {@code window.skerry}). */
    Page openPage() {
        Page p = chromium.context().newPage();
        p.onConsoleMessage(m -> console.add(m.type() + ": " + m.text()));
        p.onPageError(e -> console.add("pageerror: " + e));
        p.onWorker(w -> w.onClose(x -> console.add("worker closed: " + x.url())));
        p.navigate(url());
        p.waitForFunction(readyCondition);
        return p;
    }

    String url() {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + startPage;
    }

    Page page() {
        return page;
    }

    /** Reloads the page and waits until it is ready again. */
    void reload() {
        page.reload();
        page.waitForFunction(readyCondition);
    }

    /** Closes the browser and starts it again on the same profile. */
    void restart() {
        chromium.restart();
        page = openPage();
    }

    /** Runs {@code asyncFunction} (JS source of an async arrow function) in the page and returns its result. */
    Object eval(String asyncFunction) {
        return page.evaluate(asyncFunction);
    }

    /**
     * Runs {@code body} (statements of an async function that sees {@code connect}, {@code SqliteError} and
     * {@code db}, open on :memory: and closed afterwards) and returns {@code window.json} of its result.
     */
    String onMemoryDatabase(String body) {
        return String.valueOf(eval("async () => { const { connect, SqliteError } = window.skerry;"
                + " const db = await connect(':memory:');"
                + " try { const result = await (async () => { " + body + " })(); return window.json(result); }"
                + " finally { await db.close(); } }"));
    }

    String console() {
        return String.join("\n", console);
    }

    @Override
    public void close() throws Exception {
        try {
            chromium.close();
        } finally {
            server.stop();
        }
    }
}
