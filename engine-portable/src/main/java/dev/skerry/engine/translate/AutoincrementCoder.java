package dev.skerry.engine.translate;

import dev.skerry.engine.schema.Names;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.vdbe.Opcode;

/**
 * AUTOINCREMENT's bookkeeping in {@code sqlite_sequence(name, seq)}, as SQLite's {@code sqlite3AutoincrementBegin}
 * / {@code sqlite3AutoincrementEnd}: before an INSERT into an AUTOINCREMENT table, the table's row of
 * {@code sqlite_sequence} is read (its {@code seq} into a register, 0 when there is none); each new rowid is
 * chosen above it ({@code NewRowid} P3) and a given rowid raises it ({@code MemMax}); after the statement's
 * last row the row is written back when {@code seq} grew (inserted when there was none).
 *
 * <p>Registers: {@link #name} the table's name, {@code name + 1} the sequence value ({@link #seq}),
 * {@code name + 2} the rowid of the row in {@code sqlite_sequence} (NULL when none), {@code name + 3} the
 * value read (NULL when none).
 */
final class AutoincrementCoder {
    /** The name of SQLite's sequence table. */
    static final String SEQUENCE_TABLE = "sqlite_sequence";

    private final Parse p;
    private final Table sequence;
    private final int name;
    /** The register holding the largest rowid used: NewRowid's P3. */
    final int seq;

    private AutoincrementCoder(Parse p, Table sequence, int name) {
        this.p = p;
        this.sequence = sequence;
        this.name = name;
        this.seq = name + 1;
    }

    /** Emits the read of {@code table}'s sequence value; null when the table has no AUTOINCREMENT (or no sqlite_sequence). */
    static AutoincrementCoder begin(Parse p, Table table) {
        Table sequence = p.schema.database(table.db()).findOwnTable(SEQUENCE_TABLE);
        if (!table.autoincrement() || sequence == null) {
            return null;
        }
        int base = p.regs(4);
        AutoincrementCoder a = new AutoincrementCoder(p, sequence, base);
        p.v.addString(table.name(), base);
        p.v.addOp(Opcode.NULL, 0, base + 1, base + 3);
        int cur = p.cursor();
        int notFound = p.label();
        int done = p.label();
        int tmp = p.reg();
        p.v.addOp(Opcode.OPEN_READ, cur, sequence.rootPage(), sequence.db(), 2);
        p.v.addOp(Opcode.REWIND, cur, notFound);
        int loop = p.v.currentAddress();
        int next = p.label();
        p.v.addOp(Opcode.COLUMN, cur, 0, tmp);
        p.v.addOp(Opcode.NE, base, next, tmp, null, Opcode.JUMPIFNULL);
        p.v.addOp(Opcode.ROWID, cur, base + 2);
        p.v.addOp(Opcode.COLUMN, cur, 1, base + 1);
        p.v.addOp(Opcode.ADD_IMM, base + 1, 0);
        p.v.addOp(Opcode.SCOPY, base + 1, base + 3);
        p.v.addOp(Opcode.GOTO, 0, done);
        p.resolve(next);
        p.v.addOp(Opcode.NEXT, cur, loop);
        p.resolve(notFound);
        p.v.addOp(Opcode.INTEGER, 0, base + 1);
        p.resolve(done);
        p.v.addOp(Opcode.CLOSE, cur);
        return a;
    }

    /** After a row's rowid is known (in {@code rowid}): the sequence value becomes at least it. */
    void step(int rowid) {
        p.v.addOp(Opcode.MEM_MAX, seq, rowid);
    }

    /** Emits the write-back, skipped when the value did not grow. */
    void end() {
        int skip = p.label();
        p.v.addOp(Opcode.LE, name + 3, skip, seq, null, 0);
        int cur = p.cursor();
        p.v.addOp(Opcode.OPEN_WRITE, cur, sequence.rootPage(), sequence.db(), 2);
        int has = p.v.addOp(Opcode.NOT_NULL, name + 2, 0);
        p.v.addOp(Opcode.NEW_ROWID, cur, name + 2);
        p.v.jumpHere(has);
        int rec = p.reg();
        p.v.addOp(Opcode.MAKE_RECORD, name, 2, rec);
        p.v.addOp(Opcode.INSERT, cur, rec, name + 2);
        p.v.addOp(Opcode.CLOSE, cur);
        p.resolve(skip);
    }

    /**
     * Emits the deletion of the rows of {@code sqlite_sequence} named {@code tableName} (DROP TABLE of an
     * AUTOINCREMENT table), or, when {@code newName} is not null, their renaming (ALTER TABLE RENAME), in the
     * {@code sqlite_sequence} of database {@code iDb} (the table's).
     */
    static void forget(Parse p, int iDb, String tableName, String newName) {
        Table sequence = p.schema.database(iDb).findOwnTable(SEQUENCE_TABLE);
        if (sequence == null || Names.equal(tableName, SEQUENCE_TABLE)) {
            return;
        }
        int cur = p.cursor();
        int old = p.regs(3);
        int tmp = p.reg();
        p.v.addString(tableName, old);
        if (newName != null) {
            p.v.addString(newName, old + 1);
        }
        p.v.addOp(Opcode.OPEN_WRITE, cur, sequence.rootPage(), iDb, 2);
        int done = p.label();
        p.v.addOp(Opcode.REWIND, cur, done);
        int loop = p.v.currentAddress();
        int next = p.label();
        p.v.addOp(Opcode.COLUMN, cur, 0, tmp);
        p.v.addOp(Opcode.NE, old, next, tmp, null, Opcode.JUMPIFNULL);
        if (newName == null) {
            p.v.addOp(Opcode.DELETE, cur, 0);
        } else {
            int rowid = p.reg();
            int rec = p.reg();
            p.v.addOp(Opcode.ROWID, cur, rowid);
            p.v.addOp(Opcode.COLUMN, cur, 1, old + 2);
            p.v.addOp(Opcode.MAKE_RECORD, old + 1, 2, rec);
            p.v.addOp(Opcode.INSERT, cur, rec, rowid);
        }
        p.resolve(next);
        p.v.addOp(Opcode.NEXT, cur, loop);
        p.resolve(done);
        p.v.addOp(Opcode.CLOSE, cur);
    }
}
