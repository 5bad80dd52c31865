package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.value.Collation;
import java.util.ArrayList;
import java.util.List;

/**
 * The automatic index SQLite would build for a loop level ({@code constructAutomaticIndex} in
 * {@code where.c}): a transient index on the columns that equalities with values from outer loops (or
 * constants) constrain, built once per statement from a scan of the table and then sought for each outer
 * row, instead of scanning the table for each outer row. {@link WhereLoop} emits it; {@link WherePlanner}
 * weighs its one-time cost against the scans it saves ({@link WhereCost#autoIndexSetup}).
 *
 * <p>The key columns come in SQLite's order: first the columns of equalities written with this table's column
 * on the left, in the order of the terms, then those written with it on the right of a comparison of two
 * columns, in the reverse order (SQLite appends the commuted copies of those terms while it analyzes them
 * from last to first). The index then holds every other column the query reads and finally the rowid, so
 * it covers the table. Terms that need only this table make it a partial index: rows failing them are left
 * out. A column that leads an index of the table, or that an analyzed index says is not selective, gets no
 * automatic index ({@link #goodCandidate}).
 */
final class AutoIndexPlan {
    private AutoIndexPlan() {
    }

    /** The automatic-index plan for {@code s}, or null when no equality can drive one. */
    static WherePlan plan(Source s, List<WherePlan.Constraint> cons, List<WhereTerm> local, Scope scope,
            boolean[] needed) throws SqliteException {
        if (s.table == null) {
            return null;
        }
        List<WherePlan.Constraint> direct = new ArrayList<>();
        List<WherePlan.Constraint> commuted = new ArrayList<>();
        for (WherePlan.Constraint c : cons) {
            if (c.op == Expr.BinaryOp.EQ && !c.isIn() && !s.isRowid(c.column) && c.term.expr instanceof Expr.Binary
                    && WherePlanner.affinityOk(c, s) && goodCandidate(s, c.column)) {
                (c.commutedColumns ? commuted : direct).add(c);
            }
        }
        for (int k = commuted.size() - 1; k >= 0; k--) {
            direct.add(commuted.get(k));
        }
        List<WherePlan.Constraint> keys = new ArrayList<>();
        boolean[] inIndex = new boolean[s.columnCount()];
        for (WherePlan.Constraint c : direct) {
            if (!inIndex[c.column]) {
                inIndex[c.column] = true;
                keys.add(c);
            }
        }
        if (keys.isEmpty()) {
            return null;
        }
        List<Integer> columns = new ArrayList<>();
        List<Collation> collations = new ArrayList<>();
        for (WherePlan.Constraint c : keys) {
            columns.add(c.column);
            collations.add(WherePlanner.collation(c, scope));
        }
        for (int c = 0; c < s.columnCount(); c++) {
            if (!inIndex[c] && !s.isRowid(c) && (needed == null || needed[c])) {
                columns.add(c);
                collations.add(Collation.BINARY);
            }
        }
        int[] cols = new int[columns.size()];
        Collation[] colls = new Collation[cols.length];
        for (int k = 0; k < cols.length; k++) {
            cols[k] = columns.get(k);
            colls[k] = collations.get(k);
        }
        WherePlan p = new WherePlan();
        p.kind = WherePlan.AUTO_INDEX;
        p.index = new Index("auto-index", s.table, 0, null, cols, colls, new boolean[cols.length], false,
                Index.ORIGIN_CREATE, 0);
        p.eq = keys.toArray(new WherePlan.Constraint[0]);
        p.covering = true;
        List<WhereTerm> partial = new ArrayList<>();
        for (WhereTerm t : local) {
            if (onlyRefersTo(t.expr, s, scope)) {
                partial.add(t);
            }
        }
        p.partial = partial;
        double rows = WhereCost.tableRows(s.table);
        p.setup = WhereCost.autoIndexSetup(rows);
        p.estimatedRows = WhereCost.AUTO_INDEX_ROWS;
        p.cost = WhereCost.seek(rows) + WhereCost.AUTO_INDEX_ROWS;
        return p;
    }

    /**
     * SQLite's {@code columnIsGoodIndexCandidate}: a column that leads one of the table's indexes gets no
     * automatic index, nor one that an index with statistics says repeats each value of the columns before
     * it more than 4 times.
     */
    private static boolean goodCandidate(Source s, int column) {
        for (Index index : s.table.indexes()) {
            for (int k = 0; k < index.columnCount(); k++) {
                if (index.column(k) == column) {
                    if (k == 0) {
                        return false;
                    }
                    int[] stat = index.statRowLogEst();
                    if (stat != null && index.statFromStat1() && stat[k + 1] > 20) {
                        return false;
                    }
                    break;
                }
            }
        }
        return true;
    }

    /**
     * True when every column {@code e} names is a column of {@code s} and it holds no subquery and no
     * function call (which might not be deterministic: the term is tested again in the loop).
     */
    private static boolean onlyRefersTo(Expr e, Source s, Scope scope) throws SqliteException {
        if (e instanceof Expr.Subquery || e instanceof Expr.Exists || e instanceof Expr.InSelect
                || e instanceof Expr.FunctionCall) {
            return false;
        }
        if (e instanceof Expr.ColumnRef) {
            Scope.Resolved r = scope.resolve((Expr.ColumnRef) e);
            return r.isColumn() && r.source == s;
        }
        for (Expr child : Exprs.children(e)) {
            if (!onlyRefersTo(child, s, scope)) {
                return false;
            }
        }
        return true;
    }
}
