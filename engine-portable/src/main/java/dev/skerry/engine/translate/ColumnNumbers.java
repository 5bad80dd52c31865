package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;

/**
 * The ORDER BY / GROUP BY terms that are result-column numbers, as SQLite's {@code sqlite3ExprIsInteger}: an
 * integer literal that fits a signed 32-bit int, under any number of unary {@code +} and {@code -}
 * ({@code +2} is column 2, {@code -1} the out-of-range column -1). A larger integer is a constant expression.
 */
final class ColumnNumbers {
    private ColumnNumbers() {
    }

    /** The column number {@code e} gives, or null when it is an expression. */
    static Integer of(Expr e, String sql) throws SqliteException {
        for (int depth = 0; depth < 1000; depth++) {
            if (e instanceof Expr.Literal lit && lit.kind() == Expr.LiteralKind.INTEGER) {
                Object v = Literals.value(lit, sql, false);
                if (v instanceof Long l && l >= 0 && l <= Integer.MAX_VALUE) {
                    return (int) (long) l;
                }
                return null;
            }
            if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.PLUS) {
                e = u.operand();
            } else if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NEGATE) {
                Integer inner = of(u.operand(), sql);
                return inner == null ? null : -inner;
            } else {
                return null;
            }
        }
        return null;
    }

    /** {@code e} without its COLLATE operators. */
    static Expr withoutCollate(Expr e) {
        while (e instanceof Expr.Collate c) {
            e = c.operand();
        }
        return e;
    }

    /** The result column {@code column} under the COLLATE operators of the term {@code term} that numbered it. */
    static Expr sameCollate(Expr term, Expr column) {
        if (term instanceof Expr.Collate c) {
            return new Expr.Collate(sameCollate(c.operand(), column), c.collation(), c.start(), c.end());
        }
        return column;
    }
}
