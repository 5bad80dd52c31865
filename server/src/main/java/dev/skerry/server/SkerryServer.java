package dev.skerry.server;

import dev.skerry.demo.DemoSite;
import dev.skerry.demo.HealthHandler;
import dev.skerry.server.admin.AdminHandler;
import dev.skerry.server.auth.Keys;
import dev.skerry.server.auth.TokenAuth;
import dev.skerry.server.db.Databases;
import dev.skerry.server.hrana.HranaHandler;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The Skerry server ({@code java -jar skerry-server.jar [options]}, see {@link ServerOptions}): Jetty serving
 * {@code /health}, the databases of the data directory over Hrana at {@code /db/<name>/} ({@link
 * HranaHandler}), and the demo site (the SQL console and {@code /lib/skerry.js}) at the root, mounted exactly
 * as the demo server mounts it. A janitor thread expires idle Hrana streams and closes idle databases.
 *
 * <p>States: running (from {@link #start} until {@link #close}) → stopped; closing stops Jetty, then rolls
 * back the streams' open transactions and closes every database (checkpointing its WAL). A server that
 * fails to start is stopped before {@link #start} throws.
 */
public final class SkerryServer implements AutoCloseable {
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    private final Server server;
    private final ServerConnector connector;
    private final Databases databases;
    private final HranaHandler hrana;
    private final ScheduledExecutorService janitor;
    private final String host;
    private final ScheduledExecutorService timer;
    private final Keys keys;

    private SkerryServer(Server server, ServerConnector connector, Databases databases, HranaHandler hrana,
            ScheduledExecutorService janitor, String host, ScheduledExecutorService timer, Keys keys) {
        this.timer = timer;
        this.keys = keys;
        this.server = server;
        this.connector = connector;
        this.databases = databases;
        this.hrana = hrana;
        this.janitor = janitor;
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
     * Starts a server with {@code options}: requests need tokens ({@link TokenAuth}) unless authentication is
     * off ({@link Auth#ALLOW_ALL}).
     */
    public static SkerryServer start(ServerOptions options) throws Exception {
        return start(options, null);
    }

    /**
     * Starts a server; {@code auth} (when not null) replaces the authentication {@code options} choose for the
     * databases, not for the admin API.
     *
     * @throws PortInUseException when the port is taken
     * @throws IllegalStateException when the classpath lacks the demo site (see {@link DemoSite#handler()})
     */
    public static SkerryServer start(ServerOptions options, Auth auth) throws Exception {
        Handler site = DemoSite.handler();
        Databases databases = new Databases(options.data(), options.maxOpen(), options.dbIdleMillis(),
                options.createOnFirstUse());
        Keys keys = Keys.load(databases.directory(), options.adminToken());
        TokenAuth tokens = new TokenAuth(keys);
        if (auth == null) {
            auth = options.auth() ? tokens : Auth.ALLOW_ALL;
        }
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "skerry-deadline");
            t.setDaemon(true);
            return t;
        });
        // Every request schedules an interrupt and almost always cancels it: drop cancelled ones at once, or the
        // queue would hold every request of the last time-limit period.
        timer.setRemoveOnCancelPolicy(true);
        HranaHandler hrana = new HranaHandler(databases, auth, options.streamIdleMillis(), 100_000,
                options.busyTimeoutMillis(), options.maxBodyBytes(), options.maxResponseBytes(),
                options.requestTimeoutMillis(), timer);
        AdminHandler admin = new AdminHandler(databases, options.auth() ? tokens::isAdmin : request -> true,
                tokens::issue, options.busyTimeoutMillis());
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // "…/db/name//v3/pipeline": @tursodatabase/serverless appends "/v3/…" to a URL that may end in "/".
        http.setUriCompliance(UriCompliance.DEFAULT.with("skerry",
                UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT));
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        server.addConnector(connector);
        server.setHandler(new Handler.Sequence(new HealthHandler(), hrana, admin, site));
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception stop) {
                e.addSuppressed(stop);
            }
            databases.close();
            timer.shutdownNow();
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) {
                    throw new PortInUseException(options.port(), e);
                }
            }
            throw e;
        }
        ScheduledExecutorService janitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "skerry-janitor");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(50, Math.min(1000, Math.min(options.streamIdleMillis(), options.dbIdleMillis()) / 4));
        janitor.scheduleWithFixedDelay(() -> {
            // An exception would cancel the periodic task: report it and keep the janitor running.
            try {
                hrana.expireStreams();
                databases.closeIdle();
            } catch (RuntimeException e) {
                System.err.println("skerry-server: janitor: " + e);
            }
        }, period, period, TimeUnit.MILLISECONDS);
        return new SkerryServer(server, connector, databases, hrana, janitor, options.host(), timer, keys);
    }

    /** The port the server listens on (the chosen one when started with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The server's root URL: {@code localhost} unless it listens on one named interface. */
    public URI url() {
        String name = host == null || host.isEmpty() || host.equals("0.0.0.0") || host.equals("::")
                ? "localhost" : host;
        if (name.indexOf(':') >= 0) {
            name = "[" + name + "]";
        }
        return URI.create("http://" + name + ":" + port() + "/");
    }

    /** The registry of databases (for tests and monitoring). */
    public Databases databases() {
        return databases;
    }

    /** The Hrana handler (for tests and monitoring). */
    public HranaHandler hrana() {
        return hrana;
    }

    /** The server's signing key and admin token. */
    public Keys keys() {
        return keys;
    }

    public void join() throws InterruptedException {
        server.join();
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            janitor.shutdownNow();
            janitor.awaitTermination(5, TimeUnit.SECONDS);
            timer.shutdownNow();
            hrana.closeStreams();
            databases.close();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int exit = run(args, System.getenv(), System.out, System.err);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Runs the command line; returns an exit code at once on usage or failure, else serves until the JVM stops. */
    static int run(String[] args, java.util.Map<String, String> env, PrintStream out, PrintStream err)
            throws InterruptedException {
        ServerOptions options;
        try {
            options = ServerOptions.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("skerry-server: " + e.getMessage());
            err.print(ServerOptions.USAGE);
            return EXIT_USAGE;
        }
        if (options.help()) {
            out.print(ServerOptions.USAGE);
            return 0;
        }
        SkerryServer s;
        try {
            s = start(options);
        } catch (PortInUseException e) {
            err.println("skerry-server: port " + options.port() + " is already in use; choose another with --port N"
                    + " (or SKERRY_PORT=N)");
            return EXIT_FAILED;
        } catch (Exception e) {
            err.println("skerry-server: cannot start the server: " + e.getMessage());
            return EXIT_FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                s.close();
            } catch (Exception e) {
                err.println("skerry-server: error while stopping: " + e.getMessage());
            }
        }, "skerry-shutdown"));
        out.println("Skerry server running at " + s.url() + " with databases in " + s.databases.directory()
                + "; Hrana URL of database <name>: " + s.url() + "db/<name>/  (Ctrl+C stops it)");
        if (!options.auth()) {
            out.println("Authentication is OFF (--no-auth): anyone reaching the port may read, write and delete.");
        } else if (s.keys.generated() || options.adminToken() != null) {
            out.println("Admin token (Authorization: Bearer; also valid on every database): " + s.keys.adminToken());
        } else {
            out.println("Admin token: in " + s.databases.directory().resolve(".skerry-auth/admin-token"));
        }
        out.println("Admin API (Turso Platform API subset, @tursodatabase/api baseUrl): " + s.url() + "v1/");
        s.join();
        return 0;
    }
}
