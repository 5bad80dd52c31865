package dev.skerry.demo;

/**
 * The demo server's command line: {@code [--port N] [--host NAME] [--help]}. The port comes from
 * {@code --port}, else from the {@code PORT} environment variable, else {@value #DEFAULT_PORT}; port 0 asks
 * the system for a free one. Without {@code --host} the server listens on every interface.
 *
 * @param host the interface to listen on, or null for all
 * @param port the TCP port, 0 to 65535
 * @param help true when usage was asked for (the server is not started)
 */
record ServerOptions(String host, int port, boolean help) {
    static final int DEFAULT_PORT = 8080;
    static final String USAGE = "usage: java -jar skerry-demo.jar [--port N] [--host NAME]\n"
            + "  --port N     TCP port to listen on (default: $PORT, else " + DEFAULT_PORT + "; 0 = any free port)\n"
            + "  --host NAME  interface to listen on (default: all)\n";

    /**
     * Reads the arguments; {@code portVariable} is the value of {@code PORT} (null when unset).
     *
     * @throws IllegalArgumentException with a one-line reason for an unknown option, a missing value or a bad port
     */
    static ServerOptions parse(String[] args, String portVariable) {
        String host = null;
        String portText = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "-h", "--help" -> help = true;
                case "--port", "--host" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (name.equals("--port")) {
                        portText = value;
                    } else {
                        host = value;
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        int port = DEFAULT_PORT;
        if (portText != null) {
            port = port(portText, "--port");
        } else if (portVariable != null && !portVariable.isBlank()) {
            port = port(portVariable.trim(), "PORT");
        }
        return new ServerOptions(host, port, help);
    }

    private static int port(String text, String source) {
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " is not a port number: " + text);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(source + " is out of range (0 to 65535): " + text);
        }
        return port;
    }
}
