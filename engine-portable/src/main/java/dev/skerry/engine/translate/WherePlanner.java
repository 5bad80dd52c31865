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
 * Chooses the access path of one loop level (SQLite's {@code where.c}, with the statistics of
 * {@code sqlite_stat1} when the table has them, see {@link WhereCost}).
 *
 * <p>Usable constraints are terms {@code column op value} ({@code =}, {@code <}, {@code <=}, {@code >},
 * {@code >=}, either side, both halves of a BETWEEN; {@code column IN (list)}, {@code column IN (SELECT ...)}
 * of a subquery that is not correlated, and {@code column = v1 OR column = v2 ...} as an equality walked value
 * by value) whose value needs only outer levels; an index column takes one only when the comparison's
 * collation is the index column's and its affinity allows the index ({@code sqlite3IndexAffinityOk}).
 * Candidates: the rowid by equality, each index by equalities on its leading columns plus a range on the
 * next one, the rowid by an integer-literal range, the full scan, a covering-index scan, a MULTI-INDEX OR
 * for an OR term whose branches can all be sought, and, inside outer loops, an automatic index. Each is
 * costed as {@link WhereCost} says, its rows reduced by the terms it leaves to filter
 * ({@code whereLoopOutputAdjust}); a plan that yields rows in ORDER BY order saves the sort, whose cost is
 * added to the others. The right side of a LEFT JOIN uses only its ON terms. NOT INDEXED leaves only the
 * rowid and the full scan; INDEXED BY restricts the indexes to the one named; neither allows an automatic
 * index. An index whose statistics say {@code unordered} serves equalities only: no range, no ORDER BY, no
 * covering scan.
 */
final class WherePlanner {
    private WherePlanner() {
    }

    /** The plan for {@code sources.get(level)} with the levels before it as outer loops (see below). */
    static WherePlan plan(int level, List<Source> sources, List<WhereTerm> terms, Scope scope, boolean leftInner,
            List<OrderingTerm> orderBy, boolean[] needed, double outerRows) throws SqliteException {
        return plan(level, (1L << level) - 1, sources, terms, scope, leftInner, orderBy, needed, outerRows);
    }

