package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.SelectCore;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.parser.ast.Upsert;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.schema.Column;
import dev.skerry.engine.schema.Conflict;
import dev.skerry.engine.schema.SchemaBuilder;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.schema.Trigger;
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
    /** The BEFORE and AFTER INSERT triggers of the table. */
    private List<Trigger> before = List.of();
    private List<Trigger> after = List.of();
    private int onError;
    /** The AUTOINCREMENT bookkeeping of the target table, or null. */
    private AutoincrementCoder autoinc;

    InsertCoder(Parse p, SelectCoder sc) {
        this.p = p;
        this.sc = sc;
    }

    void compile(Stmt.Insert ins) throws SqliteException {
        int frame = sc.pushWith(ins.with(), w -> w.insertBody(ins));
        try {
            RowWriter writer = insert(ins);
            if (autoinc != null) {
                autoinc.end();
            }
            if (writer != null && writer.returning != null) {
                writer.returning.output();
            }
        } finally {
            sc.popWith(frame);
        }
    }

    /** Compiles the INSERT; returns its row writer, or null when it inserts into a view (through its triggers). */
    private RowWriter insert(Stmt.Insert ins) throws SqliteException {
        dev.skerry.engine.schema.View view = InsteadOfCoder.target(p, ins.table());
        if (view != null) {
            new InsteadOfCoder(p, sc).insert(ins, view);
            return null;
        }
        Table table = FromBuilder.lookupTable(p, ins.table());
        if (table == p.schema.schemaTable()) {
            throw SqliteException.error("table sqlite_master may not be modified");
        }
        int n = table.columnCount();
        // map[i] = index in the value list of table column i, or -1; rowidValue likewise for the rowid: the last
        // of the "rowid" names and the rowid alias column in the list (SQLite's ipkColumn).
        int[] map = new int[n];
        int rowidValue = -1;
        int nValues;
        if (ins.columns().isEmpty()) {
            nValues = 0;
            for (int i = 0; i < n; i++) {
                map[i] = table.column(i).isGenerated() ? -1 : nValues++;
            }
        } else {
            java.util.Arrays.fill(map, -1);
            List<Name> cols = ins.columns();
            nValues = cols.size();
            for (int k = 0; k < cols.size(); k++) {
                String name = cols.get(k).text();
                int c = table.findColumn(name);
                if (c >= 0) {
                    if (table.column(c).isGenerated()) {
                        throw SqliteException.error("cannot INSERT into generated column \"" + table.column(c).name() + "\"");
                    }
                    if (map[c] < 0) {
                        map[c] = k;
                    }
                    if (c == table.rowidAlias()) {
                        rowidValue = k;
                    }
                } else if (Scope.isRowidName(name) && !table.withoutRowid()) {
                    rowidValue = k;
                } else if (!p.deferTargetColumns) {
                    throw SqliteException.error("table " + table.name() + " has no column named " + name);
                }
            }
        }
        if (ins.columns().isEmpty() && table.rowidAlias() >= 0 && map[table.rowidAlias()] >= 0) {
            rowidValue = map[table.rowidAlias()];
        }
        onError = p.conflict(SchemaBuilder.conflict(ins.orConflict()));
        before = TriggerCoder.find(p, table, Stmt.TriggerEvent.INSERT, Stmt.TriggerTime.BEFORE, null);
        after = TriggerCoder.find(p, table, Stmt.TriggerEvent.INSERT, Stmt.TriggerTime.AFTER, null);
        RowWriter writer = new RowWriter(p, sc.ex, table, onError);
        int values = p.regs(Math.max(nValues, 1));
        int newRegs = p.regs(n);
        int rowid = p.reg();
        int ret = p.reg();
        int sub = p.label();
        int end = p.label();
        if (!ins.upserts().isEmpty()) {
            // As SQLite, only the first clause's target is checked.
            ExplicitNulls.refuse(ins.upserts().get(0).target());
        }
        writer.upsertAlias = ins.alias() == null ? null : ins.alias().text();
        for (Upsert u : ins.upserts()) {
            writer.upserts.add(upsertTarget(table, u));
        }
        writer.open();
        autoinc = AutoincrementCoder.begin(p, table);
        writer.foreignKeys = ForeignKeyCoder.forInsert(p, table, ins,
                before.isEmpty() && after.isEmpty() && onError != Conflict.REPLACE);
        if (!ins.returning().isEmpty()) {
            writer.returning = new Returning(p, sc, table, ins.returning(), writer.cursor);
        }
        Select select = ins.select();
        Scope empty = p.rootScope();
        if (select == null) {
            buildRow(table, map, rowidValue, null, values, newRegs, rowid, writer, true);
            return writer;
        }
        if (select.isSimple() && select.cores().get(0) instanceof SelectCore.Values && select.orderBy().isEmpty()
                && select.limit() == null && ((SelectCore.Values) select.cores().get(0)).rows().size() == 1) {
            List<Expr> row = ((SelectCore.Values) select.cores().get(0)).rows().get(0);
            checkCount(table, ins, row.size(), nValues);
            buildRow(table, map, rowidValue, row, values, newRegs, rowid, writer, false);
            return writer;
        }
        if (select.isSimple() && select.cores().get(0) instanceof SelectCore.Values
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
        buildRow(table, map, rowidValue, null, values, newRegs, rowid, writer, false);
        p.v.addOp(Opcode.RETURN, ret);
        p.resolve(end);
        return writer;
    }

    /** Resolves the conflict target of an upsert clause to the rowid or a UNIQUE index, as SQLite requires. */
    private RowWriter.UpsertClause upsertTarget(Table table, Upsert u) throws SqliteException {
        if (u.target().isEmpty()) {
            return new RowWriter.UpsertClause(u, null, false);
        }
        int n = u.target().size();
        int[] cols = new int[n];
        Collation[] colls = new Collation[n];
        for (int k = 0; k < n; k++) {
            Expr e = u.target().get(k).expr();
            if (e instanceof Expr.Collate) {
                colls[k] = SchemaBuilder.collation(((Expr.Collate) e).collation().text());
                e = ((Expr.Collate) e).operand();
            }
            cols[k] = e instanceof Expr.ColumnRef ? table.findColumn(((Expr.ColumnRef) e).column().text()) : -2;
            if (cols[k] == -1 && !table.withoutRowid() && e instanceof Expr.ColumnRef && Scope.isRowidName(((Expr.ColumnRef) e).column().text())) {
                cols[k] = table.rowidAlias() >= 0 ? table.rowidAlias() : -3;
            }
        }
        if (n == 1 && (cols[0] == -3 || (cols[0] >= 0 && cols[0] == table.rowidAlias()))) {
            return new RowWriter.UpsertClause(u, null, true);
        }
        UpsertTargets targets = new UpsertTargets(p, table, u);
        List<Index> candidates = new java.util.ArrayList<>(table.indexes());
        if (table.withoutRowid()) {
            candidates.add(table.primaryKey());
        }
        for (Index index : candidates) {
            if (!index.unique() || index.columnCount() != n || !targets.whereMatches(index)) {
                continue;
            }
            boolean match = true;
            for (int k = 0; k < n && match; k++) {
                int f = cols[k] == -2 ? targets.exprField(index, k) : index.fieldOf(cols[k]);
                match = f >= 0 && (colls[k] == null || colls[k] == index.collation(f));
            }
            if (match) {
                if (index == table.primaryKey()) {
                    return new RowWriter.UpsertClause(u, null, true);
                }
                return new RowWriter.UpsertClause(u, index, false);
            }
        }
        throw SqliteException.error("ON CONFLICT clause does not match any PRIMARY KEY or UNIQUE constraint");
    }

    private void checkCount(Table table, Stmt.Insert ins, int got, int want) throws SqliteException {
        if (got == want) {
            return;
        }
        if (ins.columns().isEmpty()) {
            // SQLite's %S: the table with its database when the statement names one.
            String named = (ins.table().schema() == null ? "" : ins.table().schema().text() + ".") + table.name();
            throw SqliteException.error("table " + named + " has " + want + " columns but " + got
                    + " values were supplied");
        }
        throw SqliteException.error(got + " values for " + want + " columns");
    }

    private void fromSelect(Table table, Stmt.Insert ins, Select select, int nValues, int values, int ret, int sub)
            throws SqliteException {
        SelectBuffer.forEachRow(p, sc, select, nValues, values, n -> checkCount(table, ins, n, nValues),
                () -> p.v.addOp(Opcode.GOSUB, ret, sub));
    }

    /**
     * The new row from the value registers (or, for a single VALUES row, from its expressions evaluated in
     * place), then checks and writes.
     */
    private void buildRow(Table table, int[] map, int rowidValue, List<Expr> direct, int values, int newRegs,
            int rowid, RowWriter writer, boolean defaultValues) throws SqliteException {
        Scope empty = p.rootScope();
        int n = table.columnCount();
        for (int i = 0; i < n; i++) {
            if (i == table.rowidAlias()) {
                continue;
            }
            if (map[i] >= 0 && !defaultValues) {
                if (direct != null) {
                    sc.ex.codeTo(direct.get(map[i]), empty, newRegs + i);
                } else {
                    p.v.addOp(Opcode.SCOPY, values + map[i], newRegs + i);
                }
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
        if (!before.isEmpty()) {
            fireBefore(table, explicitRowid ? rowidValue : -1, direct, values, newRegs, writer, skip);
        }
        if (explicitRowid) {
            if (direct != null) {
                sc.ex.codeTo(direct.get(rowidValue), empty, rowid);
            } else {
                p.v.addOp(Opcode.SCOPY, values + rowidValue, rowid);
            }
            int given = p.v.addOp(Opcode.NOT_NULL, rowid, 0);
            p.v.addOp(Opcode.NEW_ROWID, writer.cursor, rowid, autoinc == null ? 0 : autoinc.seq);
            int generated = p.v.addOp(Opcode.GOTO, 0, 0);
            p.v.jumpHere(given);
            p.v.addOp(Opcode.MUST_BE_INT, rowid, 0);
            p.v.jumpHere(generated);
        } else if (table.withoutRowid()) {
            p.v.addOp(Opcode.NULL, 0, rowid);
        } else {
            p.v.addOp(Opcode.NEW_ROWID, writer.cursor, rowid, autoinc == null ? 0 : autoinc.seq);
        }
        if (autoinc != null) {
            autoinc.step(rowid);
        }
        if (table.rowidAlias() >= 0) {
            p.v.addOp(Opcode.SCOPY, rowid, newRegs + table.rowidAlias());
        }
        writer.checkColumns(newRegs, rowid, skip);
        writer.checkUniqueAndWrite(newRegs, rowid, 0, explicitRowid, skip);
        if (!after.isEmpty()) {
            int block = TriggerCoder.block(p, n);
            TriggerCoder.store(p, block, n, 1, newRegs, rowid);
            TriggerCoder.fire(p, after, new Source(table, table.name(), writer.cursor), block, onError, skip, 0);
        }
        p.resolve(skip);
    }

    /**
     * The BEFORE INSERT triggers, as SQLite fires them: NEW is the row with the columns' affinities applied and
     * NEW.rowid the given rowid (which must be an integer) or -1 when it is to be chosen.
     */
    private void fireBefore(Table table, int rowidValue, List<Expr> direct, int values, int newRegs,
            RowWriter writer, int skip) throws SqliteException {
        int n = table.columnCount();
        int block = TriggerCoder.block(p, n);
        int rowid = TriggerCoder.row(block, n, 1);
        if (rowidValue >= 0) {
            if (direct != null) {
                sc.ex.codeTo(direct.get(rowidValue), p.rootScope(), rowid);
            } else {
                p.v.addOp(Opcode.SCOPY, values + rowidValue, rowid);
            }
            int given = p.v.addOp(Opcode.NOT_NULL, rowid, 0);
            p.v.addOp(Opcode.INTEGER, -1, rowid);
            p.v.jumpHere(given);
            p.v.addOp(Opcode.MUST_BE_INT, rowid, 0);
        } else {
            p.v.addOp(Opcode.INTEGER, -1, rowid);
        }
        TriggerCoder.store(p, block, n, 1, newRegs, 0);
        StringBuilder aff = new StringBuilder();
        for (int i = 0; i < n; i++) {
            aff.append(table.column(i).affinity());
        }
        p.v.addOp(Opcode.AFFINITY, rowid + 1, n, 0, aff.toString());
        if (table.hasGenerated()) {
            GeneratedColumns.compute(p, sc.ex, table, rowid + 1, rowid);
        }
        TriggerCoder.fire(p, before, new Source(table, table.name(), writer.cursor), block, onError, skip, 0);
    }
}
