package dev.skerry.cli.sqltest;

import dev.skerry.cli.backend.Backend;
import dev.skerry.cli.backend.BackendException;
import dev.skerry.cli.shell.Shell;
import dev.skerry.cli.shell.ShellExit;
import dev.skerry.cli.shell.ShellOutput;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the cases of {@code .sqltest} files through the shell, in this JVM, as {@code run_sqltest_cli.py} runs
 * them through a {@code sqlite3} process:
 * <ul>
 *   <li>{@code :memory:}: one fresh database; the setups, {@code SELECT '__SETUP_END_MARKER_7f3a9b2c__';} and
 *       the test's SQL are one shell input; output up to the marker line is dropped;</li>
 *   <li>{@code :temp:}: a fresh file; each setup runs in its own shell and connection, then the test;</li>
 *   <li>a path (relative to the corpus folder), optionally {@code readonly}: the fixture is opened through
 *       {@link Databases}; a missing fixture skips the case;</li>
 *   <li>{@code :default:} and {@code :default-no-rowidalias:}: skipped (Turso's generated databases are not
 *       available).</li>
 * </ul>
 * A run is an error when stderr contains {@code error}/{@code Error}, stdout contains {@code Error:},
 * {@code error:} or {@code × }, or the shell reports an error; the message is normalised as the script does.
 * A Java exception escaping the backend is a failure of the case (reported with its class), not of the run.
 *
 * <p>Skipped: {@code @skip}, {@code @skip-file}, {@code @skip-if sqlite} and {@code @skip-file-if sqlite}
 * (SQLite's behaviour differs from the expectation), {@code @backend} other than {@code cli}, and
 * {@code @requires} of a capability SQLite lacks (anything but {@code trigger} and {@code strict}).
 */
public final class SqltestRunner {
    static final String MARKER = "__SETUP_END_MARKER_7f3a9b2c__";
    private static final String MARKER_SQL = "SELECT '" + MARKER + "';";
    private static final Pattern SCHEMA_TABLE = Pattern.compile("^(CREATE TABLE (?:IF NOT EXISTS )?)([^( ]+)\\(");
    private static final Pattern RUNTIME_CODE = Pattern.compile("^(.*) \\((\\d+)\\)$");

    /** Opens the database of a case: a path (a fresh temp file, {@code :memory:}, or a fixture). */
    @FunctionalInterface
    public interface Databases {
        Backend open(String path, boolean readonly) throws BackendException;
    }

    private final Databases databases;
    private final Predicate<String> isComplete;
    private final Path corpusDir;
    private final Path tempDir;
    private int tempCount;

    /**
     * @param corpusDir the folder relative {@code @database} paths are resolved from
     * @param tempDir   where {@code :temp:} databases are created (and deleted after each case)
     */
    public SqltestRunner(Databases databases, Predicate<String> isComplete, Path corpusDir, Path tempDir) {
        this.databases = databases;
        this.isComplete = isComplete;
        this.corpusDir = corpusDir;
        this.tempDir = tempDir;
    }

    /** Parses and runs one file; {@code name} labels its failures. */
    public SqltestResult runFile(String name, String text) {
        SqltestResult r = new SqltestResult();
        SqltestFile f;
        try {
            f = SqltestParser.parse(text);
        } catch (SqltestParser.ParseError e) {
            r.failed++;
            r.failures.add(name + ": parse error: " + e.getMessage());
            return r;
        }
        String fileSkip = f.skipFile;
        for (String[] c : f.skipFileIf) {
            if (c[0].equals("sqlite") && fileSkip == null) {
                fileSkip = c[1];
            }
        }
        for (SqltestCase t : f.cases) {
            String skip = fileSkip != null ? fileSkip : skipReason(t);
            for (SqltestFile.Database db : f.databases) {
                if (skip != null || db.spec.startsWith(":default")) {
                    r.skipped++;
                    continue;
                }
                String why = runCase(f, t, db);
                if (why == null) {
                    r.passed++;
                } else if (why.startsWith(SKIP)) {
                    r.skipped++;
                } else {
                    r.failed++;
                    r.failures.add(name + ": " + t.name + " [" + db.spec + "]: " + why);
                }
            }
        }
        return r;
    }

    private static final String SKIP = "\0skip ";

    private static String skipReason(SqltestCase t) {
        if (t.skip != null) {
            return t.skip;
        }
        for (String[] c : t.skipIf) {
            if (c[0].equals("sqlite")) {
                return c[1];
            }
        }
        if (t.backend != null && !t.backend.equals("cli")) {
            return "backend " + t.backend + " only";
        }
        for (String cap : t.requires) {
            if (!cap.equals("trigger") && !cap.equals("strict")) {
                return "requires " + cap;
            }
        }
        return null;
    }

    /** Runs one case on one database: null when it passes, {@link #SKIP}-prefixed when skipped, else why not. */
    private String runCase(SqltestFile f, SqltestCase t, SqltestFile.Database db) {
        List<String> setups = new ArrayList<>();
        for (String s : t.setups) {
            String sql = f.setups.get(s);
            if (sql == null) {
                return "unknown setup " + s;
            }
            setups.add(sql);
        }
        Expectation exp = t.cliExpectation();
        Outcome o;
        if (db.spec.equals(":memory:")) {
            String sql = t.sql;
            if (!setups.isEmpty()) {
                sql = String.join("\n", setups) + "\n" + MARKER_SQL + "\n" + sql;
            }
            o = runOnce(":memory:", false, sql);
            if (o.error == null && !setups.isEmpty()) {
                int at = o.lines.indexOf(MARKER);
                if (at >= 0) {
                    o.lines.subList(0, at + 1).clear();
                }
            }
        } else if (db.spec.equals(":temp:")) {
            Path path = tempDir.resolve("case-" + (++tempCount) + ".db");
            try {
                for (String s : setups) {
                    Outcome so = runOnce(path.toString(), false, s);
                    if (so.error != null) {
                        return "setup failed: " + so.error;
                    }
                }
                o = runOnce(path.toString(), false, t.sql);
            } finally {
                for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
                    try {
                        Files.deleteIfExists(Path.of(path + suffix));
                    } catch (IOException e) {
                        // a leftover temp file does not change any result; the folder is removed at the end
                    }
                }
            }
        } else {
            Path path = corpusDir.resolve(db.spec);
            if (!Files.exists(path)) {
                return SKIP + "database file " + db.spec + " not available";
            }
            o = runOnce(path.toString(), db.readonly, t.sql);
        }
        return exp.mismatch(o.error, o.lines);
    }

    /** What one shell run gave: the normalised error (null when none) and the output lines. */
    private static final class Outcome {
        final String error;
        final List<String> lines;

        Outcome(String error, List<String> lines) {
            this.error = error;
            this.lines = lines;
        }
    }

    private Outcome runOnce(String path, boolean readonly, String sqlIn) {
        String dot = finalDotCommand(sqlIn);
        String sql = sqlIn;
        if (dot != null) {
            List<String> ls = new ArrayList<>();
            for (String l : sqlIn.split("\n", -1)) {
                ls.add(l.strip().equals(dot) ? dot : l);
            }
            sql = String.join("\n", ls);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        Backend backend;
        try {
            backend = databases.open(path, readonly);
        } catch (BackendException e) {
            return new Outcome("unable to open database: " + e.getMessage(), new ArrayList<>());
        }
        try {
            Shell shell = new Shell(backend, new ShellOutput(out), new ShellOutput(err), isComplete);
            rc = shell.runInput(new ByteArrayInputStream(sql.getBytes(StandardCharsets.UTF_8)));
        } catch (ShellExit e) {
            rc = e.status();
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome("Java exception escaped: " + e, new ArrayList<>());
        } finally {
            backend.close();
        }
        String o = out.toString(StandardCharsets.UTF_8);
        String e = err.toString(StandardCharsets.UTF_8);
        if ((!e.isEmpty() && (e.contains("Error") || e.contains("error"))) || o.contains("× ")
                || o.contains("error:") || o.contains("Error:") || rc != 0) {
            String raw = !e.strip().isEmpty() ? e.strip() : !o.strip().isEmpty() ? o.strip() : "exit status " + rc;
            return new Outcome(normalizeError(raw), new ArrayList<>());
        }
        List<String> lines = lines(o);
        if (dot != null) {
            List<String> kept = new ArrayList<>();
            for (String l : lines) {
                if (l.isEmpty()) {
                    continue;
                }
                if (dot.startsWith(".tables")) {
                    kept.add(l.replaceAll(" {2,}", " "));
                } else {
                    Matcher m = SCHEMA_TABLE.matcher(l);
                    kept.add(m.find() ? m.group(1) + m.group(2) + " (" + l.substring(m.end()) : l);
                }
            }
            lines = kept;
        }
        return new Outcome(null, lines);
    }

    /** Rust's {@code str::lines()}: split on newlines, no trailing empty line, a CR before a newline dropped. */
    static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        if (s.isEmpty()) {
            return out;
        }
        String[] parts = s.split("\n", -1);
        int n = parts.length;
        if (parts[n - 1].isEmpty()) {
            n--;
        }
        for (int i = 0; i < n; i++) {
            String p = parts[i];
            out.add(p.endsWith("\r") ? p.substring(0, p.length() - 1) : p);
        }
        return out;
    }

    /** The {@code .schema} or {@code .tables} command on the last non-blank line, or null. */
    static String finalDotCommand(String sql) {
        String[] ls = sql.split("\n", -1);
        for (int i = ls.length - 1; i >= 0; i--) {
            String l = ls[i].strip();
            if (l.isEmpty()) {
                continue;
            }
            for (String cmd : new String[] {".schema", ".tables"}) {
                if (l.equals(cmd) || l.startsWith(cmd + " ")) {
                    return l;
                }
            }
            return null;
        }
        return null;
    }

    /** The script's {@code normalize_cli_error}: the message of the first {@code Parse error}/{@code Runtime error} line. */
    static String normalizeError(String raw) {
        String[] ls = raw.split("\n", -1);
        for (int idx = 0; idx < ls.length; idx++) {
            String line = ls[idx].stripLeading();
            if (line.startsWith("Error: ")) {
                line = line.substring(7);
            }
            for (String kind : new String[] {"Parse error", "Runtime error"}) {
                if (!line.startsWith(kind)) {
                    continue;
                }
                String rest = line.substring(kind.length()).stripLeading();
                if (rest.startsWith("near line")) {
                    rest = rest.substring(9).stripLeading();
                    int k = 0;
                    while (k < rest.length() && Character.isDigit(rest.charAt(k))) {
                        k++;
                    }
                    rest = rest.substring(k);
                }
                if (rest.startsWith(":")) {
                    String msg = rest.substring(1).stripLeading();
                    if (kind.equals("Parse error")) {
                        return "Parse error: " + msg;
                    }
                    Matcher m = RUNTIME_CODE.matcher(msg);
                    return m.matches() ? m.group(1) : msg;
                }
            }
        }
        return raw.strip();
    }
}