    /**
     * The plan for {@code sources.get(self)} run inside outer loops over the sources of mask {@code prior},
     * which yield {@code outerRows} row combinations. {@code orderBy} is the ORDER BY to try to satisfy
     * (null when none or when it cannot be satisfied by this level); {@code needed} says which columns the
     * query reads from this source (index {@code columnCount} is the rowid; null: all). The plan's
     * {@link WherePlan#estimatedRows} includes the reduction by the terms it does not use.
     */
    static WherePlan plan(int self, long prior, List<Source> sources, List<WhereTerm> terms, Scope scope,
            boolean leftInner, List<OrderingTerm> orderBy, boolean[] needed, double outerRows)
            throws SqliteException {
        Source s = sources.get(self);
        if (orderBy != null && !resolvable(orderBy, scope, sources)) {
            orderBy = null;
        }
        int rowidDir = orderBy == null ? 0 : rowidOrder(orderBy, self, sources, scope);
        if (orderBy != null && rowidDir == 0 && !allColumnsOf(orderBy, s, scope)) {
            orderBy = null;
        }
        List<WherePlan.Constraint> cons = new ArrayList<>();
        List<WherePlan.Constraint> exprCons = new ArrayList<>();
        List<WhereTerm> local = new ArrayList<>();
        for (WhereTerm t : terms) {
            if (t.consumed || (leftInner ? t.leftJoinLevel != self : t.leftJoinLevel >= 0 && t.leftJoinLevel != self)) {
                continue;
            }
            if ((t.mask & (1L << self)) == 0) {
                continue;
            }
            if ((t.mask & ~(1L << self) & ~prior) != 0) {
                if (t.expr instanceof Expr.Between) {
                    constraints(t, s, scope, sources, prior, cons); // a bound that is known may still seek
                }
                continue;
            }
            local.add(t);
            constraints(t, s, scope, sources, prior, cons);
            IndexExprTerms.constraints(t, s, scope, sources, prior, exprCons);
        }
        WherePlan best = new WherePlan();
        best.ordered = rowidDir != 0;
        best.reverse = rowidDir < 0;
        double tableRows = WhereCost.tableRows(s.table);
        double seek = WhereCost.seek(tableRows);
        best.estimatedRows = tableRows;
        best.cost = WhereCost.fullScan(tableRows);
        adjust(best, local, s, scope);
        double bestCost = total(best, orderBy, outerRows);
        if (s.table == null) {
            return best;
        }
        WherePlan.Constraint rowidIn = null;
        for (WherePlan.Constraint c : cons) {
            if (s.isRowid(c.column) && c.op == Expr.BinaryOp.EQ) {
                if (c.isIn()) {
                    rowidIn = rowidIn == null ? c : rowidIn;
                    continue;
                }
                WherePlan p = new WherePlan();
                p.kind = WherePlan.ROWID_EQ;
                p.eq = new WherePlan.Constraint[] {c};
                p.estimatedRows = 1;
                p.cost = seek + WhereCost.tableLookups(1);
                p.ordered = orderBy != null;
                adjust(p, local, s, scope);
                return p;
            }
        }
        if (rowidIn != null) {
            WherePlan p = new WherePlan();
            p.kind = WherePlan.ROWID_EQ;
            p.eq = new WherePlan.Constraint[] {rowidIn};
            p.estimatedRows = rowidIn.inCount();
            p.cost = p.estimatedRows * (seek + WhereCost.tableLookups(1));
            p.ordered = best.ordered && !best.reverse;
            adjust(p, local, s, scope);
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
            rowidRange.estimatedRows = WhereCost.range(tableRows, rowidRange.lower != null,
                    rowidRange.upper != null);
            rowidRange.cost = seek + WhereCost.tableLookups(rowidRange.estimatedRows);
            rowidRange.ordered = best.ordered;
            rowidRange.reverse = best.reverse;
            adjust(rowidRange, local, s, scope);
            double c = total(rowidRange, orderBy, outerRows);
            if (c < bestCost) {
                best = rowidRange;
                bestCost = c;
            }
        }
        for (Index index : WithoutRowidCoder.plannable(s.table)) {
            boolean pk = index == s.table.primaryKey();
            if ((s.notIndexed && !pk) || (s.indexedBy != null && s.indexedBy != index && !pk)
                    || !PartialIndexes.usable(index, terms, self, leftInner, s, scope)) {
                continue;
            }
            WherePlan p = indexPlan(index, s, IndexExprTerms.with(cons, exprCons, index), scope, orderBy, needed);
            if (p == null) {
                continue;
            }
            adjust(p, local, s, scope);
            double c = total(p, orderBy, outerRows);
            if (c < bestCost) {
                best = p;
                bestCost = c;
            }
        }
        // No MULTI-INDEX OR on a WITHOUT ROWID table: its rows are told apart by PRIMARY KEY records, which
        // the RowSet of rowids cannot hold.
        if (!leftInner && !s.notIndexed && s.indexedBy == null && !s.rightJoin && s.function == null
                && !s.table.withoutRowid()) {
            for (WhereTerm t : local) {
                if (t.expr instanceof Expr.Binary && ((Expr.Binary) t.expr).op() == Expr.BinaryOp.OR
                        && !constrains(cons, t)) {
                    WherePlan or = MultiIndexOr.plan(t, local, s, scope);
                    if (or == null) {
                        continue;
                    }
                    adjust(or, local, s, scope);
                    double c = total(or, orderBy, outerRows);
                    if (c < bestCost) {
                        best = or;
                        bestCost = c;
                    }
                }
            }
        }
        // The right-hand side of a RIGHT or FULL join is scanned again for its unmatched rows on its own
        // cursor (RightJoins), so its loop must read that cursor: no automatic index there, nor on a
        // table-valued function (FunctionScan computes its rows).
        if (prior != 0 && outerRows >= 1.25 && !s.notIndexed && s.indexedBy == null && !s.rightJoin
                && s.function == null) {
            WherePlan auto = AutoIndexPlan.plan(s, cons, local, scope, needed);
            if (auto != null && total(auto, orderBy, outerRows) < bestCost) {
                best = auto;
            }
        }
        return best;
    }

