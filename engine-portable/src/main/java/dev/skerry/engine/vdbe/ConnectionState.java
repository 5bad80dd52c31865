package dev.skerry.engine.vdbe;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.pager.Pager;

/**
 * What the VMs of one connection share (SQLite's {@code sqlite3} handle, as far as the VDBE sees it): the
 * pager, the autocommit flag, the number of running statements, and the counters behind
 * {@code last_insert_rowid()}, {@code changes()} and {@code total_changes()}.
 *
 * <p>States of the transaction, as the pager keeps them: NONE → READ (a statement's Transaction opcode) →
 * WRITE (a write statement's Transaction) → NONE at commit or rollback. In autocommit mode a write
 * transaction ends when the statement that opened it halts (commit, or rollback on error) and a read
 * transaction ends when no statement is running any more. After BEGIN ({@code autocommit == false}) both
 * last until COMMIT or ROLLBACK.
 *
 * <p>Invariant: {@code runningVms} counts the VMs that have executed an instruction and have not halted or
 * been reset since.
 */
public final class ConnectionState {
    /** The connection's in-memory schema as the VM changes it (ParseSchema, DropTable, DropIndex). */
    public interface SchemaLoader {
        /** ParseSchema: reads sqlite_schema again and rebuilds the schema; re-callable after IoPending. */
        void reloadSchema() throws IoPending, SqliteException;

        /** The transaction committed: the schema as now loaded is the committed one. */
        void committed();

        /**
         * The transaction was rolled back: the in-memory schema goes back to the committed one (a CREATE or
         * DROP in the transaction is forgotten). No I/O.
         */
        void rolledBack() throws SqliteException;

        /** DropTable: forgets the table and its indexes in the in-memory schema. */
        void dropTable(String name);

        /** DropIndex: forgets the index in the in-memory schema. */
        void dropIndex(String name);

        /** ParseSchema on database 1: adds the TEMP view or trigger that the CREATE statement {@code sql} describes. */
        void createTemp(String sql) throws SqliteException;

        /** DropTrigger, or DropTable on database 1: forgets the TEMP trigger (or view) named {@code name}. */
        void dropTemp(boolean trigger, String name);

        /**
         * The in-memory schema was rebuilt by a ROLLBACK TO that undid a schema change: every prepared
         * statement is recompiled before it runs again (SQLite expires them), since the schema cookie may
         * reach the same value again with other contents.
         */
        void expire();

        /** The version of the TEMP schema ({@code Schema.tempVersion}), checked by {@code Transaction}. */
        int tempVersion();
    }

    final Pager pager;
    private final SchemaLoader schemaLoader;
    boolean autocommit = true;
    /** Volatile: a JVM host may read it from another thread in {@link #interrupt()} (the wasm build has one). */
    volatile int runningVms;
    /**
     * Set by {@link #interrupt()}: running statements fail with SQLITE_INTERRUPT; cleared when none runs. Volatile
     * because a JVM host (the server's request timer) sets it from another thread, as sqlite3_interrupt allows.
     */
    volatile boolean interrupted;
    /**
     * The running VMs that write. In autocommit mode the transaction commits when the last of them halts, so
     * one statement's commit never makes another's unfinished changes durable.
     */
    int writingVms;
    /** A write transaction whose last statement was reset after a row waits to be committed (autocommit). */
    boolean commitPending;
    /**
     * {@code PRAGMA recursive_triggers}: when set, a trigger may fire itself (up to the depth limit) and the rows
     * REPLACE deletes fire DELETE triggers. Read when a {@code Program} instruction runs.
     */
    public boolean recursiveTriggers;
    long lastInsertRowid;
    /**
     * The memory, in bytes, a sorter may hold before it writes sorted runs to a temporary file
     * ({@link SorterCursor}); set by {@code Connection.setSortMemoryLimit}.
     */
    long sortMemoryLimit = 16L << 20;
    /** Temporary files named so far, for unique names. */
    private int tempFiles;
    long changes;
    long totalChanges;

    /**
     * Named savepoints (SAVEPOINT), oldest first: names, the pager's savepoint index (-1 while the
     * transaction has not written yet), and whether the oldest one started the transaction.
     */
    private String[] savepointNames = new String[4];
    private int[] savepointIndexes = new int[4];
    private int savepointCount;
    boolean savepointStartedTransaction;

