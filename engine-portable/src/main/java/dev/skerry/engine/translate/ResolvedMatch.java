package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.schema.Names;
import java.util.List;

/**
 * Whether two expressions of one query are the same (SQLite's {@code sqlite3ExprCompare} after name resolution),
 * as a compound's ORDER BY term is matched to a core's result expression: the same operators, functions and
 * literals in the same places, and column references naming the same column of the same source in
 * {@code scope}. Node kinds not listed never match.
 */
final class ResolvedMatch {
    private ResolvedMatch() {
    }

    static boolean same(Expr a, Expr b, Scope scope, String sql, int depth) throws SqliteException {
        if (a == null || b == null) {
            return a == b;
        }
        if (depth > 1000 || a.getClass() != b.getClass()) {
            return false;
        }
        if (a instanceof Expr.ColumnRef ra) {
            try {
                Scope.Resolved x = scope.resolve(ra);
                Scope.Resolved y = scope.resolve((Expr.ColumnRef) b);
                return x.isColumn() && y.isColumn() && x.source == y.source && x.column == y.column;
            } catch (SqliteException e) {
                return false;
            }
        }
        boolean shallow;
        if (a instanceof Expr.Literal la) {
            Expr.Literal lb = (Expr.Literal) b;
            return la.kind() == lb.kind() && java.util.Objects.equals(Literals.value(la, sql, false),
                    Literals.value(lb, sql, false));
        } else if (a instanceof Expr.Binary ba) {
            shallow = ba.op() == ((Expr.Binary) b).op();
        } else if (a instanceof Expr.Unary ua) {
            shallow = ua.op() == ((Expr.Unary) b).op();
        } else if (a instanceof Expr.FunctionCall fa) {
            Expr.FunctionCall fb = (Expr.FunctionCall) b;
            shallow = Names.equal(fa.name().text(), fb.name().text()) && fa.distinct() == fb.distinct()
                    && fa.star() == fb.star() && fa.filter() == null && fb.filter() == null
                    && fa.over() == null && fb.over() == null && fa.orderBy().isEmpty() && fb.orderBy().isEmpty();
        } else if (a instanceof Expr.Cast ca) {
            shallow = Names.equal(ca.type().text(), ((Expr.Cast) b).type().text());
        } else if (a instanceof Expr.Collate ca) {
            shallow = Names.equal(ca.collation().text(), ((Expr.Collate) b).collation().text());
        } else if (a instanceof Expr.IsNull na) {
            shallow = na.not() == ((Expr.IsNull) b).not();
        } else {
            return false;
        }
        if (!shallow) {
            return false;
        }
        List<Expr> ka = Exprs.children(a);
        List<Expr> kb = Exprs.children(b);
        if (ka.size() != kb.size()) {
            return false;
        }
        for (int i = 0; i < ka.size(); i++) {
            if (!same(ka.get(i), kb.get(i), scope, sql, depth + 1)) {
                return false;
            }
        }
        return true;
    }
}
