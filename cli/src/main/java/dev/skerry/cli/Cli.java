package dev.skerry.cli;

import dev.skerry.cli.backend.Backend;
import dev.skerry.cli.backend.BackendException;
import dev.skerry.cli.backend.BackendOpener;
import dev.skerry.cli.shell.Shell;
import dev.skerry.cli.shell.ShellExit;
import dev.skerry.cli.shell.ShellOutput;
import dev.skerry.cli.slt.SltCommand;
import dev.skerry.cli.sqltest.SqltestCommand;
import dev.skerry.cli.sqltest.ReadonlyCopy;
import dev.skerry.cli.sqltest.SqltestRunner;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The command line, independent of the engine: {@code skerry --slt [--verbose] FILE...} runs sqllogictest
 * files; {@code skerry --sqltest [--verbose] FILE|DIR...} runs Turso's {@code .sqltest} files; otherwise
 * {@code skerry [OPTIONS] [DB] [SQL...]} is the shell, as {@code sqlite3}: with SQL
 * arguments it runs them, else it reads stdin. Returns the exit status.
 */
public final class Cli {
    private static final String[] VALUE_OPTIONS = {"-separator", "-newline", "-nullvalue"};

    private Cli() {
    }

    /**
     * {@code --sqltest [--verbose] FILE|DIR...}: read-only fixtures are copied to a temp file first, so that
     * the engine never writes to them.
     */
    private static int sqltest(String[] args, BackendOpener opener, Predicate<String> isComplete,
            OutputStream stdout) {
        List<String> paths = new ArrayList<>();
        boolean verbose = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--verbose")) {
                verbose = true;
            } else {
                paths.add(args[i]);
            }
        }
        SqltestRunner.Databases dbs = (path, readonly) -> opener.open(readonly ? ReadonlyCopy.of(path) : path);
        return SqltestCommand.run(paths, verbose, dbs, isComplete, new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }

    public static int run(String[] args, InputStream in, OutputStream stdout, OutputStream stderr,
                          BackendOpener opener, Predicate<String> isComplete) {
        if (args.length > 0 && args[0].equals("--slt")) {
            List<String> files = new ArrayList<>();
            boolean verbose = false;
            for (int i = 1; i < args.length; i++) {
                if (args[i].equals("--verbose")) {
                    verbose = true;
                } else {
                    files.add(args[i]);
                }
            }
            return SltCommand.run(files, verbose, opener, new PrintStream(stdout, true, StandardCharsets.UTF_8));
        }
        if (args.length > 0 && args[0].equals("--sqltest")) {
            return sqltest(args, opener, isComplete, stdout);
        }
        ShellOutput out = new ShellOutput(stdout);
        ShellOutput err = new ShellOutput(stderr);
        List<String[]> options = new ArrayList<>();
        String db = null;
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (db == null && a.startsWith("-") && a.length() > 1) {
                String name = a.startsWith("--") ? a.substring(1) : a;
                String value = null;
                for (String v : VALUE_OPTIONS) {
                    if (v.equals(name) && i + 1 < args.length) {
                        value = args[++i];
                    }
                }
                options.add(new String[] {name, value});
            } else if (db == null) {
                db = a;
            } else {
                commands.add(a);
            }
        }
        String path = db == null ? ":memory:" : db;
        Backend backend;
        try {
            backend = opener.open(path);
        } catch (BackendException e) {
            err.print("Error: unable to open database \"" + path + "\": " + e.getMessage() + "\n");
            err.flush();
            return 1;
        }
        try {
            Shell shell = new Shell(backend, out, err, isComplete);
            for (String[] o : options) {
                if (!shell.option(o[0], o[1])) {
                    err.print("skerry: Error: unknown option: " + o[0] + "\n"
                            + "Use -help for a list of options.\n");
                    err.flush();
                    return 1;
                }
            }
            if (commands.isEmpty()) {
                return shell.runInput(in);
            }
            for (String c : commands) {
                int rc = shell.runArgument(c);
                if (rc != 0) {
                    return rc;
                }
            }
            return 0;
        } catch (ShellExit e) {
            return e.status();
        } finally {
            out.flush();
            err.flush();
            backend.close();
        }
    }
}
