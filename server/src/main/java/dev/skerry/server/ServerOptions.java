package dev.skerry.server;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * The server's command line: {@code [--port N] [--host NAME] [--data DIR] [--max-open N]
 * [--db-idle-seconds N] [--stream-idle-seconds N] [--busy-timeout-ms N] [--max-body-bytes N]
 * [--max-response-bytes N] [--request-timeout-ms N] [--admin-token T] [--no-auth] [--no-create]
 * [--help]}. The admin token comes from {@code --admin-token}, else {@code SKERRY_ADMIN_TOKEN}, else the one
 * stored in the data directory (generated at the first start). The port comes from {@code --port}, else {@code SKERRY_PORT}, else {@value #DEFAULT_PORT}
 * (0: any free port); the data directory from {@code --data}, else {@code SKERRY_DATA}, else {@code ./data}.
 *
 * @param host the interface to listen on, or null for all
 * @param port the TCP port, 0 to 65535
 * @param data the data directory (database {@code n} is {@code DIR/n.db})
 * @param maxOpen the bound on open databases
 * @param dbIdleMillis how long an unused database stays open
 * @param streamIdleMillis how long a Hrana stream lives without requests
 * @param busyTimeoutMillis how long a request waits for another stream's transaction
 * @param maxBodyBytes the largest request body
 * @param maxResponseBytes the estimated size the rows of one response may reach
 * @param createOnFirstUse whether a request to a database that does not exist creates it
 * @param help true when usage was asked for
 * @param auth whether requests need tokens ({@code --no-auth} turns it off)
 * @param adminToken the admin token given on the command line or in the environment, or null
 * @param requestTimeoutMillis how long the statements of one HTTP request may run
 */
public record ServerOptions(String host, int port, Path data, int maxOpen, long dbIdleMillis, long streamIdleMillis,
        long busyTimeoutMillis, int maxBodyBytes, long maxResponseBytes, boolean createOnFirstUse, boolean help,
        boolean auth, String adminToken, long requestTimeoutMillis) {
    public static final int DEFAULT_PORT = 8080;
    static final String USAGE = "usage: java -jar skerry-server.jar [options]\n"
            + "  --port N               TCP port (default: $SKERRY_PORT, else " + DEFAULT_PORT + "; 0 = any free port)\n"
            + "  --host NAME            interface to listen on (default: all)\n"
            + "  --data DIR             data directory, database <name> is DIR/<name>.db"
            + " (default: $SKERRY_DATA, else ./data)\n"
            + "  --max-open N           most databases open at once (default 100)\n"
            + "  --db-idle-seconds N    close a database unused for N seconds (default 60)\n"
            + "  --stream-idle-seconds N  expire a Hrana stream unused for N seconds, rolling back its"
            + " transaction (default 10)\n"
            + "  --busy-timeout-ms N    wait at most N ms for another stream's transaction (default 5000)\n"
            + "  --max-body-bytes N     largest request body (default 10485760)\n"
            + "  --max-response-bytes N largest response rows, estimated (default 67108864)\n"
            + "  --request-timeout-ms N interrupt the statements of a request running longer (default 30000)\n"
            + "  --admin-token T        the admin token (default: $SKERRY_ADMIN_TOKEN, else the one generated into"
            + " DIR/.skerry-auth/)\n"
            + "  --no-auth              no tokens needed: anyone may read, write, create and delete databases"
            + " (local demos only)\n"
            + "  --no-create            do not create databases on first use (404 instead)\n";

    /** Defaults for tests and embedding: every interface, the given port and directory. */
    public static ServerOptions defaults(int port, Path data) {
        return new ServerOptions(null, port, data, 100, 60_000, 10_000, 5_000, 10 * 1024 * 1024, 64L * 1024 * 1024,
                true, false, true, null, 30_000);
    }

    /** This configuration with other idle times and bounds (for tests). */
    public ServerOptions withLimits(int maxOpen, long dbIdleMillis, long streamIdleMillis, long busyTimeoutMillis) {
        return new ServerOptions(host, port, data, maxOpen, dbIdleMillis, streamIdleMillis, busyTimeoutMillis,
                maxBodyBytes, maxResponseBytes, createOnFirstUse, help, auth, adminToken, requestTimeoutMillis);
    }

    /** This configuration with authentication on or off and the given admin token (for tests). */
    public ServerOptions withAuth(boolean on, String token) {
        return new ServerOptions(host, port, data, maxOpen, dbIdleMillis, streamIdleMillis, busyTimeoutMillis,
                maxBodyBytes, maxResponseBytes, createOnFirstUse, help, on, token, requestTimeoutMillis);
    }

    /** This configuration with another request time limit (for tests). */
    public ServerOptions withRequestTimeout(long millis) {
        return new ServerOptions(host, port, data, maxOpen, dbIdleMillis, streamIdleMillis, busyTimeoutMillis,
                maxBodyBytes, maxResponseBytes, createOnFirstUse, help, auth, adminToken, millis);
    }

    /**
     * Reads the arguments and the environment ({@code SKERRY_PORT}, {@code SKERRY_DATA}).
     *
     * @throws IllegalArgumentException with a one-line reason for an unknown option, a missing or bad value
     */
    public static ServerOptions parse(String[] args, Map<String, String> env) {
        ServerOptions o = defaults(DEFAULT_PORT, Paths.get(env.getOrDefault("SKERRY_DATA", "data")));
        String envPort = env.get("SKERRY_PORT");
        String host = null;
        int port = envPort != null && !envPort.isBlank() ? (int) number(envPort.trim(), "SKERRY_PORT", 0, 65535)
                : DEFAULT_PORT;
        Path data = o.data();
        int maxOpen = o.maxOpen();
        long dbIdle = o.dbIdleMillis();
        long streamIdle = o.streamIdleMillis();
        long busy = o.busyTimeoutMillis();
        int maxBody = o.maxBodyBytes();
        long maxResponse = o.maxResponseBytes();
        boolean create = true;
        boolean help = false;
        boolean auth = true;
        String envToken = env.get("SKERRY_ADMIN_TOKEN");
        String adminToken = envToken != null && !envToken.isBlank() ? envToken.trim() : null;
        long requestTimeout = o.requestTimeoutMillis();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value = null;
            int eq = name.indexOf('=');
            if (name.startsWith("--") && eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            switch (name) {
                case "-h", "--help" -> help = true;
                case "--no-create" -> create = false;
                case "--no-auth" -> auth = false;
                case "--port", "--host", "--data", "--max-open", "--db-idle-seconds", "--stream-idle-seconds",
                        "--busy-timeout-ms", "--max-body-bytes", "--max-response-bytes", "--request-timeout-ms",
                        "--admin-token" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--port" -> port = (int) number(value, name, 0, 65535);
                        case "--host" -> host = value;
                        case "--data" -> data = Paths.get(value);
                        case "--max-open" -> maxOpen = (int) number(value, name, 1, 1_000_000);
                        case "--db-idle-seconds" -> dbIdle = number(value, name, 1, 86_400) * 1000;
                        case "--stream-idle-seconds" -> streamIdle = number(value, name, 1, 86_400) * 1000;
                        case "--busy-timeout-ms" -> busy = number(value, name, 0, 3_600_000);
                        case "--max-response-bytes" -> maxResponse = number(value, name, 1024, Long.MAX_VALUE);
                        case "--request-timeout-ms" -> requestTimeout = number(value, name, 1, 86_400_000);
                        case "--admin-token" -> {
                            if (value.isBlank()) {
                                throw new IllegalArgumentException("--admin-token needs a non-empty value");
                            }
                            adminToken = value.trim();
                        }
                        default -> maxBody = (int) number(value, name, 1024, Integer.MAX_VALUE - 1);
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        return new ServerOptions(host, port, data, maxOpen, dbIdle, streamIdle, busy, maxBody, maxResponse, create,
                help, auth, adminToken, requestTimeout);
    }

    private static long number(String text, String source, long min, long max) {
        long n;
        try {
            n = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " is not a number: " + text);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(source + " is out of range (" + min + " to " + max + "): " + text);
        }
        return n;
    }
}