    public ConnectionState(Pager pager, SchemaLoader schemaLoader) {
        this.pager = pager;
        this.schemaLoader = schemaLoader;
    }

    public Pager pager() {
        return pager;
    }

    /** Sets the sorter memory limit in bytes (at least 1); sorts beyond it spill to a temporary file. */
    public void setSortMemoryLimit(long bytes) {
        sortMemoryLimit = Math.max(1, bytes);
    }

    /** A new temporary file name beside the database: {@code <db>-<kind><n>}. */
    String tempPath(String kind) {
        tempFiles++;
        return pager.path() + "-" + kind + tempFiles;
    }

    public boolean isAutocommit() {
        return autocommit;
    }

    public long lastInsertRowid() {
        return lastInsertRowid;
    }

    public long changes() {
        return changes;
    }

    public long totalChanges() {
        return totalChanges;
    }

    /** Makes every running statement fail with SQLITE_INTERRUPT at its next instruction ({@code sqlite3_interrupt}). */
    public void interrupt() {
        if (runningVms > 0) {
            interrupted = true;
        }
    }

    public int runningVms() {
        return runningVms;
    }

    SchemaLoader schemaLoader() {
        return schemaLoader;
    }

    /**
     * Commits the write transaction a statement reset after a row left open (see {@code StatementTxn.endAtRow});
     * re-callable after IoPending. When another statement is writing, its own end commits instead.
     */
    public void finishPendingCommit() throws IoPending, SqliteException {
        if (!commitPending) {
            return;
        }
        if (writingVms == 0 && autocommit) {
            try {
                pager.commit();
            } catch (SqliteException e) {
                commitPending = false;
                rollbackTransaction();
                throw e;
            }
            schemaLoader.committed();
        }
        commitPending = false;
    }

    /** Ends a read transaction when nothing needs it any more (autocommit, no running statement). No I/O. */
    void endReadIfIdle() throws SqliteException {
        if (autocommit && runningVms == 0 && pager.inReadTransaction() && !pager.inWriteTransaction()) {
            try {
                pager.commit();
            } catch (IoPending e) {
                throw new SqliteException(dev.skerry.engine.ResultCode.SQLITE_INTERNAL, "read transaction end did I/O");
            }
        }
    }

    /** Abandons the open transaction (ROLLBACK, or an error in autocommit mode). No I/O. */
    void rollbackTransaction() throws SqliteException {
        pager.rollback();
        autocommit = true;
        clearSavepoints();
        schemaLoader.rolledBack();
    }

    void clearSavepoints() {
        savepointCount = 0;
        savepointStartedTransaction = false;
    }

    /** SAVEPOINT name: a new innermost savepoint, taken in the pager now if the transaction has written. */
    void openSavepoint(String name) throws SqliteException {
        if (savepointCount == savepointNames.length) {
            savepointNames = java.util.Arrays.copyOf(savepointNames, savepointCount * 2);
            savepointIndexes = java.util.Arrays.copyOf(savepointIndexes, savepointCount * 2);
        }
        savepointNames[savepointCount] = name;
        savepointIndexes[savepointCount] = pager.inWriteTransaction() ? pager.savepoint() : -1;
        savepointCount++;
    }

    /** A write transaction began: savepoints taken before it begin now, oldest first. */
    void openPendingSavepoints() throws SqliteException {
        for (int k = 0; k < savepointCount; k++) {
            if (savepointIndexes[k] < 0) {
                savepointIndexes[k] = pager.savepoint();
            }
        }
    }

    /** The position of the newest savepoint named {@code name} (ASCII case ignored), or -1. */
    int findSavepoint(String name) {
        for (int k = savepointCount - 1; k >= 0; k--) {
            if (savepointNames[k].equalsIgnoreCase(name)) {
                return k;
            }
        }
        return -1;
    }

    /** RELEASE: closes savepoint {@code k} and the newer ones, keeping their changes. */
    void releaseSavepoint(int k) {
        if (savepointIndexes[k] >= 0) {
            pager.release(savepointIndexes[k]);
        }
        savepointCount = k;
    }

    /** ROLLBACK TO: undoes the changes since savepoint {@code k} began; it stays open, newer ones close. */
    void rollbackToSavepoint(int k) {
        if (savepointIndexes[k] >= 0) {
            pager.rollbackTo(savepointIndexes[k]);
        }
        savepointCount = k + 1;
    }
}
