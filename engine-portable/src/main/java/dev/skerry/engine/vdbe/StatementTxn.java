package dev.skerry.engine.vdbe;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.pager.Pager;

/**
 * One statement's part in the connection's transaction: the opcodes Transaction, AutoCommit, Savepoint,
 * ReadCookie, SetCookie, the commit or undo at the statement's end, and its count of changed rows.
 *
 * <p>State: {@code writer} (the statement opened a write transaction; counted in {@link
 * ConnectionState#writingVms}), {@code savepoints} (the pager savepoint of the statement in each database, -1 when it has
 * none: the statement is then the whole transaction), {@code haltPhase} (0, or 1 once an ending instruction has
 * done its checks and is committing: a commit re-called after IoPending does not redo them; 2 while a ROLLBACK TO
 * reloads the schema it changed), {@code nChange}
 * (rows counted since the start or the last ResetCount), {@code fkConstraints} (the statement's immediate
 * foreign key violations, SQLite's {@code nFkConstraint}: a statement halting with it above zero fails) and
 * the connection's deferred foreign key counters as they were when the statement began writing (restored
 * when its changes are undone). Invariant: all are back to their initial values after {@link #end()} or
 * {@link #undo}.
 */
final class StatementTxn {
    private final ConnectionState db;
    private final boolean countsChanges;
    private boolean writer;
    /** The statement savepoint in each database's pager ({@code savepoints} of the class comment), -1 when none. */
    private final int[] savepoints = newSavepoints();
    private int haltPhase;
    private long nChange;
    private long fkConstraints;
    private long savedDeferred = -1;
    private long savedDeferredImmediate;
    /** {@code haltPhase} of a ROLLBACK TO whose undone schema change is being read again (re-called after IoPending). */
    private static final int RELOAD_SCHEMA = 2;

    private static int[] newSavepoints() {
        int[] s = new int[ConnectionState.DATABASES];
        java.util.Arrays.fill(s, -1);
        return s;
    }

    StatementTxn(ConnectionState db, boolean countsChanges) {
        this.db = db;
        this.countsChanges = countsChanges;
    }

    private void setWriter(boolean w) {
        if (w != writer) {
            db.writingVms += w ? 1 : -1;
            writer = w;
        }
    }

    /** Transaction: read or write transaction, statement savepoint, schema cookie check. */
    void begin(int iDb, int kind, int cookie, int checkCookie) throws IoPending, SqliteException {
        Pager pager = db.pager(iDb);
        if (kind != Opcode.TXN_READ && db.queryOnly) {
            throw new SqliteException(ResultCode.SQLITE_READONLY, "attempt to write a readonly database");
        }
        if (kind == Opcode.TXN_READ) {
            pager.beginRead();
        } else {
            pager.beginWrite();
            setWriter(true);
            if (savedDeferred < 0) {
                savedDeferred = db.foreignKeys.deferred;
                savedDeferredImmediate = db.foreignKeys.deferredImmediate;
            }
            db.openPendingSavepoints(iDb, pager);
            // A statement savepoint when the statement is not the whole transaction: inside BEGIN, or while
            // another statement of this connection is writing too.
            if ((!db.autocommit || db.writingVms > 1) && savepoints[iDb] < 0) {
                savepoints[iDb] = pager.savepoint();
            }
        }
        if (checkCookie != 0 && pager.schemaCookie() != cookie) {
            throw new SqliteException(ResultCode.SQLITE_SCHEMA, "database schema has changed");
        }
    }

    long readCookie(int iDb, int field) throws SqliteException {
        Pager pager = db.pager(iDb);
        switch (field) {
            case Opcode.BTREE_FREE_PAGE_COUNT: return pager.freelistCount();
            case Opcode.BTREE_SCHEMA_VERSION: return pager.schemaCookie();
            case Opcode.BTREE_USER_VERSION: return pager.userVersion();
            case Opcode.BTREE_APPLICATION_ID: return pager.applicationId();
            default: return 0;
        }
    }

    void setCookie(int iDb, int field, int value) throws SqliteException {
        Pager pager = db.pager(iDb);
        switch (field) {
            case Opcode.BTREE_SCHEMA_VERSION:
                pager.setSchemaCookie(value);
                break;
            case Opcode.BTREE_USER_VERSION:
                pager.setUserVersion(value);
                break;
            case Opcode.BTREE_APPLICATION_ID:
                pager.setApplicationId(value);
                break;
            default:
                throw new SqliteException(ResultCode.SQLITE_INTERNAL, "SetCookie of field " + field);
        }
    }

