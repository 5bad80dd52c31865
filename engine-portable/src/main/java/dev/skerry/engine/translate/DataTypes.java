package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.vdbe.Opcode;

/**
 * Which kinds of value an expression may give (SQLite's {@code sqlite3ExprDataType}): a mask of
 * {@link #NUMERIC}, {@link #TEXT} and {@link #BLOB}, 0 when it can only be NULL. The column affinity of a
 * compound subquery in FROM depends on it ({@link CompoundCoder#sourceAffinities}).
 */
final class DataTypes {
    static final int NUMERIC = 1;
    static final int TEXT = 2;
    static final int BLOB = 4;

    private DataTypes() {
    }

    static int of(Expr e, Scope scope) {
        for (int depth = 0; e != null && depth < 1000; depth++) {
            if (e instanceof Expr.Collate c) {
                e = c.operand();
            } else if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.PLUS) {
                e = u.operand();
            } else if (e instanceof Expr.Literal lit) {
                switch (lit.kind()) {
                    case NULL: return 0;
                    case STRING: return TEXT;
                    case BLOB: return BLOB;
                    case INTEGER:
                    case FLOAT: return NUMERIC;
                    default: return NUMERIC | TEXT | BLOB;
                }
            } else if (e instanceof Expr.Binary b && b.op() == Expr.BinaryOp.CONCAT) {
                return TEXT | BLOB;
            } else if (e instanceof Expr.Param || e instanceof Expr.FunctionCall) {
                return NUMERIC | TEXT | BLOB;
            } else if (e instanceof Expr.Case c) {
                int res = 0;
                for (Expr.WhenThen w : c.whens()) {
                    res |= of(w.then(), scope);
                }
                return c.elseExpr() == null ? res : res | of(c.elseExpr(), scope);
            } else if (e instanceof Expr.ColumnRef || e instanceof Expr.Subquery || e instanceof Expr.Cast
                    || e instanceof Expr.RowValue) {
                return byAffinity(e, scope);
            } else {
                return NUMERIC;
            }
        }
        return 0;
    }

    private static int byAffinity(Expr e, Scope scope) {
        try {
            if (e instanceof Expr.ColumnRef ref) {
                Scope.Resolved r = scope.resolve(ref);
                if (r.isBoolean()) {
                    return NUMERIC;
                }
                if (r.isString()) {
                    return TEXT;
                }
            }
            char aff = (char) (ExprInfo.affinity(e, scope) & Opcode.AFF_MASK);
            if (ExprInfo.isNumeric(aff)) {
                return NUMERIC | BLOB;
            }
            return aff == 'B' ? TEXT | BLOB : NUMERIC | TEXT | BLOB;
        } catch (SqliteException ex) {
            return NUMERIC | TEXT | BLOB;
        }
    }
}
