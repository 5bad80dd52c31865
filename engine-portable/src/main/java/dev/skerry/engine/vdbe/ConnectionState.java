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
        void reloadSchema() throws IoPending, SqliteException;

        /** The schema cookie the in-memory schema was read at. */
        int loadedCookie();

        /** DropTable: forgets the table and its indexes in the in-memory schema. */
        void dropTable(String name);

        /** DropIndex: forgets the index in the in-memory schema. */
        void dropIndex(String name);
    }

    final Pager pager;
    private final SchemaLoader schemaLoader;
    boolean autocommit = true;
    int runningVms;
    long lastInsertRowid;
    long changes;
    long totalChanges;

    public ConnectionState(Pager pager, SchemaLoader schemaLoader) {
        this.pager = pager;
        this.schemaLoader = schemaLoader;
    }

    public Pager pager() {
        return pager;
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

    public int runningVms() {
        return runningVms;
    }

    SchemaLoader schemaLoader() {
        return schemaLoader;
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
    void rollbackTransaction() {
        pager.rollback();
        autocommit = true;
    }
}
