package dev.skerry.cli.backend;

/**
 * Test support: the SQLite backend plus an error offset for syntax errors, which JDBC does not report. For
 * {@code near "X": syntax error} SQLite's {@code sqlite3_error_offset} is the start of the token X; this takes
 * the first occurrence of X in the statement, which the test scripts are written to make the right one.
 * With it the shell's caret lines can be compared with the {@code sqlite3} shell's.
 */
public final class SyntaxOffsetBackend implements Backend {
    private final Backend inner;

    private SyntaxOffsetBackend(Backend inner) {
        this.inner = inner;
    }

    public static Backend open(String path) throws BackendException {
        return new SyntaxOffsetBackend(SqliteJdbcBackend.open(path));
    }

    @Override
    public Query prepare(String sql) throws BackendException {
        try {
            return inner.prepare(sql);
        } catch (BackendException e) {
            String m = e.getMessage();
            if (m.startsWith("near \"") && m.endsWith("\": syntax error")) {
                String token = m.substring(6, m.length() - 15);
                throw new BackendException(e.code(), m, sql.indexOf(token));
            }
            throw e;
        }
    }

    @Override
    public void close() {
        inner.close();
    }
}
