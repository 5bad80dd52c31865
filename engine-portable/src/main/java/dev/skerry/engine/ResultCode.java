package dev.skerry.engine;

/**
 * SQLite's result codes, with the same numbers as {@code sqlite3.h}: a primary code in the low byte, an
 * extended code above it. Only the codes Skerry produces are listed.
 */
public final class ResultCode {
    private ResultCode() {
    }

    public static final int SQLITE_OK = 0;
    public static final int SQLITE_ERROR = 1;
    public static final int SQLITE_INTERNAL = 2;
    public static final int SQLITE_PERM = 3;
    public static final int SQLITE_ABORT = 4;
    public static final int SQLITE_BUSY = 5;
    public static final int SQLITE_LOCKED = 6;
    public static final int SQLITE_NOMEM = 7;
    public static final int SQLITE_READONLY = 8;
    public static final int SQLITE_INTERRUPT = 9;
    public static final int SQLITE_IOERR = 10;
    public static final int SQLITE_CORRUPT = 11;
    public static final int SQLITE_NOTFOUND = 12;
    public static final int SQLITE_FULL = 13;
    public static final int SQLITE_CANTOPEN = 14;
    public static final int SQLITE_PROTOCOL = 15;
    public static final int SQLITE_EMPTY = 16;
    public static final int SQLITE_SCHEMA = 17;
    public static final int SQLITE_TOOBIG = 18;
    public static final int SQLITE_CONSTRAINT = 19;
    public static final int SQLITE_MISMATCH = 20;
    public static final int SQLITE_MISUSE = 21;
    public static final int SQLITE_NOLFS = 22;
    public static final int SQLITE_AUTH = 23;
    public static final int SQLITE_FORMAT = 24;
    public static final int SQLITE_RANGE = 25;
    public static final int SQLITE_NOTADB = 26;
    public static final int SQLITE_ROW = 100;
    public static final int SQLITE_DONE = 101;

    public static final int SQLITE_IOERR_READ = SQLITE_IOERR | (1 << 8);
    public static final int SQLITE_IOERR_SHORT_READ = SQLITE_IOERR | (2 << 8);
    public static final int SQLITE_IOERR_WRITE = SQLITE_IOERR | (3 << 8);
    public static final int SQLITE_IOERR_FSYNC = SQLITE_IOERR | (4 << 8);
    public static final int SQLITE_IOERR_TRUNCATE = SQLITE_IOERR | (6 << 8);
    public static final int SQLITE_IOERR_FSTAT = SQLITE_IOERR | (7 << 8);
    public static final int SQLITE_IOERR_DELETE = SQLITE_IOERR | (10 << 8);
    public static final int SQLITE_CORRUPT_INDEX = SQLITE_CORRUPT | (3 << 8);
    public static final int SQLITE_CONSTRAINT_CHECK = SQLITE_CONSTRAINT | (1 << 8);
    public static final int SQLITE_CONSTRAINT_FOREIGNKEY = SQLITE_CONSTRAINT | (3 << 8);
    public static final int SQLITE_CONSTRAINT_NOTNULL = SQLITE_CONSTRAINT | (5 << 8);
    public static final int SQLITE_CONSTRAINT_PRIMARYKEY = SQLITE_CONSTRAINT | (6 << 8);
    public static final int SQLITE_CONSTRAINT_TRIGGER = SQLITE_CONSTRAINT | (7 << 8);
    public static final int SQLITE_CONSTRAINT_UNIQUE = SQLITE_CONSTRAINT | (8 << 8);
    public static final int SQLITE_CONSTRAINT_ROWID = SQLITE_CONSTRAINT | (10 << 8);
    public static final int SQLITE_CONSTRAINT_DATATYPE = SQLITE_CONSTRAINT | (12 << 8);

    /** The primary code of a possibly extended code. */
    public static int primary(int code) {
        return code & 0xff;
    }

    /** SQLite's {@code sqlite3_errstr} text for a primary code. */
    public static String describe(int code) {
        switch (primary(code)) {
            case SQLITE_OK: return "not an error";
            case SQLITE_ERROR: return "SQL logic error";
            case SQLITE_INTERNAL: return "internal logic error";
            case SQLITE_PERM: return "access permission denied";
            case SQLITE_ABORT: return "query aborted";
            case SQLITE_BUSY: return "database is locked";
            case SQLITE_LOCKED: return "database table is locked";
            case SQLITE_NOMEM: return "out of memory";
            case SQLITE_READONLY: return "attempt to write a readonly database";
            case SQLITE_INTERRUPT: return "interrupted";
            case SQLITE_IOERR: return "disk I/O error";
            case SQLITE_CORRUPT: return "database disk image is malformed";
            case SQLITE_NOTFOUND: return "unknown operation";
            case SQLITE_FULL: return "database or disk is full";
            case SQLITE_CANTOPEN: return "unable to open database file";
            case SQLITE_PROTOCOL: return "locking protocol";
            case SQLITE_SCHEMA: return "database schema has changed";
            case SQLITE_TOOBIG: return "string or blob too big";
            case SQLITE_CONSTRAINT: return "constraint failed";
            case SQLITE_MISMATCH: return "datatype mismatch";
            case SQLITE_MISUSE: return "bad parameter or other API misuse";
            case SQLITE_AUTH: return "authorization denied";
            case SQLITE_RANGE: return "column index out of range";
            case SQLITE_NOTADB: return "file is not a database";
            case SQLITE_ROW: return "another row available";
            case SQLITE_DONE: return "no more rows available";
            default: return "unknown error";
        }
    }
}
