package dev.skerry.cli.slt;

import dev.skerry.cli.backend.Backend;
import dev.skerry.cli.backend.BackendException;
import dev.skerry.cli.backend.BackendOpener;
import dev.skerry.cli.backend.Query;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs sqllogictest scripts over a backend, one fresh {@code :memory:} database per file, calling itself
 * {@code sqlite} for {@code skipif}/{@code onlyif}. Each executed statement or query record passes or fails;
 * records excluded by their conditions are skipped; {@code halt} and an unknown header stop the file (an
 * unknown header counts as one failure).
 *
 * <p>State per file: the hash threshold (8 until a {@code hash-threshold} record) and the hash first seen for
 * each label.
 */
public final class SltRunner {
    /** The engine name compared with {@code skipif}/{@code onlyif}. */
    public static final String ENGINE = "sqlite";
    private static final int DEFAULT_HASH_THRESHOLD = 8;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final BackendOpener opener;
    private final PrintStream out;
    private final boolean verbose;

    /**
     * @param out where per-file lines and (with {@code verbose}) each failure are printed
     */
    public SltRunner(BackendOpener opener, PrintStream out, boolean verbose) {
        this.opener = opener;
        this.out = out;
        this.verbose = verbose;
    }

    /** Runs one script; {@code name} is used in messages. */
    public SltResult runScript(String name, String text) {
        SltResult result = new SltResult();
        List<SltRecord> records = SltScript.parse(text);
        Backend backend;
        try {
            backend = opener.open(":memory:");
        } catch (BackendException e) {
            result.failed++;
            fail(name, 0, "", "cannot open database: " + e.getMessage(), "", "");
            return result;
        }
        try {
            int threshold = DEFAULT_HASH_THRESHOLD;
            Map<String, String> labels = new HashMap<>();
            for (SltRecord r : records) {
                if (r.skippedFor(ENGINE)) {
                    if (r.kind == SltRecord.Kind.QUERY || r.kind == SltRecord.Kind.STATEMENT_OK
                            || r.kind == SltRecord.Kind.STATEMENT_ERROR) {
                        result.skipped++;
                    }
                    continue;
                }
                if (r.kind == SltRecord.Kind.HALT) {
                    break;
                }
                if (r.kind == SltRecord.Kind.HASH_THRESHOLD) {
                    threshold = r.threshold;
                    continue;
                }
                if (r.kind == SltRecord.Kind.UNKNOWN) {
                    result.failed++;
                    fail(name, r.line, "", "unknown record header: " + r.header, "", "");
                    break;
                }
                boolean ok = r.kind == SltRecord.Kind.QUERY
                        ? runQuery(name, r, backend, threshold, labels)
                        : runStatement(name, r, backend);
                if (ok) {
                    result.passed++;
                } else {
                    result.failed++;
                }
            }
        } finally {
            backend.close();
        }
        return result;
    }

    /** Runs every statement of the record's SQL in turn, as {@code sqlite3_exec} does, stopping at an error. */
    private boolean runStatement(String name, SltRecord r, Backend backend) {
        String error = null;
        String sql = r.sql;
        try {
            while (!sql.isEmpty()) {
                Query q = backend.prepare(sql);
                if (q == null) {
                    break;
                }
                try {
                    while (q.step()) {
                        // rows of a statement record are not looked at
                    }
                    sql = sql.substring(q.tailOffset());
                } finally {
                    q.close();
                }
            }
        } catch (BackendException e) {
            error = e.getMessage();
        }
        boolean wantError = r.kind == SltRecord.Kind.STATEMENT_ERROR;
        if (wantError == (error != null)) {
            return true;
        }
        fail(name, r.line, r.sql, wantError ? "statement succeeded but an error was expected"
                : "statement failed: " + error, "", "");
        return false;
    }