    private static boolean constrains(List<WherePlan.Constraint> cons, WhereTerm t) {
        for (WherePlan.Constraint c : cons) {
            if (c.term == t) {
                return true;
            }
        }
        return false;
    }

    /**
     * The cost of running the plan inside {@code outerRows} outer row combinations: its setup once, its run
     * for each, and a sort of its rows when an ORDER BY is asked for and the plan does not give its order.
     */
    static double total(WherePlan p, List<OrderingTerm> orderBy, double outerRows) {
        double c = p.setup + outerRows * p.cost;
        if (orderBy != null && !p.ordered) {
            double rows = Math.max(outerRows * p.estimatedRows, 1);
            c += 3 * rows * Math.log(rows + 1) / Math.log(2);
        }
        return c;
    }

    /**
     * Reduces the plan's rows by the terms of this level that it does not use to seek (SQLite's
     * {@code whereLoopOutputAdjust}): each by a little, and an unused equality at most to a quarter of the
     * table (half for a comparison with -1, 0 or 1).
     */
    private static void adjust(WherePlan p, List<WhereTerm> local, Source s, Scope scope) throws SqliteException {
        double cap = Double.MAX_VALUE;
        for (WhereTerm t : local) {
            if (p.uses(t)) {
                continue;
            }
            p.estimatedRows *= WhereCost.residualFactor();
            if (t.expr instanceof Expr.Binary && (((Expr.Binary) t.expr).op() == Expr.BinaryOp.EQ
                    || ((Expr.Binary) t.expr).op() == Expr.BinaryOp.IS)) {
                Expr.Binary b = (Expr.Binary) t.expr;
                Expr other = columnOf(b.left(), s, scope) != Integer.MIN_VALUE ? b.right() : b.left();
                cap = Math.min(cap, WhereCost.tableRows(s.table) / (isSmallInteger(other) ? 2 : 4));
            }
        }
        p.estimatedRows = Math.min(p.estimatedRows, cap);
    }

    private static boolean isSmallInteger(Expr e) {
        boolean neg = false;
        if (e instanceof Expr.Unary && ((Expr.Unary) e).op() == Expr.UnaryOp.NEGATE) {
            e = ((Expr.Unary) e).operand();
            neg = true;
        }
        if (!(e instanceof Expr.Literal) || ((Expr.Literal) e).kind() != Expr.LiteralKind.INTEGER) {
            return false;
        }
        String v = ((Expr.Literal) e).value();
        return v.equals("0") || v.equals("1") || (neg && v.equals("1"));
    }

    /**
     * False when an ORDER BY term does not resolve against the FROM clause alone: a name that is a result
     * column's only through {@code *} (in {@code select * from s, t order by b} the first {@code b} of the star,
     * ambiguous in the FROM clause). Such an ORDER BY is left to the sort; {@code SelectCoder.orderKeys}
     * resolves it as SQLite does, or reports its error.
     */
    private static boolean resolvable(List<OrderingTerm> orderBy, Scope scope, List<Source> sources) {
        for (OrderingTerm t : orderBy) {
            try {
                WhereTerm.mask(t.expr(), scope, sources);
            } catch (SqliteException e) {
                return false;
            }
        }
        return true;
    }

