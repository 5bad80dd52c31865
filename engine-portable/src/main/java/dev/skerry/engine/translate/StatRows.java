package dev.skerry.engine.translate;

import dev.skerry.engine.schema.Names;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.vdbe.Opcode;

/**
 * Removes the {@code sqlite_stat1} rows of a table or an index being dropped, as SQLite's
 * {@code sqlite3ClearStatTables} does ({@code DELETE FROM sqlite_stat1 WHERE tbl=name}, or {@code idx=name}
 * for an index; the names compared exactly). Nothing is emitted when the database has no
 * {@code sqlite_stat1} or when the object dropped is that table.
 */
final class StatRows {
    private static final String STAT1 = "sqlite_stat1";

    private StatRows() {
    }

    /** Emits the deletion of the rows whose {@code tbl} (or, when {@code index}, {@code idx}) is {@code name}. */
    static void forget(Parse p, String name, boolean index, int iDb) {
        if (iDb != 0 || Names.equal(name, STAT1)) {
            return;
        }
        Table stat = p.schema.findOwnTable(STAT1);
        if (stat == null) {
            return;
        }
        int cur = p.cursor();
        int key = p.reg();
        int tmp = p.reg();
        p.v.addString(name, key);
        p.v.addOp(Opcode.OPEN_WRITE, cur, stat.rootPage(), 0, 3);
        int done = p.label();
        p.v.addOp(Opcode.REWIND, cur, done);
        int loop = p.v.currentAddress();
        int next = p.label();
        p.v.addOp(Opcode.COLUMN, cur, index ? 1 : 0, tmp);
        p.v.addOp(Opcode.NE, key, next, tmp, null, Opcode.JUMPIFNULL);
        p.v.addOp(Opcode.DELETE, cur, 0);
        p.resolve(next);
        p.v.addOp(Opcode.NEXT, cur, loop);
        p.resolve(done);
        p.v.addOp(Opcode.CLOSE, cur);
    }
}