    private boolean runQuery(String name, SltRecord r, Backend backend, int threshold,
                             Map<String, String> labels) {
        for (int i = 0; i < r.types.length(); i++) {
            char t = r.types.charAt(i);
            if (t != 'T' && t != 'I' && t != 'R') {
                fail(name, r.line, r.sql, "unknown type character '" + t + "'", "", "");
                return false;
            }
        }
        if (r.sort == null) {
            fail(name, r.line, r.sql, "unknown sort method: " + r.header, "", "");
            return false;
        }
        int nCol = r.types.length();
        List<String> values = new ArrayList<>();
        try {
            Query q = backend.prepare(r.sql);
            if (q == null) {
                fail(name, r.line, r.sql, "query holds no statement", "", "");
                return false;
            }
            try {
                if (q.columnCount() != nCol) {
                    fail(name, r.line, r.sql, "wrong number of columns: " + q.columnCount() + " returned, "
                            + nCol + " expected", "", "");
                    return false;
                }
                while (stepIgnoringError(q)) {
                    for (int c = 0; c < nCol; c++) {
                        values.add(SltValues.render(q, c, r.types.charAt(c)));
                    }
                }
            } finally {
                q.close();
            }
        } catch (BackendException e) {
            fail(name, r.line, r.sql, "query failed: " + e.getMessage(), "", "");
            return false;
        }
        String[] v = values.toArray(new String[0]);
        sort(v, nCol, r.sort);
        boolean hashed = threshold > 0 && v.length > threshold;
        String hash = hashed || !r.label.isEmpty() ? md5(v) : null;
        boolean ok;
        String got;
        if (hashed) {
            got = v.length + " values hashing to " + hash;
            ok = r.expected.size() == 1 && r.expected.get(0).equals(got);
        } else {
            got = String.join("\n", v);
            ok = Arrays.asList(v).equals(r.expected);
        }
        if (!ok) {
            fail(name, r.line, r.sql, "wrong result", String.join("\n", r.expected), got);
            return false;
        }
        if (!r.label.isEmpty()) {
            String first = labels.putIfAbsent(r.label, hash);
            if (first != null && !first.equals(hash)) {
                fail(name, r.line, r.sql, "hash of label " + r.label + " differs from its first query",
                        first, hash);
                return false;
            }
        }
        return true;
    }

    /**
     * One step of a query. As in the reference driver ({@code while( sqlite3_step(pStmt)==SQLITE_ROW )}), an
     * error while stepping ends the rows: only the values returned before it are compared.
     */
    private static boolean stepIgnoringError(Query q) {
        try {
            return q.step();
        } catch (BackendException e) {
            return false;
        }
    }

    /** Sorts values by whole rows ({@code rowsort}) or one by one ({@code valuesort}), comparing bytes. */
    private static void sort(String[] v, int nCol, SltRecord.Sort sort) {
        if (sort == SltRecord.Sort.VALUESORT) {
            Arrays.sort(v);
        } else if (sort == SltRecord.Sort.ROWSORT && nCol > 0) {
            int nRow = v.length / nCol;
            String[][] rows = new String[nRow][];
            for (int i = 0; i < nRow; i++) {
                rows[i] = Arrays.copyOfRange(v, i * nCol, i * nCol + nCol);
            }
            Arrays.sort(rows, (a, b) -> {
                for (int c = 0; c < a.length; c++) {
                    int d = a[c].compareTo(b[c]);
                    if (d != 0) {
                        return d;
                    }
                }
                return 0;
            });
            for (int i = 0; i < nRow; i++) {
                System.arraycopy(rows[i], 0, v, i * nCol, nCol);
            }
        }
    }

    /** MD5 of the values, each followed by a newline, as 32 lowercase hex digits. */
    static String md5(String[] values) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no MD5", e);
        }
        for (String s : values) {
            md.update(s.getBytes(StandardCharsets.ISO_8859_1));
            md.update((byte) '\n');
        }
        byte[] d = md.digest();
        char[] hex = new char[d.length * 2];
        for (int i = 0; i < d.length; i++) {
            hex[2 * i] = HEX[(d[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX[d[i] & 0xF];
        }
        return new String(hex);
    }

    private void fail(String name, int line, String sql, String reason, String expected, String got) {
        if (!verbose) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(name).append(':').append(line).append(": ").append(reason).append('\n');
        if (!sql.isEmpty()) {
            sb.append(sql).append('\n');
        }
        if (!expected.isEmpty() || !got.isEmpty()) {
            sb.append("expected:\n").append(expected).append("\ngot:\n").append(got).append('\n');
        }
        out.print(sb);
    }
}
