package dev.skerry.engine.vdbe;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;

/**
 * The connection's foreign key violation counters (SQLite's {@code db->nDeferredCons} and
 * {@code db->nDeferredImmCons}) and the {@code PRAGMA defer_foreign_keys} flag ({@code SQLITE_DeferFKs}).
 *
 * <p>{@code deferred} counts the outstanding violations of DEFERRABLE INITIALLY DEFERRED constraints;
 * {@code deferredImmediate} those of immediate constraints made while {@code deferAll} was on. Both are checked
 * when the transaction commits (COMMIT, or the end of a writing statement in autocommit mode): a COMMIT with
 * either above zero fails and leaves the transaction open. States: all zero and the flag off outside a
 * transaction; a commit or a rollback of the whole transaction ({@link #reset()}) returns there. The
 * statement's own counter of immediate violations is in {@link StatementTxn}.
 */
public final class ForeignKeyCounters {
    long deferred;
    long deferredImmediate;
    private boolean deferAll;

    /** {@code PRAGMA defer_foreign_keys}: immediate constraints are checked at COMMIT too. */
    public boolean deferAll() {
        return deferAll;
    }

    public void setDeferAll(boolean on) {
        deferAll = on;
    }

    /** Whether a COMMIT now would fail (SQLite's {@code sqlite3VdbeCheckFk(p, 1)}). */
    boolean outstanding() {
        return deferred + deferredImmediate > 0;
    }

    /** The transaction ended: nothing outstanding, the pragma's flag off (SQLite clears it at commit and rollback). */
    void reset() {
        deferred = 0;
        deferredImmediate = 0;
        deferAll = false;
    }

    /** The error of a statement or COMMIT that ends with violations outstanding. */
    static SqliteException failure() {
        return new SqliteException(ResultCode.SQLITE_CONSTRAINT_FOREIGNKEY, "FOREIGN KEY constraint failed");
    }
}
