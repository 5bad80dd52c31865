package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.value.Affinity;
import java.util.ArrayList;
import java.util.List;

/**
 * Constraints on the key expressions of indexes on expressions (SQLite's {@code exprMightBeIndexed} and
 * {@code whereScanNext} on {@code XN_EXPR} fields): a WHERE term {@code expr op value} (also
 * {@code value op expr}, BETWEEN and IN lists) whose {@code expr} is, structurally, a key expression of some
 * index of the level's table gives a constraint with {@link Index#EXPR} as its column and the expression in
 * {@link WherePlan.Constraint#indexExpr}; it drives that index's field as a column constraint would. These
 * constraints are kept apart from the column ones, so only index plans see them.
 */
final class IndexExprTerms {
    private IndexExprTerms() {
    }

    /** Appends to {@code out} the expression constraints term {@code t} gives on source {@code s}. */
    static void constraints(WhereTerm t, Source s, Scope scope, List<Source> sources, long prior,
            List<WherePlan.Constraint> out) throws SqliteException {
        if (s.table == null || !hasExpressionIndex(s)) {
            return;
        }
        Expr e = t.expr;
        if (e instanceof Expr.Binary) {
            Expr.Binary b = (Expr.Binary) e;
            switch (b.op()) {
                case EQ: case LT: case LE: case GT: case GE:
                    break;
                default:
                    return;
            }
            if (indexed(b.left(), s, scope) && independent(b.right(), scope, sources, prior)) {
                out.add(constraint(t, b.left(), b.op(), b.right(), scope));
            } else if (indexed(b.right(), s, scope) && independent(b.left(), scope, sources, prior)) {
                out.add(constraint(t, b.right(), WherePlanner.commute(b.op()), b.left(), scope));
            }
        } else if (e instanceof Expr.InList && !((Expr.InList) e).not() && !((Expr.InList) e).values().isEmpty()) {
            Expr.InList in = (Expr.InList) e;
            if (!indexed(in.operand(), s, scope)) {
                return;
            }
            Expr first = in.values().get(0);
            char aff = ExprInfo.compareAffinity(in.operand(), first, scope);
            for (Expr v : in.values()) {
                if (!independent(v, scope, sources, prior) || ExprInfo.compareAffinity(in.operand(), v, scope) != aff
                        || ExprInfo.compareCollation(in.operand(), v, scope)
                            != ExprInfo.compareCollation(in.operand(), first, scope)) {
                    return;
                }
            }
            WherePlan.Constraint c = new WherePlan.Constraint(t, Index.EXPR, Expr.BinaryOp.EQ, first, aff,
                    in.values(), null, in.operand());
            c.collation = ExprInfo.compareCollation(in.operand(), first, scope);
            c.indexExpr = in.operand();
            char own = ExprInfo.affinity(in.operand(), scope);
            c.indexExprAffinity = own < Affinity.BLOB ? Affinity.BLOB : own;
            out.add(c);
        } else if (e instanceof Expr.Between && !((Expr.Between) e).not()) {
            Expr.Between b = (Expr.Between) e;
            if (indexed(b.operand(), s, scope) && independent(b.low(), scope, sources, prior)
                    && independent(b.high(), scope, sources, prior)) {
                out.add(constraint(t, b.operand(), Expr.BinaryOp.GE, b.low(), scope));
                out.add(constraint(t, b.operand(), Expr.BinaryOp.LE, b.high(), scope));
            }
        }
    }

    private static WherePlan.Constraint constraint(WhereTerm t, Expr indexed, Expr.BinaryOp op, Expr value,
            Scope scope) throws SqliteException {
        WherePlan.Constraint c = new WherePlan.Constraint(t, Index.EXPR, op, value,
                ExprInfo.compareAffinity(indexed, value, scope));
        c.indexExpr = indexed;
        char aff = ExprInfo.affinity(indexed, scope);
        c.indexExprAffinity = aff < Affinity.BLOB ? Affinity.BLOB : aff;
        return c;
    }

    private static boolean independent(Expr value, Scope scope, List<Source> sources, long prior)
            throws SqliteException {
        return (WhereTerm.mask(value, scope, sources) & ~prior) == 0;
    }

    private static boolean hasExpressionIndex(Source s) {
        for (Index index : s.table.indexes()) {
            if (index.hasExpressions()) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code e} (not a plain column) is a key expression of an index of {@code s}'s table. */
    static boolean indexed(Expr e, Source s, Scope scope) throws SqliteException {
        if (s.table == null || e instanceof Expr.ColumnRef || e instanceof Expr.Literal) {
            return false;
        }
        ExprMatch match = new ExprMatch(scope, s);
        for (Index index : s.table.indexes()) {
            for (int k = 0; k < index.columnCount(); k++) {
                if (index.expr(k) != null && match.same(e, index.expr(k))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The constraints an index plan of {@code index} considers: the column ones, and the expression ones if it has expressions. */
    static List<WherePlan.Constraint> with(List<WherePlan.Constraint> cons, List<WherePlan.Constraint> exprCons,
            Index index) {
        if (exprCons.isEmpty() || !index.hasExpressions()) {
            return cons;
        }
        List<WherePlan.Constraint> all = new ArrayList<>(cons);
        all.addAll(exprCons);
        return all;
    }

    /** True when constraint {@code c} constrains key field {@code k} of {@code index}. */
    static boolean onField(WherePlan.Constraint c, Index index, int k, Source s, Scope scope) throws SqliteException {
        if (c.column != index.column(k)) {
            return false;
        }
        return c.indexExpr == null || new ExprMatch(scope, s).same(c.indexExpr, index.expr(k));
    }

    /** The affinity of the index field an expression constraint drives. */
    static char affinity(WherePlan.Constraint c) {
        return c.indexExprAffinity;
    }
}
