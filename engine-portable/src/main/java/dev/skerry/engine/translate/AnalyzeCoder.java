package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.func.FunctionDef;
import dev.skerry.engine.parser.ast.QualifiedName;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.vdbe.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * ANALYZE (SQLite's {@code analyze.c} without STAT4): writes one {@code sqlite_stat1} row per index that has
 * entries, {@code (table, index, "N d1 d2 ...")}, N the number of entries and dk the average number of
 * entries sharing a value of the first k key columns (rounded up, and 1 when just above 1); and a row
 * {@code (table, NULL, N)} for a table with rows and no index. Tables are visited in the order of SQLite's
 * schema hash table, indexes in the order SQLite keeps them, so the rows (and their rowids) are SQLite's.
 *
 * <p>{@code sqlite_stat1} is created as SQLite creates it ({@code CREATE TABLE sqlite_stat1(tbl,idx,stat)})
 * when missing. {@code ANALYZE} or {@code ANALYZE main} clears it and analyzes every table;
 * {@code ANALYZE t} replaces t's rows ({@code WHERE tbl='t'}), {@code ANALYZE i} the index's
 * ({@code WHERE idx='i'}).
 */
final class AnalyzeCoder {
    private final Parse p;
    private final ConnectionPragmas pragmas;

    AnalyzeCoder(Parse p, ConnectionPragmas pragmas) {
        this.p = p;
        this.pragmas = pragmas;
    }

    void compile(Stmt.Analyze a) throws SqliteException {
        QualifiedName target = a.target();
        List<Table> tables = new ArrayList<>();
        Index only = null;
        String where = null;
        String whereColumn = null;
        if (target == null || target.schema() == null && Names.equal(target.name().text(), "main")) {
            for (String name : pragmas.tableOrder()) {
                Table t = p.schema.findTable(name);
                if (t != null && t != p.schema.schemaTable()) {
                    tables.add(t);
                }
            }
        } else if (target.schema() == null && Names.equal(target.name().text(), "temp")
                || target.schema() != null && Names.equal(target.schema().text(), "temp")) {
            return;
        } else {
            if (target.schema() != null && !Names.equal(target.schema().text(), "main")) {
                throw SqliteException.error("unknown database " + target.schema().text());
            }
            String name = target.name().text();
            only = p.schema.findIndex(name);
            if (only != null) {
                tables.add(only.table());
                where = only.name();
                whereColumn = "idx";
            } else {
                Table t = p.schema.findTable(name);
                if (t == null && p.schema.findView(name) != null) {
                    return;
                }
                if (t == null) {
                    throw SqliteException.error("no such table: " + (target.schema() == null ? ""
                            : target.schema().text() + ".") + name);
                }
                tables.add(t);
                where = t.name();
                whereColumn = "tbl";
            }
        }
        p.needWrite();
        int statCursor = openStatTable(where, whereColumn);
        for (Table t : tables) {
            analyzeTable(t, only, statCursor);
        }
        p.v.addOp(Opcode.CLOSE, statCursor);
        p.v.addOp(Opcode.PARSE_SCHEMA, 0, 0, 0, null);
    }

    /**
     * Opens {@code sqlite_stat1} for writing, creating it when missing (SQLite's {@code openStatTable}), and
     * removes the rows about to be replaced: all of them, or those whose {@code column} is {@code name}.
     */
    private int openStatTable(String name, String column) throws SqliteException {
        Table stat = p.schema.findTable("sqlite_stat1");
        int cur = p.cursor();
        if (stat == null) {
            SchemaCoder sc = new SchemaCoder(p);
            int root = p.reg();
            p.v.addOp(Opcode.CREATE_BTREE, 0, root, Opcode.BTREE_INTKEY);
            int schemaCur = sc.openSchemaTable();
            sc.insertSchemaRow(schemaCur, "table", "sqlite_stat1", "sqlite_stat1", root,
                    "CREATE TABLE sqlite_stat1(tbl,idx,stat)");
            p.v.addOp(Opcode.CLOSE, schemaCur);
            sc.schemaChanged();
            p.v.addOp(Opcode.OPEN_WRITE, cur, root, 0, 3, Opcode.OPFLAG_P2ISREG);
            return cur;
        }
        p.v.addOp(Opcode.OPEN_WRITE, cur, stat.rootPage(), 0, 3);
        if (name == null) {
            p.v.addOp(Opcode.CLEAR, stat.rootPage(), 0, 0);
            return cur;
        }
        int key = p.reg();
        int value = p.reg();
        p.v.addString(name, key);
        int field = column.equals("tbl") ? 0 : 1;
        int done = p.label();
        p.v.addOp(Opcode.REWIND, cur, done);
        int top = p.v.currentAddress();
        p.v.addOp(Opcode.COLUMN, cur, field, value);
        int keep = p.label();
        p.v.addOp(Opcode.NE, key, keep, value, null, Opcode.JUMPIFNULL);
        p.v.addOp(Opcode.DELETE, cur, 0);
        p.resolve(keep);
        p.v.addOp(Opcode.NEXT, cur, top);
        p.resolve(done);
        return cur;
    }

    private void analyzeTable(Table t, Index only, int statCursor) {
        if (Names.reserved(t.name())) {
            return;
        }
        boolean needTableCount = true;
        for (Index index : WithoutRowidCoder.inIndexOrder(t)) {
            needTableCount = false;
            if (only == null || index == only) {
                analyzeIndex(t, index, statCursor);
            }
        }
        if (only == null && needTableCount) {
            int cur = p.cursor();
            p.v.addOp(Opcode.OPEN_READ, cur, t.rootPage(), 0, 0);
            int regs = p.regs(3);
            p.v.addOp(Opcode.COUNT, cur, regs + 2);
            int empty = p.label();
            p.v.addOp(Opcode.IF_NOT, regs + 2, empty, 0);
            p.v.addString(t.name(), regs);
            p.v.addOp(Opcode.NULL, 0, regs + 1);
            insertStat(statCursor, regs);
            p.resolve(empty);
            p.v.addOp(Opcode.CLOSE, cur);
        }
    }

    /**
     * One index: walks its entries counting them and, per key prefix length k, the entries whose first k
     * columns differ from the previous entry's (NULLs equal, under the column's collation); the first entry
     * counts as a change of every prefix. An index without entries writes no row.
     */
    private void analyzeIndex(Table t, Index index, int statCursor) {
        int nKey = index.columnCount();
        boolean uniqueNotNull = index.unique();
        for (int k = 0; k < nKey && uniqueNotNull; k++) {
            int c = index.column(k);
            uniqueNotNull = c >= 0 && t.column(c).notNull();
        }
        int nTest = uniqueNotNull ? nKey - 1 : nKey;
        int cur = p.cursor();
        p.v.addOp(Opcode.OPEN_READ, cur, index.rootPage(), 0, KeyInfos.cursor(index));
        p.v.comment(index.name());
        int counts = p.regs(nKey + 1);
        int prev = p.regs(Math.max(1, nTest));
        int tmp = p.reg();
        p.v.addOp(Opcode.INTEGER, 0, counts);
        for (int k = 0; k < nKey; k++) {
            p.v.addOp(Opcode.INTEGER, 0, counts + 1 + k);
        }
        int end = p.label();
        p.v.addOp(Opcode.REWIND, cur, end);
        int[] changed = new int[nKey];
        for (int k = 0; k < nKey; k++) {
            changed[k] = p.label();
        }
        int push = p.label();
        p.v.addOp(Opcode.GOTO, 0, nKey > 0 ? changed[0] : push);
        int top = p.v.currentAddress();
        for (int k = 0; k < nTest; k++) {
            p.v.addOp(Opcode.COLUMN, cur, k, tmp);
            p.v.addOp(Opcode.NE, tmp, changed[k], prev + k, index.collation(k), Opcode.NULLEQ);
        }
        if (nTest < nKey) {
            p.v.addOp(Opcode.GOTO, 0, changed[nTest]);
        } else {
            p.v.addOp(Opcode.GOTO, 0, push);
        }
        for (int k = 0; k < nKey; k++) {
            p.resolve(changed[k]);
            p.v.addOp(Opcode.ADD_IMM, counts + 1 + k, 1);
            if (k < nTest) {
                p.v.addOp(Opcode.COLUMN, cur, k, prev + k);
            }
        }
        p.resolve(push);
        p.v.addOp(Opcode.ADD_IMM, counts, 1);
        p.v.addOp(Opcode.NEXT, cur, top);
        int regs = p.regs(3);
        p.v.addString(t.name(), regs);
        // A WITHOUT ROWID table's PRIMARY KEY row is named after the table, as SQLite's analyze.c names it.
        p.v.addString(index == t.primaryKey() ? t.name() : index.name(), regs + 1);
        p.v.addOp(Opcode.FUNCTION, 0, counts, regs + 2, STAT_GET, nKey + 1);
        insertStat(statCursor, regs);
        p.resolve(end);
        p.v.addOp(Opcode.CLOSE, cur);
    }

    private void insertStat(int statCursor, int regs) {
        int rec = p.reg();
        int rowid = p.reg();
        p.v.addOp(Opcode.MAKE_RECORD, regs, 3, rec, "BBB");
        p.v.addOp(Opcode.NEW_ROWID, statCursor, rowid);
        p.v.addOp(Opcode.INSERT, statCursor, rec, rowid);
    }

    /**
     * {@code stat_get(N, D1, ..., Dk)}: the stat text from the number of entries and the number of distinct
     * values of each key prefix (SQLite's {@code statGet}): {@code (N + D - 1) / D}, made 1 when it is 2 but
     * N is at most 1.1 times D.
     */
    private static final FunctionDef STAT_GET = FunctionDef.variadic("stat_get", 1, true,
            (ctx, args, base, argc, result) -> {
                long n = args[base].longValue();
                StringBuilder sb = new StringBuilder().append(n);
                for (int k = 1; k < argc; k++) {
                    long d = args[base + k].longValue();
                    long v = d == 0 ? 0 : (n + d - 1) / d;
                    if (v == 2 && n * 10 <= d * 11) {
                        v = 1;
                    }
                    sb.append(' ').append(v);
                }
                result.setText(sb.toString());
            });
}
