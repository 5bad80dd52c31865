package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.NullsOrder;
import dev.skerry.engine.parser.ast.OrderingTerm;
import dev.skerry.engine.parser.ast.SortOrder;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.value.Affinity;
import dev.skerry.engine.value.Collation;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the access path of one loop level (SQLite's {@code where.c}, without statistics).
 *
 * <p>Usable constraints are terms {@code column op value} ({@code =}, {@code <}, {@code <=}, {@code >},
 * {@code >=}, either side, both halves of a BETWEEN, and {@code column IN (list)} as an equality walked value
 * by value) whose value needs only outer levels; an index column
 * takes one only when the comparison's collation is the index column's and its affinity allows the index
 * ({@code sqlite3IndexAffinityOk}). Candidates: the rowid by equality, each index by equalities on its
 * leading columns plus a range on the next one, the rowid by an integer-literal range, the full scan. Each
 * gets an estimated row count ({@link WherePlan}); a plan that yields rows in ORDER BY order saves the sort
 * and is weighted accordingly; a covering index is preferred to one that must read the table, and a full
 * scan of a covering index with fewer columns than the table replaces the table scan, as SQLite's cost
 * model (rows weighted by row width) decides. The right side of a LEFT JOIN uses only its ON terms. NOT
 * INDEXED leaves only the rowid and the full scan; INDEXED BY restricts the indexes to the one named.
 */
final class WherePlanner {
    private static final double FULL = 1_000_000;

    private WherePlanner() {
    }

    /**
     * The plan for {@code sources.get(level)}. {@code orderBy} is the ORDER BY to try to satisfy (null when
     * none or when it cannot be satisfied by this level); {@code needed} says which columns the query reads
     * from this source (index {@code columnCount} is the rowid).
     */
    static WherePlan plan(int level, List<Source> sources, List<WhereTerm> terms, Scope scope, boolean leftInner,
            List<OrderingTerm> orderBy, boolean[] needed) throws SqliteException {
        Source s = sources.get(level);
        if (orderBy != null && !allColumnsOf(orderBy, s, scope)) {
            orderBy = null;
        }
        long prior = (1L << level) - 1;
        List<WherePlan.Constraint> cons = new ArrayList<>();
        for (WhereTerm t : terms) {
            if (t.consumed || (leftInner ? t.leftJoinLevel != level : t.leftJoinLevel >= 0 && t.leftJoinLevel != level)) {
                continue;
            }
            if ((t.mask & (1L << level)) == 0 || (t.mask & ~(1L << level) & ~prior) != 0) {
                continue;
            }
            constraints(t, s, scope, sources, prior, cons);
        }
        WherePlan best = new WherePlan();
        int rowidDir = orderBy == null ? 0 : rowidOrder(orderBy, s, scope);
        best.ordered = rowidDir != 0;
        best.reverse = rowidDir < 0;
        double bestCost = cost(best, orderBy);
        if (s.table == null) {
            return best;
        }
        WherePlan.Constraint rowidIn = null;
        for (WherePlan.Constraint c : cons) {
            if (s.isRowid(c.column) && c.op == Expr.BinaryOp.EQ) {
                if (c.inValues != null) {
                    rowidIn = rowidIn == null ? c : rowidIn;
                    continue;
                }
                WherePlan p = new WherePlan();
                p.kind = WherePlan.ROWID_EQ;
                p.eq = new WherePlan.Constraint[] {c};
                p.estimatedRows = 1;
                p.ordered = orderBy != null;
                return p;
            }
        }
        if (rowidIn != null) {
            WherePlan p = new WherePlan();
            p.kind = WherePlan.ROWID_EQ;
            p.eq = new WherePlan.Constraint[] {rowidIn};
            p.estimatedRows = rowidIn.inValues.size();
            p.ordered = best.ordered && !best.reverse;
            return p;
        }
        WherePlan rowidRange = new WherePlan();
        for (WherePlan.Constraint c : cons) {
            if (s.isRowid(c.column) && c.op != Expr.BinaryOp.EQ && isIntegerLiteral(c.value)) {
                if (c.isLower() && rowidRange.lower == null) {
                    rowidRange.lower = c;
                } else if (!c.isLower() && rowidRange.upper == null) {
                    rowidRange.upper = c;
                }
            }
        }
        if (rowidRange.lower != null || rowidRange.upper != null) {
            rowidRange.kind = WherePlan.ROWID_RANGE;
            rowidRange.estimatedRows = FULL / ((rowidRange.lower != null ? 4 : 1) * (rowidRange.upper != null ? 4 : 1));
            rowidRange.ordered = best.ordered;
            rowidRange.reverse = best.reverse;
            double c = cost(rowidRange, orderBy);
            if (c < bestCost) {
                best = rowidRange;
                bestCost = c;
            }
        }
        for (Index index : s.table.indexes()) {
            if (s.notIndexed || (s.indexedBy != null && s.indexedBy != index)) {
                continue;
            }
            WherePlan p = indexPlan(index, s, cons, scope, orderBy, needed);
            if (p == null) {
                continue;
            }
            double c = cost(p, orderBy);
            if (c < bestCost) {
                best = p;
                bestCost = c;
            }
        }
        return best;
    }

    /** True when every ORDER BY term is a column (or the rowid) of {@code s}. */
    private static boolean allColumnsOf(List<OrderingTerm> orderBy, Source s, Scope scope) throws SqliteException {
        for (OrderingTerm t : orderBy) {
            if (columnOf(t.expr(), s, scope) == Integer.MIN_VALUE) {
                return false;
            }
        }
        return true;
    }

    private static double cost(WherePlan p, List<OrderingTerm> orderBy) {
        double c = p.estimatedRows;
        if (p.kind == WherePlan.INDEX && !p.covering) {
            c *= 2;
        }
        if (orderBy != null && !p.ordered) {
            c += p.estimatedRows * Math.log(p.estimatedRows + 1) / Math.log(2) * 0.25;
        }
        return c;
    }

    private static WherePlan indexPlan(Index index, Source s, List<WherePlan.Constraint> cons, Scope scope,
            List<OrderingTerm> orderBy, boolean[] needed) throws SqliteException {
        List<WherePlan.Constraint> eq = new ArrayList<>();
        int k = 0;
        boolean inUsed = false;
        double inRows = 1;
        for (; k < index.columnCount(); k++) {
            WherePlan.Constraint found = null;
            for (WherePlan.Constraint c : cons) {
                if (c.column == index.column(k) && c.op == Expr.BinaryOp.EQ && (c.inValues == null || !inUsed)
                        && usable(c, index, k, s, scope) && (found == null || found.inValues != null)) {
                    found = c;
                }
            }
            if (found == null) {
                break;
            }
            if (found.inValues != null) {
                inUsed = true;
                inRows = found.inValues.size();
            }
            eq.add(found);
        }
        WherePlan p = new WherePlan();
        p.kind = WherePlan.INDEX;
        p.index = index;
        p.eq = eq.toArray(new WherePlan.Constraint[0]);
        if (k < index.columnCount() && !index.desc(k)) {
            for (WherePlan.Constraint c : cons) {
                if (c.column == index.column(k) && c.op != Expr.BinaryOp.EQ && usable(c, index, k, s, scope)) {
                    if (c.isLower() && p.lower == null) {
                        p.lower = c;
                    } else if (!c.isLower() && p.upper == null) {
                        p.upper = c;
                    }
                }
            }
        }
        p.covering = covers(index, s, needed);
        int dir = orderBy == null || inUsed ? 0 : indexOrder(orderBy, index, k, s, scope);
        p.ordered = dir != 0;
        p.reverse = dir < 0;
        boolean narrower = p.covering && index.columnCount() < s.table.columnCount();
        if (eq.isEmpty() && p.lower == null && p.upper == null && !p.ordered && !narrower) {
            return null;
        }
        double rows = FULL;
        for (int i = 0; i < eq.size(); i++) {
            rows /= 10;
        }
        if (index.unique() && eq.size() == index.columnCount()) {
            rows = 1;
        }
        rows *= inRows;
        if (p.lower != null) {
            rows /= 4;
        }
        if (p.upper != null) {
            rows /= 4;
        }
        p.estimatedRows = Math.max(rows, 1);
        if (p.covering) {
            // A covering index is read instead of the table: cheaper in proportion to its row width.
            p.estimatedRows *= (index.columnCount() + 1.0) / (s.table.columnCount() + 1.5);
        }
        return p;
    }

    private static boolean covers(Index index, Source s, boolean[] needed) {
        if (needed == null) {
            return false;
        }
        for (int c = 0; c < s.columnCount(); c++) {
            if (needed[c] && !s.isRowid(c) && index.fieldOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code c} may drive a seek of index column {@code k}: same collation, compatible affinity. */
    private static boolean usable(WherePlan.Constraint c, Index index, int k, Source s, Scope scope)
            throws SqliteException {
        Expr.Binary cmp = c.term.expr instanceof Expr.Binary ? (Expr.Binary) c.term.expr : null;
        Expr operand = c.term.expr instanceof Expr.InList ? ((Expr.InList) c.term.expr).operand()
                : c.term.expr instanceof Expr.Between ? ((Expr.Between) c.term.expr).operand() : null;
        Collation coll = cmp != null ? ExprInfo.compareCollation(cmp.left(), cmp.right(), scope)
                : ExprInfo.compareCollation(operand, c.value, scope);
        if (coll != index.collation(k)) {
            return false;
        }
        char aff = c.affinity;
        char colAff = s.affinity(c.column);
        if (aff < Affinity.TEXT) {
            return true;
        }
        if (aff == Affinity.TEXT) {
            return colAff == Affinity.TEXT;
        }
        return Affinity.isNumeric(colAff);
    }

    private static void constraints(WhereTerm t, Source s, Scope scope, List<Source> sources, long prior,
            List<WherePlan.Constraint> out) throws SqliteException {
        Expr e = t.expr;
        if (e instanceof Expr.Binary) {
            Expr.Binary b = (Expr.Binary) e;
            switch (b.op()) {
                case EQ: case LT: case LE: case GT: case GE:
                    break;
                default:
                    return;
            }
            int lc = columnOf(b.left(), s, scope);
            if (lc != Integer.MIN_VALUE && (WhereTerm.mask(b.right(), scope, sources) & ~prior) == 0) {
                out.add(new WherePlan.Constraint(t, lc, b.op(), b.right(),
                        ExprInfo.compareAffinity(b.left(), b.right(), scope)));
                return;
            }
            int rc = columnOf(b.right(), s, scope);
            if (rc != Integer.MIN_VALUE && (WhereTerm.mask(b.left(), scope, sources) & ~prior) == 0) {
                out.add(new WherePlan.Constraint(t, rc, commute(b.op()), b.left(),
                        ExprInfo.compareAffinity(b.right(), b.left(), scope)));
            }
        } else if (e instanceof Expr.InList && !((Expr.InList) e).not() && !((Expr.InList) e).values().isEmpty()) {
            Expr.InList in = (Expr.InList) e;
            int c = columnOf(in.operand(), s, scope);
            if (c == Integer.MIN_VALUE) {
                return;
            }
            char aff = ExprInfo.compareAffinity(in.operand(), in.values().get(0), scope);
            for (Expr v : in.values()) {
                if ((WhereTerm.mask(v, scope, sources) & ~prior) != 0
                        || ExprInfo.compareAffinity(in.operand(), v, scope) != aff
                        || ExprInfo.compareCollation(in.operand(), v, scope)
                            != ExprInfo.compareCollation(in.operand(), in.values().get(0), scope)) {
                    return;
                }
            }
            out.add(new WherePlan.Constraint(t, c, Expr.BinaryOp.EQ, in.values().get(0), aff, in.values()));
        } else if (e instanceof Expr.Between && !((Expr.Between) e).not()) {
            Expr.Between b = (Expr.Between) e;
            int c = columnOf(b.operand(), s, scope);
            if (c != Integer.MIN_VALUE && (WhereTerm.mask(b.low(), scope, sources) & ~prior) == 0
                    && (WhereTerm.mask(b.high(), scope, sources) & ~prior) == 0) {
                out.add(new WherePlan.Constraint(t, c, Expr.BinaryOp.GE, b.low(),
                        ExprInfo.compareAffinity(b.operand(), b.low(), scope)));
                out.add(new WherePlan.Constraint(t, c, Expr.BinaryOp.LE, b.high(),
                        ExprInfo.compareAffinity(b.operand(), b.high(), scope)));
            }
        }
    }

    /** The column of {@code s} that {@code e} is (through COLLATE), {@link Source#ROWID}, or MIN_VALUE. */
    static int columnOf(Expr e, Source s, Scope scope) throws SqliteException {
        while (e instanceof Expr.Collate) {
            e = ((Expr.Collate) e).operand();
        }
        if (!(e instanceof Expr.ColumnRef)) {
            return Integer.MIN_VALUE;
        }
        Scope.Resolved r = scope.resolve((Expr.ColumnRef) e);
        if (!r.isColumn() || r.source != s) {
            return Integer.MIN_VALUE;
        }
        return s.isRowid(r.column) ? Source.ROWID : r.column;
    }

    private static Expr.BinaryOp commute(Expr.BinaryOp op) {
        switch (op) {
            case LT: return Expr.BinaryOp.GT;
            case LE: return Expr.BinaryOp.GE;
            case GT: return Expr.BinaryOp.LT;
            case GE: return Expr.BinaryOp.LE;
            default: return op;
        }
    }

    private static boolean isIntegerLiteral(Expr e) {
        if (e instanceof Expr.Unary && ((Expr.Unary) e).op() == Expr.UnaryOp.NEGATE) {
            e = ((Expr.Unary) e).operand();
        }
        return e instanceof Expr.Literal && ((Expr.Literal) e).kind() == Expr.LiteralKind.INTEGER
                && !((Expr.Literal) e).value().startsWith("0x") && !((Expr.Literal) e).value().startsWith("0X")
                && ((Expr.Literal) e).value().length() < 19;
    }

    /** 1 when ORDER BY is exactly {@code rowid ASC} of {@code s}, -1 for {@code rowid DESC}, else 0. */
    private static int rowidOrder(List<OrderingTerm> orderBy, Source s, Scope scope) throws SqliteException {
        if (orderBy.size() != 1 || s.table == null) {
            return 0;
        }
        OrderingTerm t = orderBy.get(0);
        if (t.nulls() != NullsOrder.DEFAULT || columnOf(t.expr(), s, scope) != Source.ROWID) {
            return 0;
        }
        return t.order() == SortOrder.DESC ? -1 : 1;
    }

    /**
     * Whether scanning {@code index} with equalities on its first {@code nEq} columns yields rows in ORDER BY
     * order: 1 scanning forward, -1 scanning backward, 0 not at all. The terms must name the following index
     * columns in order, all in the index's direction or all against it, each with the index's collation
     * (terms on columns fixed by an equality may appear anywhere), optionally ending with the rowid in the
     * same direction.
     */
    private static int indexOrder(List<OrderingTerm> orderBy, Index index, int nEq, Source s, Scope scope)
            throws SqliteException {
        int k = nEq;
        int dir = 0;
        for (OrderingTerm t : orderBy) {
            if (t.nulls() != NullsOrder.DEFAULT) {
                return 0;
            }
            int c = columnOf(t.expr(), s, scope);
            if (c == Integer.MIN_VALUE) {
                return 0;
            }
            boolean fixed = false;
            for (int j = 0; j < nEq; j++) {
                fixed |= c != Source.ROWID && index.column(j) == c;
            }
            if (fixed) {
                continue;
            }
            boolean desc = t.order() == SortOrder.DESC;
            if (k == index.columnCount()) {
                int d = desc ? -1 : 1;
                return c == Source.ROWID && (dir == 0 || dir == d) && t == orderBy.get(orderBy.size() - 1) ? d : 0;
            }
            Collation coll = ExprInfo.collation(t.expr(), scope);
            int d = desc == index.desc(k) ? 1 : -1;
            if (c != index.column(k) || (dir != 0 && d != dir)
                    || (coll == null ? Collation.BINARY : coll) != index.collation(k)) {
                return 0;
            }
            dir = d;
            k++;
        }
        return dir == 0 ? 1 : dir;
    }
}
