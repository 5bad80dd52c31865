package dev.skerry.engine.vdbe;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.memdb.MemoryFiles;
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
        /**
         * ParseSchema: reads the sqlite_schema of database {@code iDb} (0 main, 1 temp) again and rebuilds
         * its schema; re-callable after IoPending.
         */
        void reloadSchema(int iDb) throws IoPending, SqliteException;

        /** The transaction committed: the schema as now loaded is the committed one. */
        void committed();

        /**
         * The transaction was rolled back: the in-memory schema goes back to the committed one (a CREATE or
         * DROP in the transaction is forgotten). No I/O.
         */
        void rolledBack() throws SqliteException;

        /** DropTable: forgets the table of database {@code iDb} and its indexes in the in-memory schema. */
        void dropTable(int iDb, String name);

        /** DropIndex: forgets the index of database {@code iDb} in the in-memory schema. */
        void dropIndex(int iDb, String name);

        /** DropTrigger: forgets the trigger of database {@code iDb} in the in-memory schema. */
        void dropTrigger(int iDb, String name);

        /**
         * The in-memory schema was rebuilt by a ROLLBACK TO that undid a schema change: every prepared
         * statement is recompiled before it runs again (SQLite expires them), since the schema cookie may
         * reach the same value again with other contents.
         */
        void expire();

        /** The version of the TEMP schema ({@code Schema.tempVersion}), checked by {@code Transaction}. */
        int tempVersion();

        /**
         * ATTACH: reads the sqlite_schema of {@code pager} (a read transaction is open) and adds its schema as
         * database {@code iDb} named {@code name}; re-callable after IoPending (nothing is added before the last read).
         */
        void loadAttached(int iDb, String name, Pager pager) throws IoPending, SqliteException;

        /** DETACH: forgets the schema of database {@code iDb}; the later databases move down one index. */
        void detached(int iDb);
    }

    /** Database 0, {@code main}. */
    final Pager pager;
    /**
     * Database 1, {@code temp}: a database in memory ({@link MemoryFiles}), opened on first use (null
     * before), shut at close. Invariant: it is in no transaction the main database is not in the same mode or
     * a transaction outliving the main database's: commit and rollback end both together ({@link #commitAll}, {@link #rollbackTransaction}).
     */
    private Pager temp;
    /**
     * Databases 2 and up, the attached ones in attach order ({@link AttachedDatabases}); each pager open with
     * its schema loaded. The commit and rollback rules of {@code temp} apply to them too.
     */
    final AttachedDatabases attached = new AttachedDatabases(this);
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
    /** The deferred foreign key counters and {@code PRAGMA defer_foreign_keys}. */
    public final ForeignKeyCounters foreignKeys = new ForeignKeyCounters();
    /** {@code PRAGMA query_only}: a statement that would write fails with SQLITE_READONLY at its Transaction. */
    public boolean queryOnly;
    long lastInsertRowid;
    /**
     * The memory, in bytes, a sorter may hold before it writes sorted runs to a temporary file
     * ({@link SorterCursor}); set by {@code Connection.setSortMemoryLimit}.
     */
    long sortMemoryLimit = 16L << 20;
    /** The host's clock, for 'now' and local time ({@code Connection.setClock}). */
    dev.skerry.engine.Clock clock = dev.skerry.engine.Clock.UTC;
    /** Temporary files named so far, for unique names. */
    private int tempFiles;
    long changes;
    long totalChanges;

    /**
     * Named savepoints (SAVEPOINT), oldest first: names, for each database the pager's savepoint index (-1
     * while the transaction has not written that database yet), and whether the oldest one started the
     * transaction.
     */
    private String[] savepointNames = new String[4];
    private int[][] savepointIndexes = new int[4][];
    /** Each savepoint's deferred foreign key counts when it opened ({@code deferred}, {@code deferredImmediate}): ROLLBACK TO restores them, as SQLite. */
    private long[][] savepointDeferred = new long[4][];
    private int savepointCount;
    boolean savepointStartedTransaction;

    public ConnectionState(Pager pager, SchemaLoader schemaLoader) {
        this.pager = pager;
        this.schemaLoader = schemaLoader;
    }

    public Pager pager() {
        return pager;
    }

    /** The number of databases a program may name: main, temp and SQLite's default limit of 10 attached. */
    public static final int DATABASES = 2 + AttachedDatabases.MAX_ATTACHED;

    /** The pager of database {@code iDb} (0 main, 1 temp, 2… attached), opening the TEMP database on first use. */
    public Pager pager(int iDb) throws SqliteException {
        if (iDb == 0) {
            return pager;
        }
        if (iDb >= 2 && iDb < 2 + attached.count()) {
            return attached.pager(iDb);
        }
        if (iDb != 1) {
            throw new SqliteException(dev.skerry.engine.ResultCode.SQLITE_INTERNAL, "no database " + iDb);
        }
        if (temp == null) {
            Pager p = Pager.open(new MemoryFiles(), "temp");
            try {
                p.openStep();
            } catch (IoPending e) {
                throw new SqliteException(dev.skerry.engine.ResultCode.SQLITE_INTERNAL, "temp database open did I/O");
            }
            temp = p;
        }
        return temp;
    }

    /** The pager of database {@code iDb} when it is open, else null (no I/O, nothing opened). */
    public Pager openPager(int iDb) {
        return iDb == 0 ? pager : iDb == 1 ? temp : iDb < 2 + attached.count() ? attached.pager(iDb) : null;
    }

    /** Forgets the TEMP database and its contents (the connection closes). */
    public void closeTemp() {
        if (temp != null) {
            temp.rollback();
            temp = null;
        }
    }

    /** Closes the attached databases (the connection closes); re-callable after IoPending. */
    public void closeAttached() throws IoPending, SqliteException {
        attached.closeAll();
    }

    /** The attached databases (names and files, for {@code PRAGMA database_list}). */
    public AttachedDatabases attached() {
        return attached;
    }

    /** Commits every database in a transaction, main first; re-callable after IoPending. */
    void commitAll() throws IoPending, SqliteException {
        pager.commit();
        if (temp != null) {
            temp.commit();
        }
        attached.commit();
    }

    /** Sets the sorter memory limit in bytes (at least 1); sorts beyond it spill to a temporary file. */
    public void setSortMemoryLimit(long bytes) {
        sortMemoryLimit = Math.max(1, bytes);
    }

    /** Sets the clock the date and time functions read. */
    public void setClock(dev.skerry.engine.Clock c) {
        clock = c;
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
                commitAll();
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
        if (autocommit && runningVms == 0) {
            endRead(pager);
            if (temp != null) {
                endRead(temp);
            }
            attached.endRead();
        }
    }

    static void endRead(Pager p) throws SqliteException {
        if (p.inReadTransaction() && !p.inWriteTransaction()) {
            try {
                p.commit();
            } catch (IoPending e) {
                throw new SqliteException(dev.skerry.engine.ResultCode.SQLITE_INTERNAL, "read transaction end did I/O");
            }
        }
    }

    /** Abandons the open transaction (ROLLBACK, or an error in autocommit mode). No I/O. */
    void rollbackTransaction() throws SqliteException {
        pager.rollback();
        foreignKeys.reset();
        if (temp != null) {
            temp.rollback();
        }
        attached.rollback();
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
            savepointDeferred = java.util.Arrays.copyOf(savepointDeferred, savepointCount * 2);
        }
        savepointDeferred[savepointCount] = new long[] {foreignKeys.deferred, foreignKeys.deferredImmediate};
        savepointNames[savepointCount] = name;
        int[] at = new int[DATABASES];
        for (int i = 0; i < DATABASES; i++) {
            Pager p = openPager(i);
            at[i] = p != null && p.inWriteTransaction() ? p.savepoint() : -1;
        }
        savepointIndexes[savepointCount] = at;
        savepointCount++;
    }

    /** A write transaction began on database {@code iDb}: savepoints taken before it begin now, oldest first. */
    void openPendingSavepoints(int iDb, Pager p) throws SqliteException {
        for (int k = 0; k < savepointCount; k++) {
            if (savepointIndexes[k][iDb] < 0) {
                savepointIndexes[k][iDb] = p.savepoint();
            }
        }
    }

    /** DETACH of database {@code iDb}: the savepoints' per-database indexes of the later databases move down one. */
    void forgetDatabase(int iDb) {
        for (int k = 0; k < savepointCount; k++) {
            int[] at = savepointIndexes[k];
            System.arraycopy(at, iDb + 1, at, iDb, at.length - iDb - 1);
            at[at.length - 1] = -1;
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
        for (int i = 0; i < DATABASES; i++) {
            if (savepointIndexes[k][i] >= 0) {
                openPager(i).release(savepointIndexes[k][i]);
            }
        }
        savepointCount = k;
    }

    /** ROLLBACK TO: undoes the changes since savepoint {@code k} began; it stays open, newer ones close. */
    void rollbackToSavepoint(int k) {
        for (int i = 0; i < DATABASES; i++) {
            if (savepointIndexes[k][i] >= 0) {
                openPager(i).rollbackTo(savepointIndexes[k][i]);
            }
        }
        foreignKeys.deferred = savepointDeferred[k][0];
        foreignKeys.deferredImmediate = savepointDeferred[k][1];
        savepointCount = k + 1;
    }
}
