package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import java.util.List;

/**
 * SQLite's LEFT JOIN simplification ({@code SQLITE_SimplifyJoin} in {@code sqlite3Select}): a LEFT JOIN whose
 * right-hand table the WHERE clause cannot accept as a row of NULLs is an inner join, since every row the outer
 * join would add is rejected anyway. Its ON terms become ordinary terms, and the planner may then reorder the
 * join, seek from the right-hand table, or use a partial index those terms imply. The rows are the same either
 * way; only the plan changes. Nothing is simplified in a FROM clause with a RIGHT or FULL join.
 *
 * <p>"Cannot accept a row of NULLs" is {@code sqlite3ExprImpliesNonNullRow}: some AND-ed term of the WHERE (or
 * the operand of a top-level {@code x NOTNULL}) is false or NULL whenever the table's columns are all NULL.
 * A term qualifies when a column of the table reaches it through operators that give NULL for a NULL operand:
 * comparisons, arithmetic, NOT, CAST, COLLATE; the operand of a non-empty IN list; the operand of BETWEEN or
 * both its bounds; both sides of an inner AND or OR. IS, IS NOT, ISNULL, NOTNULL, CASE, function calls (LIKE
 * and GLOB among them), row values and subqueries never qualify, as in SQLite.
 */
final class SimplifyJoins {
    private SimplifyJoins() {
    }

    /** Turns each LEFT JOIN of {@code r} whose right-hand source {@code where} rejects when NULL into an inner join. */
    static void apply(Expr where, Scope scope, FromBuilder.Result r) {
        if (where == null) {
            return;
        }
        for (Source s : scope.sources) {
            if (s.rightJoin) {
                return;
            }
        }
        for (int level = 1; level < r.leftInner.length; level++) {
            if (r.leftInner[level] && impliesNonNullRow(where, scope.sources.get(level), scope)) {
                r.leftInner[level] = false;
                List<Integer> levels = r.joinLevels;
                for (int k = 0; k < levels.size(); k++) {
                    if (levels.get(k) == level) {
                        levels.set(k, -1);
                    }
                }
            }
        }
    }

    /** True when {@code e} is false or NULL for every row in which {@code s}'s columns are all NULL. */
    static boolean impliesNonNullRow(Expr e, Source s, Scope scope) {
        e = skipCollateAndLikely(e);
        if (e instanceof Expr.IsNull && ((Expr.IsNull) e).not()) {
            return nullRejecting(((Expr.IsNull) e).operand(), s, scope);
        }
        while (e instanceof Expr.Binary && ((Expr.Binary) e).op() == Expr.BinaryOp.AND) {
            if (impliesNonNullRow(((Expr.Binary) e).left(), s, scope)) {
                return true;
            }
            e = skipCollateAndLikely(((Expr.Binary) e).right());
        }
        return nullRejecting(e, s, scope);
    }

    /** SQLite's {@code impliesNotNullRow} walk: a column of {@code s} reached through NULL-propagating operators. */
    private static boolean nullRejecting(Expr e, Source s, Scope scope) {
        if (e == null) {
            return false;
        }
        if (e instanceof Expr.ColumnRef) {
            Scope.Resolved r;
            try {
                r = scope.resolve((Expr.ColumnRef) e);
            } catch (SqliteException unresolved) {
                return false; // reported where the WHERE clause is compiled
            }
            if (r.isColumn()) {
                return r.source == s;
            }
            return r.isAlias() && r.aliasScope == scope && nullRejecting(r.aliasExpr, s, scope);
        }
        if (e instanceof Expr.Binary) {
            Expr.Binary b = (Expr.Binary) e;
            switch (b.op()) {
                case AND: case OR:
                    return nullRejecting(b.left(), s, scope) && nullRejecting(b.right(), s, scope);
                case IS: case IS_NOT: case JSON_ARROW: case JSON_ARROW2:
                    return false;
                default:
                    return nullRejecting(b.left(), s, scope) || nullRejecting(b.right(), s, scope);
            }
        }
        if (e instanceof Expr.Between) {
            Expr.Between b = (Expr.Between) e;
            return nullRejecting(b.operand(), s, scope)
                    || nullRejecting(b.low(), s, scope) && nullRejecting(b.high(), s, scope);
        }
        if (e instanceof Expr.InList) {
            Expr.InList in = (Expr.InList) e;
            return !in.values().isEmpty() && nullRejecting(in.operand(), s, scope);
        }
        if (e instanceof Expr.Unary || e instanceof Expr.Cast || e instanceof Expr.Collate) {
            for (Expr child : Exprs.children(e)) {
                if (nullRejecting(child, s, scope)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code e} without the COLLATE and likely()/unlikely()/likelihood() around it. */
    private static Expr skipCollateAndLikely(Expr e) {
        while (true) {
            if (e instanceof Expr.Collate) {
                e = ((Expr.Collate) e).operand();
            } else if (e instanceof Expr.FunctionCall && isLikely((Expr.FunctionCall) e)) {
                e = ((Expr.FunctionCall) e).args().get(0);
            } else {
                return e;
            }
        }
    }

    private static boolean isLikely(Expr.FunctionCall f) {
        String n = f.name().text();
        return f.over() == null && !f.args().isEmpty() && (n.equalsIgnoreCase("likely")
                || n.equalsIgnoreCase("unlikely") || n.equalsIgnoreCase("likelihood"));
    }
}