    /** FkCounter on the statement's counter. */
    void addFkConstraints(long n) {
        fkConstraints += n;
    }

    long fkConstraints() {
        return fkConstraints;
    }

    /**
     * The error a statement halting without error fails with instead (SQLite's {@code sqlite3VdbeCheckFk}): its
     * immediate foreign key violations are outstanding, or it is the transaction's last writer in autocommit
     * mode and deferred ones are. Null when it may end. Checked once, before the commit starts.
     */
    SqliteException foreignKeyFailure() {
        if (haltPhase != 0) {
            return null;
        }
        if (fkConstraints > 0
                || (writer && db.autocommit && db.writingVms == 1 && db.foreignKeys.outstanding())) {
            return ForeignKeyCounters.failure();
        }
        return null;
    }

    void countChanges(long n) {
        nChange += n;
    }

    /** The rows counted so far by the running program (a trigger program counts its own). */
    long count() {
        return nChange;
    }

    /** Sets the count (entering a trigger program: 0; leaving it: the caller's count). */
    void setCount(long n) {
        nChange = n;
    }

    /** ResetCount. */
    void resetCount() {
        publishChanges(nChange);
        nChange = 0;
    }

    /** SQLite's {@code sqlite3VdbeSetChanges}: the statement's count becomes changes() and adds to total_changes(). */
    private void publishChanges(long n) {
        db.changes = n;
        db.totalChanges += n;
    }

    /**
     * AutoCommit: BEGIN, COMMIT or ROLLBACK; the statement is over when this returns. Re-called after
     * IoPending while the commit is in progress.
     */
    void autoCommit(boolean wantAutocommit, boolean rollback) throws IoPending, SqliteException {
        if (haltPhase == 0) {
            if (!wantAutocommit) {
                if (!db.autocommit) {
                    throw SqliteException.error("cannot start a transaction within a transaction");
                }
                db.autocommit = false;
                return;
            }
            if (db.autocommit) {
                throw SqliteException.error(rollback ? "cannot rollback - no transaction is active"
                        : "cannot commit - no transaction is active");
            }
            if (rollback) {
                db.rollbackTransaction();
                return;
            }
            if (db.foreignKeys.outstanding()) {
                throw ForeignKeyCounters.failure();
            }
            haltPhase = 1;
        }
        commitNow();
        db.autocommit = true;
        db.clearSavepoints();
    }

    /**
     * Savepoint: returns true when the statement is over (RELEASE of the savepoint that started the
     * transaction commits it). Re-called after IoPending while that commit is in progress.
     */
    boolean savepoint(int op, String name) throws IoPending, SqliteException {
        if (haltPhase == RELOAD_SCHEMA) {
            reloadSchemas();
            return false;
        }
        if (haltPhase == 0) {
            if (op == Opcode.SAVEPOINT_BEGIN) {
                if (db.writingVms > 0) {
                    throw new SqliteException(ResultCode.SQLITE_BUSY, "cannot open savepoint - SQL statements in progress");
                }
                if (db.autocommit) {
                    db.autocommit = false;
                    db.savepointStartedTransaction = true;
                }
                db.openSavepoint(name);
                return false;
            }
            int k = db.findSavepoint(name);
            if (k < 0) {
                throw SqliteException.error("no such savepoint: " + name);
            }
            if (op == Opcode.SAVEPOINT_ROLLBACK) {
                int[] cookies = new int[ConnectionState.DATABASES];
                for (int i = 0; i < cookies.length; i++) {
                    Pager p = db.openPager(i);
                    cookies[i] = p == null ? 0 : p.schemaCookie();
                }
                db.rollbackToSavepoint(k);
                boolean same = true;
                for (int i = 0; i < cookies.length; i++) {
                    Pager p = db.openPager(i);
                    same &= p == null || p.schemaCookie() == cookies[i];
                }
                if (same) {
                    return false;
                }
                // The rollback undid a schema change: the in-memory schema is read again (SQLite resets it).
                haltPhase = RELOAD_SCHEMA;
                reloadSchemas();
                return false;
            }
            if (db.writingVms > 0) {
                throw new SqliteException(ResultCode.SQLITE_BUSY, "cannot release savepoint - SQL statements in progress");
            }
            if (k > 0 || !db.savepointStartedTransaction) {
                db.releaseSavepoint(k);
                return false;
            }
            if (db.foreignKeys.outstanding()) {
                throw ForeignKeyCounters.failure();
            }
            haltPhase = 1;
        }
        commitNow();
        db.clearSavepoints();
        db.autocommit = true;
        return true;
    }

