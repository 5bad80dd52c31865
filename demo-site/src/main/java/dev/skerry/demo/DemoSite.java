package dev.skerry.demo;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * The demo site as a Jetty handler: the SQL console ({@code index.html}, its ES modules and stylesheet) at
 * {@code /}, and at {@code /lib/} the files of {@code js-wrapper/target/dist} ({@code skerry.js}, its worker,
 * {@code skerry.wasm} and TeaVM's runtime), which the build copies into the classpath folder
 * {@value #RESOURCE_ROOT}. The files are served from that folder wherever it is: a directory
 * ({@code target/classes}) or inside {@code skerry-server.jar}.
 *
 * <p>The handler answers only requests for files under that folder, with their MIME types
 * ({@code text/javascript}, {@code application/wasm}, …); others (unknown files, directories, paths leaving the
 * folder, which Jetty refuses before they reach a handler) are left to the server, which answers 404 or 400.
 * A server serves the demo by mounting {@link #handler()} at its root (the Skerry server does).
 */
public final class DemoSite {
    /** The classpath folder holding the site; its {@code lib/} holds the JS wrapper and engine. */
    public static final String RESOURCE_ROOT = "dev/skerry/demo/site/";

    /** A file every complete build has: the engine the page loads. */
    static final String ENGINE = "lib/skerry.wasm";

    private DemoSite() {
    }

    /**
     * A new handler serving the site at {@code /}. Its resources are released when the handler stops.
     *
     * @throws IllegalStateException when the classpath lacks the site or its engine (js-wrapper was not built)
     */
    public static Handler handler() {
        URI root = root();
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.of(files).newResource(root));
        files.setDirAllowed(false);
        files.setWelcomeFiles(List.of("index.html"));
        files.setWelcomeMode(ResourceService.WelcomeMode.SERVE);
        files.setCacheControl("no-cache");
        return files;
    }

    /** The URI of the site folder, found through its {@code index.html} and checked for the engine. */
    static URI root() {
        ClassLoader loader = DemoSite.class.getClassLoader();
        URL index = loader.getResource(RESOURCE_ROOT + "index.html");
        if (index == null) {
            throw new IllegalStateException("the demo site is missing from the classpath (" + RESOURCE_ROOT + ")");
        }
        if (loader.getResource(RESOURCE_ROOT + ENGINE) == null) {
            throw new IllegalStateException("the demo site has no " + ENGINE
                    + ": build js-wrapper before demo-site (mvn package from the repository root)");
        }
        String text = index.toString();
        try {
            return new URI(text.substring(0, text.length() - "index.html".length()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unusable location of the demo site: " + text, e);
        }
    }
}
