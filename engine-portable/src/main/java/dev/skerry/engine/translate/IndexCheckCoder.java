package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.vdbe.Opcode;

/**
 * {@code integrity_check} of a partial index or an index on expressions (its keys need the expression
 * coder, so {@code IntegrityCk} only walks its b-tree): as SQLite's pragma.c, each row the index should hold
 * (its WHERE true) must have its entry ({@code row N missing from index i}), and the index must hold as many
 * entries as there are such rows ({@code wrong # of entries in index i}). Each problem is a result row.
 */
final class IndexCheckCoder {
    private IndexCheckCoder() {
    }

    /** Emits the check of {@code index}; each message goes out from register {@code msg}; {@code count} counts them. */
    static void check(Parse p, Index index, int msg, int count) throws SqliteException {
        Table table = index.table();
        int tab = p.cursor();
        int idx = p.cursor();
        int n = index.columnCount();
        p.v.addOp(Opcode.OPEN_READ, tab, table.rootPage(), table.db(), KeyInfos.table(table));
        p.v.addOp(Opcode.OPEN_READ, idx, index.rootPage(), table.db(), KeyInfos.cursor(index));
        int rows = p.reg();
        p.v.addOp(Opcode.INTEGER, 0, rows);
        int scanned = p.label();
        p.v.addOp(Opcode.REWIND, tab, scanned);
        int top = p.v.currentAddress();
        int[] suffix = index.pkSuffix();
        int width = table.withoutRowid() ? n + suffix.length : n + 1;
        int key = p.regs(Math.max(width, n + 1));
        int rowid = table.withoutRowid() ? p.reg() : key + n;
        p.v.addOp(Opcode.ROWID, tab, rowid);
        IndexKeys keys = IndexKeys.fromCursor(p, new SelectCoder(p).ex, table, tab, rowid);
        int next = p.label();
        keys.testWhere(index, next);
        p.v.addOp(Opcode.ADD_IMM, rows, 1);
        keys.codeKey(index, key);
        for (int m = 0; m < suffix.length; m++) {
            // A WITHOUT ROWID table's index entries end with PRIMARY KEY values, not the key record.
            int c = table.primaryKey().column(suffix[m]);
            p.v.addOp(Opcode.COLUMN, tab, table.storageField(c), key + n + m);
        }
        if (table.withoutRowid()) {
            p.v.addOp(Opcode.SCOPY, rows, rowid);
        }
        p.v.addOp(Opcode.FOUND, idx, next, key, Integer.valueOf(width));
        int text = p.reg();
        p.v.addString("row ", msg);
        p.v.addOp(Opcode.CONCAT, rowid, msg, msg);
        p.v.addString(" missing from index " + index.name(), text);
        p.v.addOp(Opcode.CONCAT, text, msg, msg);
        p.v.addOp(Opcode.RESULT_ROW, msg, 1);
        p.v.addOp(Opcode.ADD_IMM, count, 1);
        p.resolve(next);
        p.v.addOp(Opcode.NEXT, tab, top);
        p.resolve(scanned);
        int entries = p.reg();
        p.v.addOp(Opcode.COUNT, idx, entries);
        int ok = p.label();
        p.v.addOp(Opcode.EQ, rows, ok, entries, null, 0);
        p.v.addString("wrong # of entries in index " + index.name(), msg);
        p.v.addOp(Opcode.RESULT_ROW, msg, 1);
        p.v.addOp(Opcode.ADD_IMM, count, 1);
        p.resolve(ok);
        p.v.addOp(Opcode.CLOSE, tab);
        p.v.addOp(Opcode.CLOSE, idx);
    }
}
