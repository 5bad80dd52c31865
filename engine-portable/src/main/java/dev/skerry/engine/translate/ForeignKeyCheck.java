package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.vdbe.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PRAGMA foreign_key_check} and {@code PRAGMA foreign_key_check(table)}, as SQLite's {@code pragma.c}
 * codes them: for each table with foreign keys (all tables in SQLite's schema hash order, or the one named),
 * each row in rowid order and each of its foreign keys (in {@code foreign_key_list} order), a row {@code
 * (table, rowid, parent, fkid)} when the child key has no NULL and no parent row matches it (a missing
 * parent table matches nothing). A parent key that is not unique fails with SQLite's "foreign key mismatch".
 * Works whether or not {@code PRAGMA foreign_keys} is on.
 */
final class ForeignKeyCheck {
    static final String[] COLUMNS = {"table", "rowid", "parent", "fkid"};

    private ForeignKeyCheck() {
    }

    static void compile(Parse p, List<String> tableOrder, String only) throws SqliteException {
        List<Table> tables = new ArrayList<>();
        if (only != null) {
            Table t = p.schema.findTable(only);
            if (t == null) {
                throw SqliteException.error("no such table: " + only);
            }
            tables.add(t);
        } else {
            for (String name : tableOrder) {
                Table t = p.schema.findTable(name);
                if (t != null && t != p.schema.schemaTable()) {
                    tables.add(t);
                }
            }
        }
        p.v.setResultColumns(COLUMNS, new String[COLUMNS.length]);
        p.needRead();
        int result = p.regs(4);
        for (Table t : tables) {
            List<ForeignKey> keys = ForeignKey.of(t);
            if (!keys.isEmpty()) {
                table(p, t, keys, result);
            }
        }
    }

    private static void table(Parse p, Table t, List<ForeignKey> keys, int result) throws SqliteException {
        int n = keys.size();
        Table[] parents = new Table[n];
        Index[] indexes = new Index[n];
        int[][] maps = new int[n][];
        int[] cursors = new int[n];
        for (int k = 0; k < n; k++) {
            ForeignKey fk = keys.get(k);
            parents[k] = p.schema.findTable(fk.parentName);
            if (parents[k] == null && p.schema.findView(fk.parentName) != null) {
                throw fk.mismatch();
            }
            maps[k] = new int[fk.size()];
            if (parents[k] != null) {
                indexes[k] = fk.parentIndex(parents[k], maps[k]);
                if (indexes[k] == null) {
                    maps[k][0] = fk.childColumns[0];
                }
            }
        }
        int cursor = p.cursor();
        p.v.addOp(Opcode.OPEN_READ, cursor, t.rootPage(), 0, KeyInfos.table(t));
        for (int k = 0; k < n; k++) {
            if (parents[k] == null) {
                continue;
            }
            cursors[k] = p.cursor();
            if (indexes[k] == null) {
                p.v.addOp(Opcode.OPEN_READ, cursors[k], parents[k].rootPage(), 0, KeyInfos.table(parents[k]));
            } else {
                p.v.addOp(Opcode.OPEN_READ, cursors[k], indexes[k].rootPage(), 0, KeyInfos.cursor(indexes[k]));
            }
        }
        p.loadValue(t.name(), result);
        int done = p.label();
        p.v.addOp(Opcode.REWIND, cursor, done);
        int top = p.v.currentAddress();
        for (int k = 0; k < n; k++) {
            ForeignKey fk = keys.get(k);
            int nk = fk.size();
            int row = p.regs(nk);
            int ok = p.label();
            for (int j = 0; j < nk; j++) {
                int c = parents[k] != null ? maps[k][j] : fk.childColumns[j];
                if (c == t.rowidAlias()) {
                    p.v.addOp(Opcode.ROWID, cursor, row + j);
                } else {
                    p.v.addOp(Opcode.COLUMN, cursor, c, row + j);
                }
                p.v.addOp(Opcode.IS_NULL, row + j, ok);
            }
            if (indexes[k] != null) {
                StringBuilder aff = new StringBuilder();
                for (int j = 0; j < nk; j++) {
                    aff.append(parents[k].column(indexes[k].column(j)).affinity());
                }
                p.v.addOp(Opcode.AFFINITY, row, nk, 0, aff.toString());
                p.v.addOp(Opcode.FOUND, cursors[k], ok, row, Integer.valueOf(nk));
            } else if (parents[k] != null) {
                int missing = p.label();
                p.v.addOp(Opcode.MUST_BE_INT, row, missing);
                p.v.addOp(Opcode.NOT_EXISTS, cursors[k], missing, row);
                p.v.addOp(Opcode.GOTO, 0, ok);
                p.resolve(missing);
            }
            p.v.addOp(Opcode.ROWID, cursor, result + 1);
            p.loadValue(fk.parentName, result + 2);
            p.v.addOp(Opcode.INTEGER, k, result + 3);
            p.v.addOp(Opcode.RESULT_ROW, result, 4);
            p.resolve(ok);
        }
        p.v.addOp(Opcode.NEXT, cursor, top);
        p.resolve(done);
        p.v.addOp(Opcode.CLOSE, cursor);
        for (int k = 0; k < n; k++) {
            if (parents[k] != null) {
                p.v.addOp(Opcode.CLOSE, cursors[k]);
            }
        }
    }
}
