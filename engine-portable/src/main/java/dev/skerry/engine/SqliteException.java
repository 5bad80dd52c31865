package dev.skerry.engine;

/**
 * An error as SQLite reports it: a result code (possibly extended, see {@link ResultCode}) and the message
 * {@code sqlite3_errmsg} would give, such as {@code no such table: t1} or
 * {@code UNIQUE constraint failed: t1.a}. Every error the engine reports to a user is one of these.
 */
public class SqliteException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int code;
    private String detail;

    public SqliteException(int code, String message) {
        super(message == null ? ResultCode.describe(code) : message, null, false, false);
        this.code = code;
    }

    /** The (possibly extended) result code. */
    public int code() {
        return code;
    }

    /** The primary result code. */
    public int primaryCode() {
        return ResultCode.primary(code);
    }

    /** Where the engine found the problem (a page number, an offset); not part of SQLite's message. */
    public String detail() {
        return detail;
    }

    public static SqliteException error(String message) {
        return new SqliteException(ResultCode.SQLITE_ERROR, message);
    }

    public static SqliteException corrupt(String detail) {
        SqliteException e = new SqliteException(ResultCode.SQLITE_CORRUPT, null);
        e.detail = detail;
        return e;
    }
}
