package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.SelectCore;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.schema.Column;
import dev.skerry.engine.schema.SchemaBuilder;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.vdbe.Opcode;
import java.util.List;

/**
 * INSERT (SQLite's {@code insert.c}): VALUES rows, INSERT ... SELECT, DEFAULT VALUES, with or without a
 * column list, and the OR conflict clauses.
 *
 * <p>Each source row is evaluated into the value registers and handed to a subroutine that builds the new
 * row: listed columns from the values, the others from their DEFAULT (or NULL); the rowid from the INTEGER
 * PRIMARY KEY or {@code rowid} value when given and not NULL ({@code MustBeInt}: "datatype mismatch"),
 * else {@code NewRowid}; then {@link RowWriter} checks and writes it. INSERT ... SELECT first copies the
 * query's rows into an ephemeral table, so a query reading the target table sees it unchanged.
 */
final class InsertCoder {
    private final Parse p;
    private final SelectCoder sc;

    InsertCoder(Parse p, SelectCoder sc) {
        this.p = p;
        this.sc = sc;
    }

    void compile(Stmt.Insert ins) throws SqliteException {
        if (ins.with() != null) {
            throw SqliteException.error("WITH clauses are not supported");
        }
        if (!ins.upserts().isEmpty()) {
            throw SqliteException.error("upsert (ON CONFLICT DO) is not supported");
        }
        if (!ins.returning().isEmpty()) {
            throw SqliteException.error("RETURNING is not supported");
        }
        Table table = FromBuilder.lookupTable(p, ins.table());
        if (table == p.schema.schemaTable()) {
            throw SqliteException.error("table sqlite_master may not be modified");
        }
        int n = table.columnCount();
        // map[i] = index in the value list of table column i, or -1; rowidValue likewise for "rowid".
        int[] map = new int[n];
        int rowidValue = -1;
        int nValues;
        if (ins.columns().isEmpty()) {
            for (int i = 0; i < n; i++) {
                map[i] = i;
            }
            nValues = n;
        } else {
            java.util.Arrays.fill(map, -1);
            List<Name> cols = ins.columns();
            nValues = cols.size();
            for (int k = 0; k < cols.size(); k++) {
                String name = cols.get(k).text();
                int c = table.findColumn(name);
                if (c >= 0) {
                    if (map[c] < 0) {
                        map[c] = k;
                    }
                } else if (Scope.isRowidName(name)) {
                    rowidValue = k;
                } else {
                    throw SqliteException.error("table " + table.name() + " has no column named " + name);
                }
            }
        }
        if (table.rowidAlias() >= 0 && map[table.rowidAlias()] >= 0) {
            rowidValue = map[table.rowidAlias()];
        }
        int onError = SchemaBuilder.conflict(ins.orConflict());
        RowWriter writer = new RowWriter(p, sc.ex, table, onError);
        int values = p.regs(Math.max(nValues, 1));
        int newRegs = p.regs(n);
        int rowid = p.reg();
        int ret = p.reg();
        int sub = p.label();
        int end = p.label();
        writer.open();
        Select select = ins.select();
        Scope empty = new Scope(null, p.schema);
        if (select == null) {
            p.v.addOp(Opcode.GOSUB, ret, sub);
        } else if (select.isSimple() && select.cores().get(0) instanceof SelectCore.Values
                && select.orderBy().isEmpty() && select.limit() == null) {
            List<List<Expr>> rows = ((SelectCore.Values) select.cores().get(0)).rows();
            for (List<Expr> row : rows) {
                if (row.size() != rows.get(0).size()) {
                    throw SqliteException.error("all VALUES must have the same number of terms");
                }
            }
            for (List<Expr> row : rows) {
                checkCount(table, ins, row.size(), nValues);
                for (int k = 0; k < row.size(); k++) {
                    sc.ex.codeTo(row.get(k), empty, values + k);
                }
                p.v.addOp(Opcode.GOSUB, ret, sub);
            }
        } else {
            fromSelect(table, ins, select, nValues, values, ret, sub);
        }
        p.v.addOp(Opcode.GOTO, 0, end);
        p.resolve(sub);
        buildRow(table, map, rowidValue, values, newRegs, rowid, writer, select == null);
        p.v.addOp(Opcode.RETURN, ret);
        p.resolve(end);
    }

    private void checkCount(Table table, Stmt.Insert ins, int got, int want) throws SqliteException {
        if (got == want) {
            return;
        }
        if (ins.columns().isEmpty()) {
            throw SqliteException.error("table " + table.name() + " has " + want + " columns but " + got
                    + " values were supplied");
        }
        throw SqliteException.error(got + " values for " + want + " columns");
    }

    private void fromSelect(Table table, Stmt.Insert ins, Select select, int nValues, int values, int ret, int sub)
            throws SqliteException {
        int eph = p.cursor();
        p.v.addOp(Opcode.OPEN_EPHEMERAL, eph, nValues);
        sc.compile(select, null, (first, n) -> {
            checkCount(table, ins, n, nValues);
            int rec = p.reg();
            int r = p.reg();
            p.v.addOp(Opcode.MAKE_RECORD, first, n, rec);
            p.v.addOp(Opcode.NEW_ROWID, eph, r);
            p.v.addOp(Opcode.INSERT, eph, rec, r);
        });
        int done = p.label();
        p.v.addOp(Opcode.REWIND, eph, done);
        int top = p.v.currentAddress();
        for (int k = 0; k < nValues; k++) {
            p.v.addOp(Opcode.COLUMN, eph, k, values + k);
        }
        p.v.addOp(Opcode.GOSUB, ret, sub);
        p.v.addOp(Opcode.NEXT, eph, top);
        p.resolve(done);
    }

    private void buildRow(Table table, int[] map, int rowidValue, int values, int newRegs, int rowid,
            RowWriter writer, boolean defaultValues) throws SqliteException {
        Scope empty = new Scope(null, p.schema);
        int n = table.columnCount();
        for (int i = 0; i < n; i++) {
            if (i == table.rowidAlias()) {
                continue;
            }
            if (map[i] >= 0 && !defaultValues) {
                p.v.addOp(Opcode.SCOPY, values + map[i], newRegs + i);
            } else {
                Column c = table.column(i);
                if (c.defaultValue() != null) {
                    sc.ex.codeTo(c.defaultValue(), empty, newRegs + i);
                } else {
                    p.v.addOp(Opcode.NULL, 0, newRegs + i);
                }
            }
        }
        int skip = p.label();
        boolean explicitRowid = rowidValue >= 0 && !defaultValues;
        if (explicitRowid) {
            p.v.addOp(Opcode.SCOPY, values + rowidValue, rowid);
            int given = p.v.addOp(Opcode.NOT_NULL, rowid, 0);
            p.v.addOp(Opcode.NEW_ROWID, writer.cursor, rowid);
            int generated = p.v.addOp(Opcode.GOTO, 0, 0);
            p.v.jumpHere(given);
            p.v.addOp(Opcode.MUST_BE_INT, rowid, 0);
            p.v.jumpHere(generated);
        } else {
            p.v.addOp(Opcode.NEW_ROWID, writer.cursor, rowid);
        }
        if (table.rowidAlias() >= 0) {
            p.v.addOp(Opcode.SCOPY, rowid, newRegs + table.rowidAlias());
        }
        writer.checkColumns(newRegs, rowid, skip);
        writer.checkUniqueAndWrite(newRegs, rowid, 0, explicitRowid, skip);
        p.resolve(skip);
    }
}