    /** ROLLBACK TO undid a schema change: the schemas of every open database are read again; re-callable after IoPending. */
    private void reloadSchemas() throws IoPending, SqliteException {
        for (int i = 0; i < ConnectionState.DATABASES; i++) {
            if (db.openPager(i) != null) {
                db.schemaLoader().reloadSchema(i);
            }
        }
        db.schemaLoader().expire();
        haltPhase = 0;
    }

    /** Commits the open transaction; re-callable after IoPending. On failure the transaction is rolled back. */
    private void commitNow() throws IoPending, SqliteException {
        try {
            db.commitAll();
        } catch (SqliteException e) {
            db.rollbackTransaction();
            setWriter(false);
            throw e;
        }
        db.foreignKeys.reset();
        db.schemaLoader().committed();
    }

    /**
     * Halt with an OE_FAIL error: in autocommit mode, when this is the only writing statement, the rows
     * changed before the failure are committed (true; re-callable after IoPending). False when the error is
     * to be handled by {@link #undo}.
     */
    boolean commitAfterFailure() throws IoPending, SqliteException {
        if (!(haltPhase == 1 || (writer && db.autocommit && db.writingVms == 1))) {
            return false;
        }
        haltPhase = 1;
        commitNow();
        return true;
    }

    /** Halt without error: the statement savepoint is released, the last writer in autocommit mode commits. */
    void haltSucceeded() throws IoPending, SqliteException {
        if (haltPhase == 0) {
            releaseStatementSavepoints();
            haltPhase = 1;
        }
        if (writer && db.autocommit && db.writingVms == 1) {
            commitNow();
            if (db.runningVms > 1) {
                db.pager.beginRead();
                if (db.openPager(1) != null) {
                    db.openPager(1).beginRead();
                }
                db.attached.beginRead();
            }
        }
    }

    /**
     * The statement is reset after returning a row: it ends as if it halted there. The statement savepoint
     * is released; when this was the last writer in autocommit mode, the commit is left to the connection
     * ({@link ConnectionState#finishPendingCommit}). No I/O.
     */
    void endAtRow() {
        releaseStatementSavepoints();
        if (writer && db.autocommit && db.writingVms == 1) {
            db.commitPending = true;
        }
        end();
    }

    /** The statement ended normally: its changes count is published, the state is back to the start. */
    void end() {
        if (countsChanges) {
            publishChanges(nChange);
        }
        clear();
    }

    /** The statement failed or was reset unfinished: undo per {@code onError} and the error's code. No I/O. */
    void undo(int onError, int code) throws SqliteException {
        if (writer) {
            int primary = ResultCode.primary(code);
            boolean wholeTransaction = (db.autocommit && noSavepoints())
                    || onError == Opcode.OE_ROLLBACK
                    || primary == ResultCode.SQLITE_IOERR || primary == ResultCode.SQLITE_FULL
                    || primary == ResultCode.SQLITE_CORRUPT;
            if (wholeTransaction) {
                db.rollbackTransaction();
            } else {
                boolean undone = false;
                for (int i = 0; i < savepoints.length; i++) {
                    if (savepoints[i] >= 0 && onError != Opcode.OE_FAIL) {
                        db.openPager(i).rollbackTo(savepoints[i]);
                        undone = true;
                    }
                }
                if (undone && savedDeferred >= 0) {
                    db.foreignKeys.deferred = savedDeferred;
                    db.foreignKeys.deferredImmediate = savedDeferredImmediate;
                }
                releaseStatementSavepoints();
            }
        }
        if (countsChanges) {
            // A statement whose changes were undone reports none; OE_FAIL keeps them (SQLite's vdbeHalt).
            publishChanges(onError == Opcode.OE_FAIL ? nChange : 0);
        }
        clear();
    }

    private boolean noSavepoints() {
        for (int sp : savepoints) {
            if (sp >= 0) {
                return false;
            }
        }
        return true;
    }

    private void releaseStatementSavepoints() {
        for (int i = 0; i < savepoints.length; i++) {
            if (savepoints[i] >= 0) {
                db.openPager(i).release(savepoints[i]);
                savepoints[i] = -1;
            }
        }
    }

    private void clear() {
        nChange = 0;
        fkConstraints = 0;
        savedDeferred = -1;
        java.util.Arrays.fill(savepoints, -1);
        haltPhase = 0;
        setWriter(false);
    }
}
