package dev.skerry.engine;

/**
 * An error as SQLite reports it: a result code (possibly extended, see {@link ResultCode}) and the message
 * {@code sqlite3_errmsg} would give, such as {@code no such table: t1} or
 * {@code UNIQUE constraint failed: t1.a}. Every error the engine reports to a user is one of these.
 *
 * <p>An error found at a token of the SQL text also carries {@link #errorOffset()}, what
 * {@code sqlite3_error_offset} gives: where that token starts, counted from the start of the text given to
 * prepare (in Java chars, as {@code Statement.tailOffset()} is; SQLite counts UTF-8 bytes). It is -1 when
 * SQLite reports none.
 */
public class SqliteException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final int errorOffset;
    private String detail;

    public SqliteException(int code, String message) {
        this(code, message, -1);
    }

    public SqliteException(int code, String message, int errorOffset) {
        super(message == null ? ResultCode.describe(code) : message, null, false, false);
        this.code = code;
        this.errorOffset = errorOffset;
    }

    /** The (possibly extended) result code. */
    public int code() {
        return code;
    }

    /** The primary result code. */
    public int primaryCode() {
        return ResultCode.primary(code);
    }

    /** Offset in the SQL text of the token where the error was found, or -1 ({@code sqlite3_error_offset}). */
    public int errorOffset() {
        return errorOffset;
    }

    /** Where the engine found the problem (a page number, an offset); not part of SQLite's message. */
    public String detail() {
        return detail;
    }

    public static SqliteException error(String message) {
        return new SqliteException(ResultCode.SQLITE_ERROR, message);
    }

    /** An SQLITE_ERROR found at the token starting at {@code errorOffset} of the SQL text (-1: none). */
    public static SqliteException error(String message, int errorOffset) {
        return new SqliteException(ResultCode.SQLITE_ERROR, message, errorOffset);
    }

    public static SqliteException corrupt(String detail) {
        SqliteException e = new SqliteException(ResultCode.SQLITE_CORRUPT, null);
        e.detail = detail;
        return e;
    }
}
