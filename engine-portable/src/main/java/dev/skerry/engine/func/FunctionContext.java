package dev.skerry.engine.func;

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
     * The collation of the call (SQLite's {@code OP_CollSeq} before the function), used by min/max and
     * nullif; BINARY unless the VM says otherwise.
     */
    default Collation collation() {
        return Collation.BINARY;
    }
}