    /** True when every ORDER BY term is a column (or the rowid) of {@code s}. */
    private static boolean allColumnsOf(List<OrderingTerm> orderBy, Source s, Scope scope) throws SqliteException {
        for (OrderingTerm t : orderBy) {
            if (columnOf(t.expr(), s, scope) == Integer.MIN_VALUE
                    && !IndexExprTerms.indexed(stripCollate(t.expr()), s, scope)) {
                return false;
            }
        }
        return true;
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
                if (IndexExprTerms.onField(c, index, k, s, scope) && c.op == Expr.BinaryOp.EQ && (!c.isIn() || !inUsed)
                        && usable(c, index, k, s, scope) && (found == null || found.isIn())) {
                    found = c;
                }
            }
            if (found == null) {
                break;
            }
            if (found.isIn()) {
                inUsed = true;
                inRows = found.inCount();
            }
            eq.add(found);
        }
        WherePlan p = new WherePlan();
        p.kind = WherePlan.INDEX;
        p.index = index;
        p.eq = eq.toArray(new WherePlan.Constraint[0]);
        if (k < index.columnCount() && !index.desc(k) && !index.statUnordered()) {
            for (WherePlan.Constraint c : cons) {
                if (IndexExprTerms.onField(c, index, k, s, scope) && c.op != Expr.BinaryOp.EQ
                        && usable(c, index, k, s, scope)) {
                    if (c.isLower() && p.lower == null) {
                        p.lower = c;
                    } else if (!c.isLower() && p.upper == null) {
                        p.upper = c;
                    }
                }
            }
        }
        p.covering = covers(index, s, needed);
        int dir = orderBy == null || inUsed || index.statUnordered() ? 0 : indexOrder(orderBy, index, k, s, scope);
        p.ordered = dir != 0;
        p.reverse = dir < 0;
        boolean tablePk = index == s.table.primaryKey();
        boolean narrower = p.covering && !tablePk && index.columnCount() < s.table.columnCount()
                && !index.statUnordered();
        if (eq.isEmpty() && p.lower == null && p.upper == null && !p.ordered && !narrower && index.where() == null) {
            return null;
        }
        double tableRows = WhereCost.tableRows(s.table);
        double seek = WhereCost.seek(tableRows);
        double rows = WhereCost.rowsForEqualities(index, eq.size(), tableRows) * inRows;
        if (eq.isEmpty() && index.where() != null && index.statRowLogEst() == null) {
            rows /= 2;
        }
        rows = WhereCost.range(rows, p.lower != null, p.upper != null);
        p.estimatedRows = rows;
        double width = tablePk ? 1.0 : RowWidths.ratio(index, s.table);
        double seeks = eq.isEmpty() && p.lower == null && p.upper == null ? 0 : inRows * seek;
        p.cost = seeks + WhereCost.indexRows(rows, width) + (p.covering ? 0 : WhereCost.tableLookups(rows));
        int firstIn = 0;
        while (firstIn < eq.size() && !eq.get(firstIn).isIn()) {
            firstIn++;
        }
        if (firstIn > 0 && firstIn < eq.size()) {
            // SQLite's whereLoopAdjustCost: a seek using more terms of an index never costs more than one
            // using a subset of them, so an IN after equalities is estimated at most as the equalities alone.
            double prefixRows = WhereCost.rowsForEqualities(index, firstIn, tableRows);
            double prefixCost = seek + WhereCost.indexRows(prefixRows, width)
                    + (p.covering ? 0 : WhereCost.tableLookups(prefixRows));
            p.estimatedRows = Math.min(p.estimatedRows, prefixRows);
            p.cost = Math.min(p.cost, prefixCost);
        }
        return p;
    }

    private static boolean covers(Index index, Source s, boolean[] needed) {
        if (needed == null) {
            return false;
        }
        for (int c = 0; c < s.columnCount(); c++) {
            if (needed[c] && !s.isRowid(c) && index.storedFieldOf(c) < 0 && index != s.table.primaryKey()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code c} may drive a seek of index column {@code k}: same collation, compatible affinity; an
     * {@code IS NULL} test seeks any index on its column (NULL is NULL under every collation and affinity).
     */
    private static boolean usable(WherePlan.Constraint c, Index index, int k, Source s, Scope scope)
            throws SqliteException {
        if (c.isNullTest) {
            return true;
        }
        if (collation(c, scope) != index.collation(k)) {
            return false;
        }
        return affinityOk(c, s);
    }

    /** The collation of the comparison behind {@code c}. */
    static Collation collation(WherePlan.Constraint c, Scope scope) throws SqliteException {
        if (c.collation != null) {
            return c.collation;
        }
        if (c.term.expr instanceof Expr.Binary) {
            Expr.Binary cmp = (Expr.Binary) c.term.expr;
            return ExprInfo.compareCollation(cmp.left(), cmp.right(), scope);
        }
        return ExprInfo.compareCollation(((Expr.Between) c.term.expr).operand(), c.value, scope);
    }

    /** Whether the affinity of {@code c}'s comparison lets an index on its column serve it. */
    static boolean affinityOk(WherePlan.Constraint c, Source s) {
        char aff = c.affinity;
        char colAff = c.indexExpr != null ? IndexExprTerms.affinity(c) : s.affinity(c.column);
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
                case OR:
                    OrTerms.equalities(t, s, scope, sources, prior, out);
                    return;
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
                WherePlan.Constraint c = new WherePlan.Constraint(t, rc, commute(b.op()), b.left(),
                        ExprInfo.compareAffinity(b.right(), b.left(), scope));
                c.commutedColumns = stripCollate(b.left()) instanceof Expr.ColumnRef;
                out.add(c);
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
            WherePlan.Constraint con = new WherePlan.Constraint(t, c, Expr.BinaryOp.EQ, in.values().get(0), aff,
                    in.values(), null, in.operand());
            con.collation = ExprInfo.compareCollation(in.operand(), in.values().get(0), scope);
            out.add(con);
        } else if (e instanceof Expr.InSelect && !((Expr.InSelect) e).not()) {
            Expr.InSelect in = (Expr.InSelect) e;
            int c = columnOf(in.operand(), s, scope);
            if (!t.independent || c == Integer.MIN_VALUE || ExprInfo.hasExplicitCollate(in.operand())) {
                return;
            }
            char aff = ExprInfo.combine(ExprInfo.affinity(in.operand(), scope),
                    ExprInfo.affinity(new Expr.Subquery(in.select(), in.start(), in.end()), scope));
            WherePlan.Constraint con = new WherePlan.Constraint(t, c, Expr.BinaryOp.EQ, in.operand(), aff, null,
                    in.select(), in.operand());
            con.collation = ExprInfo.collation(in.operand(), scope);
            out.add(con);

        } else if (e instanceof Expr.IsNull && !((Expr.IsNull) e).not()) {
            Expr.IsNull n = (Expr.IsNull) e;
            int c = columnOf(n.operand(), s, scope);
            // Neither the rowid nor a NOT NULL column is ever NULL: SQLite scans (the term is false on every row).
            if (c == Integer.MIN_VALUE || s.isRowid(c) || s.table != null && s.table.column(c).notNull()) {
                return;
            }
            WherePlan.Constraint con = new WherePlan.Constraint(t, c, Expr.BinaryOp.EQ,
                    new Expr.Literal(Expr.LiteralKind.NULL, "NULL", n.start(), n.end()), Affinity.BLOB);
            con.isNullTest = true;
            out.add(con);
        } else if (e instanceof Expr.Between && !((Expr.Between) e).not()) {
            // As SQLite's two virtual terms (x >= low, x <= high): each bound serves a seek when it needs only
            // outer levels; a BETWEEN used for one bound is still checked whole (WhereLoop.consumeRange).
            Expr.Between b = (Expr.Between) e;
            int c = columnOf(b.operand(), s, scope);
            if (c == Integer.MIN_VALUE) {
                // A column as a bound: x BETWEEN col AND hi holds col <= x; x BETWEEN lo AND col holds col >= x.
                if ((WhereTerm.mask(b.operand(), scope, sources) & ~prior) != 0) {
                    return;
                }
                boundColumn(t, b.low(), Expr.BinaryOp.LE, b.operand(), s, scope, out);
                boundColumn(t, b.high(), Expr.BinaryOp.GE, b.operand(), s, scope, out);
                return;
            }
            if ((WhereTerm.mask(b.low(), scope, sources) & ~prior) == 0) {
                out.add(new WherePlan.Constraint(t, c, Expr.BinaryOp.GE, b.low(),
                        ExprInfo.compareAffinity(b.operand(), b.low(), scope)));
            }
            if ((WhereTerm.mask(b.high(), scope, sources) & ~prior) == 0) {
                out.add(new WherePlan.Constraint(t, c, Expr.BinaryOp.LE, b.high(),
                        ExprInfo.compareAffinity(b.operand(), b.high(), scope)));
            }
        }
    }

    /**
     * For {@code x BETWEEN … bound …} where {@code bound} is a column of {@code s}: the constraint
     * {@code bound op x}, compared as the BETWEEN compares ({@code x} on the left), when there is such a column.
     */
    private static void boundColumn(WhereTerm t, Expr bound, Expr.BinaryOp op, Expr x, Source s, Scope scope,
            List<WherePlan.Constraint> out) throws SqliteException {
        int c = columnOf(bound, s, scope);
        if (c == Integer.MIN_VALUE) {
            return;
        }
        WherePlan.Constraint con = new WherePlan.Constraint(t, c, op, x, ExprInfo.compareAffinity(x, bound, scope));
        Collation coll = ExprInfo.compareCollation(x, bound, scope);
        con.collation = coll == null ? Collation.BINARY : coll;
        out.add(con);
    }

    private static Expr stripCollate(Expr e) {
        while (e instanceof Expr.Collate) {
            e = ((Expr.Collate) e).operand();
        }
        return e;
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

    static Expr.BinaryOp commute(Expr.BinaryOp op) {
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

    /**
     * 1 when ORDER BY starts with {@code rowid ASC} of source {@code self}, -1 for {@code rowid DESC}, else 0.
     * The rowid tells the rows apart, so (as SQLite's {@code wherePathSatisfiesOrderBy} with its
     * {@code orderDistinctMask}) the later terms are satisfied when they read no other source: they are then
     * never evaluated.
     */
    private static int rowidOrder(List<OrderingTerm> orderBy, int self, List<Source> sources, Scope scope)
            throws SqliteException {
        Source s = sources.get(self);
        if (orderBy.isEmpty() || s.table == null) {
            return 0;
        }
        for (int k = 1; k < orderBy.size(); k++) {
            if ((WhereTerm.mask(orderBy.get(k).expr(), scope, sources) & ~(1L << self)) != 0) {
                return 0;
            }
        }
        OrderingTerm t = orderBy.get(0);
        // The rowid is never NULL: NULLS FIRST/LAST does not change its order.
        if (columnOf(t.expr(), s, scope) != Source.ROWID) {
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
            Expr indexed = null;
            if (c == Integer.MIN_VALUE) {
                if (!index.hasExpressions()) {
                    return 0;
                }
                c = Index.EXPR;
                indexed = stripCollate(t.expr());
            }
            Collation coll = ExprInfo.collation(t.expr(), scope);
            boolean fixed = false;
            for (int j = 0; j < nEq; j++) {
                fixed |= c != Source.ROWID && index.column(j) == c
                        && (coll == null ? Collation.BINARY : coll) == index.collation(j)
                        && (indexed == null || new ExprMatch(scope, s).same(indexed, index.expr(j)));
            }
            if (fixed) {
                continue;
            }
            boolean desc = t.order() == SortOrder.DESC;
            if (k == index.columnCount()) {
                int d = desc ? -1 : 1;
                return c == Source.ROWID && (dir == 0 || dir == d) && t == orderBy.get(orderBy.size() - 1) ? d : 0;
            }
            int d = desc == index.desc(k) ? 1 : -1;
            if (c != index.column(k) || (dir != 0 && d != dir)
                    || (indexed != null && !new ExprMatch(scope, s).same(indexed, index.expr(k)))
                    || (coll == null ? Collation.BINARY : coll) != index.collation(k)) {
                return 0;
            }
            dir = d;
            k++;
        }
        return dir == 0 ? 1 : dir;
    }
}
