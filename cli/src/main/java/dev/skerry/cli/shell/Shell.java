package dev.skerry.cli.shell;

import dev.skerry.cli.backend.Backend;
import dev.skerry.cli.backend.BackendException;
import dev.skerry.cli.backend.Query;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The shell over one open database: the input loop of the {@code sqlite3} shell ({@code process_input}),
 * statement execution ({@code shell_exec}) and error reporting ({@code runOneSqlLine}).
 *
 * <p>Input is read line by line. A line starting with {@code .} (when no SQL is pending) is a dot-command; a
 * line starting with {@code #} is ignored; other lines accumulate into a statement buffer, which is run when
 * its last line ends with a semicolon outside quotes and comments ({@link QuickScan}) and the buffer is
 * complete ({@code sqlite3_complete}, passed in as {@code isComplete}). A buffer may hold several statements;
 * they run in order and the first error stops the buffer. Errors go to stderr as
 * {@code Parse error near line N: MSG} (with caret lines when the error offset is known) or
 * {@code Runtime error near line N: MSG (CODE)}; with {@code .bail on} the first error ends the input.
 * stdout and stderr are flushed after every statement, so a merged stream shows rows and errors in statement
 * order. (sqlite3 flushes stdout only before reading the next input line: when one line holds several
 * statements, its error can come out before that line's earlier rows. The shell keeps statement order.)
 */
public final class Shell {
    private static final int MAX_INPUT_NESTING = 25;

    final Backend backend;
    final ShellSettings settings = new ShellSettings();
    final ShellOutput out;
    final ShellOutput err;
    final Predicate<String> isComplete;
    private final RowPrinter rows;
    private final ColumnarPrinter columns;
    private final DotCommands dot;
    int inputNesting;

    public Shell(Backend backend, ShellOutput out, ShellOutput err, Predicate<String> isComplete) {
        this.backend = backend;
        this.out = out;
        this.err = err;
        this.isComplete = isComplete;
        this.rows = new RowPrinter(settings, out);
        this.columns = new ColumnarPrinter(settings, out);
        this.dot = new DotCommands(this);
    }

    /** Settings from command-line options ({@code -csv}, {@code -header}, ...), applied before any input. */
    public boolean option(String name, String value) {
        return dot.option(name, value);
    }

    /**
     * Runs all of {@code in} as the shell runs a script or piped stdin.
     *
     * @return 1 if any error was reported, else 0
     */
    public int runInput(InputStream in) {
        inputNesting++;
        try {
            return processInput(new java.io.BufferedInputStream(in)) ? 1 : 0;
        } finally {
            inputNesting--;
        }
    }

    /** Runs SQL or a dot-command given on the command line; errors print as {@code Error: ...}. */
    public int runArgument(String text) {
        try {
            if (text.startsWith(".")) {
                int rc = dot.run(text);
                return rc == 2 ? 0 : rc;
            }
            ExecError error = shellExec(text);
            if (error != null) {
                out.flush();
                err.print("Error: " + error.text + "\n");
                return error.code != 0 ? error.code : 1;
            }
            return 0;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** {@code process_input}: returns true when any error was seen. */
    boolean processInput(InputStream in) {
        LineReader reader = new LineReader(in);
        StringBuilder sql = new StringBuilder();
        int errCnt = 0;
        int lineno = 0;
        int startline = 0;
        int qss = QuickScan.START;
        String line;
        while (errCnt == 0 || !settings.bail) {
            out.flush();
            line = reader.next();
            if (line == null) {
                break;
            }
            lineno++;
            if (QuickScan.inPlain(qss) && isCommandTerminator(line)
                    && (sql.length() == 0 || isComplete.test(sql + ";"))) {
                line = ";";
            }
            qss = QuickScan.scan(line, qss);
            if (QuickScan.plainWhite(qss) && sql.length() == 0) {
                qss = QuickScan.START;
                continue;
            }
            if ((line.startsWith(".") || line.startsWith("#")) && sql.length() == 0) {
                if (line.startsWith(".")) {
                    int rc = dot.run(line);
                    if (rc == 2) {
                        break;
                    } else if (rc != 0) {
                        errCnt++;
                    }
                }
                qss = QuickScan.START;
                continue;
            }
            if (sql.length() == 0) {
                int i = 0;
                while (i < line.length() && QuickScan.isSpace(line.charAt(i))) {
                    i++;
                }
                sql.append(line, i, line.length());
                startline = lineno;
            } else {
                sql.append('\n').append(line);
            }
            if (sql.length() > 0 && QuickScan.semiTerminated(qss) && isComplete.test(sql.toString())) {
                errCnt += runOneSqlLine(sql.toString(), startline);
                sql.setLength(0);
                qss = QuickScan.START;
            } else if (sql.length() > 0 && QuickScan.plainWhite(qss)) {
                sql.setLength(0);
                qss = QuickScan.START;
            }
        }
        if (sql.length() > 0 && (errCnt == 0 || !settings.bail)) {
            errCnt += runOneSqlLine(sql.toString(), startline);
        }
        out.flush();
        return errCnt > 0;
    }

    /** A line holding only {@code /} or {@code go} (Oracle and SQL Server's statement terminators). */
    private static boolean isCommandTerminator(String line) {
        int i = 0;
        while (i < line.length() && QuickScan.isSpace(line.charAt(i))) {
            i++;
        }
        if (line.startsWith("/", i)) {
            i += 1;
        } else if (line.regionMatches(true, i, "go", 0, 2)) {
            i += 2;
        } else {
            return false;
        }
        return QuickScan.scan(line.substring(i), QuickScan.START) == QuickScan.START;
    }

    /** {@code runOneSqlLine}: runs a buffer, prints its error if any; returns 1 on error. */
    private int runOneSqlLine(String sql, int startline) {
        ExecError error = shellExec(sql);
        if (error == null) {
            return 0;
        }
        String type;
        String tail;
        if (error.text.startsWith("in prepare, ")) {
            type = "Parse error";
            tail = error.text.substring(12);
        } else if (error.text.startsWith("stepping, ")) {
            type = "Runtime error";
            tail = error.text.substring(10);
        } else {
            type = "Error";
            tail = error.text;
        }
        out.flush();
        err.print(type + " near line " + startline + ": " + tail + "\n");
        err.flush();
        return 1;
    }

    /** An error of {@link #shellExec}: its text ({@code in prepare, MSG} or {@code stepping, MSG}) and code. */
    static final class ExecError {
        final String text;
        final int code;

        ExecError(String text, int code) {
            this.text = text;
            this.code = code;
        }
    }

    /**
     * {@code shell_exec}: runs each statement of {@code sql} in turn, printing its rows.
     *
     * @return null on success, else the error that stopped it
     */
    ExecError shellExec(String sql) {
        String rest = sql;
        while (!rest.isEmpty()) {
            Query q;
            try {
                q = backend.prepare(rest);
            } catch (BackendException e) {
                return new ExecError("in prepare, " + e.getMessage() + codeSuffix(e.code())
                        + ErrorContext.of(rest, e.errorOffset()), e.code());
            }
            if (q == null) {
                break;
            }
            BackendException stepError = null;
            try {
                stepError = run(q);
                rest = rest.substring(q.tailOffset());
            } finally {
                q.close();
                out.flush();
            }
            if (stepError != null) {
                return new ExecError("stepping, " + stepError.getMessage() + codeSuffix(stepError.code()),
                        stepError.code());
            }
            int i = 0;
            while (i < rest.length() && QuickScan.isSpace(rest.charAt(i))) {
                i++;
            }
            rest = rest.substring(i);
        }
        return null;
    }

    private static String codeSuffix(int code) {
        return code > 1 ? " (" + code + ")" : "";
    }

    /** Runs one prepared statement, printing its rows; returns the error that stopped it, if any. */
    private BackendException run(Query q) {
        String[] names = new String[q.columnCount()];
        for (int i = 0; i < names.length; i++) {
            names[i] = q.columnName(i);
        }
        if (settings.mode.columnar()) {
            List<Row> all = new ArrayList<>();
            BackendException error = null;
            try {
                while (q.step()) {
                    all.add(Row.read(q));
                }
            } catch (BackendException e) {
                error = e;
            }
            columns.print(names, all);
            return error;
        }
        rows.begin();
        try {
            while (q.step()) {
                rows.row(names, Row.read(q));
            }
            return null;
        } catch (BackendException e) {
            return e;
        } finally {
            rows.end();
        }
    }

    /** Reads lines from a byte stream as the shell's {@code local_getline}: LF or CRLF ends a line. */
    static final class LineReader {
        private final InputStream in;

        LineReader(InputStream in) {
            this.in = in;
        }

        String next() {
            ByteArrayOutputStream b = new ByteArrayOutputStream(128);
            try {
                int c;
                while ((c = in.read()) >= 0) {
                    if (c == '\n') {
                        return text(b);
                    }
                    b.write(c);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return b.size() == 0 ? null : text(b);
        }

        private static String text(ByteArrayOutputStream b) {
            byte[] bytes = b.toByteArray();
            int n = bytes.length;
            if (n > 0 && bytes[n - 1] == '\r') {
                n--;
            }
            return new String(bytes, 0, n, StandardCharsets.UTF_8);
        }
    }
}
