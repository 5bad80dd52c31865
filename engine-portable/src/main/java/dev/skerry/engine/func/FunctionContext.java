package dev.skerry.engine.func;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.Collation;

/**
 * What a function may ask of the connection and statement calling it; implemented by the VM.
 */
public interface FunctionContext {
    /** {@code sqlite3_last_insert_rowid}. */
    long lastInsertRowid();

    /** {@code sqlite3_changes64}: rows changed by the most recent INSERT/UPDATE/DELETE. */
    long changes();

    /** {@code sqlite3_total_changes64}. */
    long totalChanges();

    /** Fills {@code out} with pseudo-random bytes ({@code sqlite3_randomness}). */
    void randomBytes(byte[] out);

    /**
     * The time of the current statement step in milliseconds since 1970 UTC ({@code sqlite3StmtCurrentTime}):
     * the same for every call within one step, for {@code 'now'}.
     */
    long stepTimeMillis();

    /** The host's local-time offset from UTC in seconds at {@code utcMillis}, for 'localtime' and 'utc'. */
    int localOffsetSeconds(long utcMillis);

    /**
     * SQLite's {@code sqlite3NotPureFunc}: called by a function about to read the clock or the time zone ('now',
     * 'localtime', 'utc'); throws {@code non-deterministic use of f() in an index} (a CHECK constraint, a
     * generated column) when the call is in such an expression (a PureFunc instruction), else returns.
     */
    default void notPure() throws SqliteException {
    }

    /**
     * The collation of the call (SQLite's {@code OP_CollSeq} before the function), used by min/max and
     * nullif; BINARY unless the VM says otherwise.
     */
    default Collation collation() {
        return Collation.BINARY;
    }
}
