package dev.skerry.cli.backend;

/**
 * An error reported by a backend, as SQLite reports it: the primary result code, the message
 * {@code sqlite3_errmsg} gives, and the offset into the statement text that
 * {@code sqlite3_error_offset} gives (-1 when unknown).
 */
public final class BackendException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final int errorOffset;

    public BackendException(int code, String message, int errorOffset) {
        super(message, null, false, false);
        this.code = code;
        this.errorOffset = errorOffset;
    }

    /** The primary result code (extended codes are reduced to their low byte by the backend). */
    public int code() {
        return code;
    }

    /** Offset (in Java chars of the text given to {@code prepare}) where the error was found, or -1. */
    public int errorOffset() {
        return errorOffset;
    }
}
