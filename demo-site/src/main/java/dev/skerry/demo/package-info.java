/**
 * The Skerry demo: a SQL console page that runs the engine in the browser (through {@code skerry.js}, the wasm
 * engine in a Worker, databases in OPFS), packaged as a Jetty handler for the server to mount.
 *
 * <p>{@link dev.skerry.demo.DemoSite} is the site as one Jetty {@code Handler} (the page at {@code /}, the JS
 * wrapper and engine at {@code /lib/}, all from the classpath folder {@code dev/skerry/demo/site/}); the Skerry
 * server ({@code skerry-server.jar}, module {@code server}) mounts it at its root, and the browser tests mount it
 * in their own Jetty. {@link dev.skerry.demo.HealthHandler} answers {@code /health}. The page's own code (HTML,
 * CSS, ES modules) is in {@code src/main/resources/dev/skerry/demo/site/}; it talks to the engine only through
 * {@code skerry.js}.
 */
package dev.skerry.demo;
