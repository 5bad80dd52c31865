package dev.skerry.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The demo server ({@code java -jar skerry-demo.jar [--port N] [--host NAME]}): Jetty serving {@link DemoSite}
 * at {@code /} and {@link HealthHandler} at {@code /health}. It prints its URL and serves until the JVM is
 * stopped (Ctrl+C). Exit codes: {@value #EXIT_USAGE} for a bad command line, {@value #EXIT_FAILED} when the
 * server cannot start (the port is taken, the site was not built).
 *
 * <p>States: running (from {@link #start} until {@link #close}) → stopped. A server that failed to start is
 * stopped before {@link #start} throws, so no port or thread is left behind.
 */
public final class DemoServer implements AutoCloseable {
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    private final Server server;
    private final ServerConnector connector;
    private final String host;

    private DemoServer(Server server, ServerConnector connector, String host) {
        this.server = server;
        this.connector = connector;
        this.host = host;
    }

    /** The port is held by another process. */
    public static final class PortInUseException extends IOException {
        private static final long serialVersionUID = 1L;

        PortInUseException(int port, Throwable cause) {
            super("port " + port + " is already in use", cause);
        }
    }

    /**
     * Starts the demo on {@code host} (null: every interface) and {@code port} (0: a free one).
     *
     * @throws PortInUseException when the port is taken
     * @throws IllegalStateException when the classpath lacks the site (see {@link DemoSite#handler()})
     */
    public static DemoServer start(String host, int port) throws Exception {
        Handler site = DemoSite.handler();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Sequence(new HealthHandler(), site));
        try {
            server.start();
        } catch (Exception e) {
            stopAfterFailure(server, e);
            if (isBindFailure(e)) {
                throw new PortInUseException(port, e);
            }
            throw e;
        }
        return new DemoServer(server, connector, host);
    }

    private static void stopAfterFailure(Server server, Exception failure) {
        try {
            server.stop();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** The port the server listens on (the chosen one when started with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The address to open in a browser: {@code localhost} unless the server listens on one named interface. */
    public URI url() {
        String name = host == null || host.isEmpty() || host.equals("0.0.0.0") || host.equals("::")
                ? "localhost" : host;
        if (name.indexOf(':') >= 0) {
            name = "[" + name + "]";
        }
        return URI.create("http://" + name + ":" + port() + "/");
    }

    /** Waits until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    public static void main(String[] args) throws InterruptedException {
        int exit = run(args, System.getenv("PORT"), System.out, System.err);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /**
     * Runs the command line ({@code portVariable} is {@code PORT}, null when unset). Returns an exit code at
     * once when usage was asked for or the server cannot start; otherwise prints the URL and serves until the
     * JVM stops.
     */
    static int run(String[] args, String portVariable, PrintStream out, PrintStream err) throws InterruptedException {
        ServerOptions options;
        try {
            options = ServerOptions.parse(args, portVariable);
        } catch (IllegalArgumentException e) {
            err.println("skerry-demo: " + e.getMessage());
            err.print(ServerOptions.USAGE);
            return EXIT_USAGE;
        }
        if (options.help()) {
            out.print(ServerOptions.USAGE);
            return 0;
        }
        DemoServer demo;
        try {
            demo = start(options.host(), options.port());
        } catch (PortInUseException e) {
            err.println("skerry-demo: port " + options.port() + " is already in use; stop what holds it or choose"
                    + " another port with --port N (or PORT=N)");
            return EXIT_FAILED;
        } catch (Exception e) {
            err.println("skerry-demo: cannot start the server: " + e.getMessage());
            return EXIT_FAILED;
        }
        demo.server.setStopAtShutdown(true);
        out.println("Skerry demo running at " + demo.url() + "  (Ctrl+C stops it)");
        demo.join();
        return 0;
    }
}
