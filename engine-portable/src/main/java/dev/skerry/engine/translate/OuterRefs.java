package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.SelectCore;

/**
 * SQLite's rule that the ORDER BY and GROUP BY terms of a query may not refer to enclosing queries (its resolver
 * clears the outer name context for them: {@code no such column: t2.d}, also from a subquery inside the term).
 * Result-column numbers and aliases are exempt (the aliased expressions were resolved with the result columns).
 * Each other term is checked ({@link SelectCoder#check}) with {@link Scope#barrier} set.
 */
final class OuterRefs {
    private OuterRefs() {
    }

    static void check(SelectCoder sc, SelectCore.Query q, SelectCoder.OrderKeys keys, Scope scope)
            throws SqliteException {
        Parse p = sc.p;
        scope.barrier = true;
        try {
            for (int k = 0; k < keys.exprs.size(); k++) {
                Expr e = keys.exprs.get(k);
                if (keys.itemIndex[k] < 0 && checkable(e, p)) {
                    sc.check(e, scope);
                }
            }
            for (Expr g : q.groupBy()) {
                if (ColumnNumbers.of(g, p.sql) == null && checkable(g, p)) {
                    sc.check(g, scope);
                }
            }
        } finally {
            scope.barrier = false;
        }
    }

    private static boolean checkable(Expr e, Parse p) {
        return !AggregateInfo.containsAggregate(e, p) && !WindowCoder.hasWindowCall(e)
                && !(e instanceof Expr.Literal);
    }
}
