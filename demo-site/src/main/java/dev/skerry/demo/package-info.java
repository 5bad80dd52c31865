/**
 * The Skerry demo: a SQL console page that runs the engine in the browser (through {@code skerry.js}, the wasm
 * engine in a Worker, databases in OPFS), and the Jetty server that serves it.
 *
 * <p>{@link dev.skerry.demo.DemoSite} is the site as one Jetty {@code Handler} (the page at {@code /}, the JS
 * wrapper and engine at {@code /lib/}, all from the classpath folder {@code dev/skerry/demo/site/}); any server
 * that mounts it serves the demo exactly as {@link dev.skerry.demo.DemoServer}, the executable
 * {@code skerry-demo.jar}, does. {@link dev.skerry.demo.HealthHandler} answers {@code /health};
 * {@link dev.skerry.demo.ServerOptions} reads the command line. The page's own code (HTML, CSS, ES modules) is
 * in {@code src/main/resources/dev/skerry/demo/site/}; it talks to the engine only through {@code skerry.js}.
 */
package dev.skerry.demo;
