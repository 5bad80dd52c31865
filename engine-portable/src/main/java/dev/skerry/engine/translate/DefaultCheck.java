package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.ColumnConstraint;
import dev.skerry.engine.parser.ast.ColumnDef;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.Name;
import java.util.List;

/**
 * SQLite's check of a column's DEFAULT when CREATE TABLE runs ({@code sqlite3AddDefaultValue} with
 * {@code sqlite3ExprIsConstantOrFunction}): literals, operators and function calls (also non-deterministic
 * ones) are allowed; a name (a double-quoted one too, except a bare TRUE or FALSE), a qualified name, a
 * parameter, a subquery, RAISE or a window function is {@code default value of column [c] is not constant}.
 */
final class DefaultCheck {
    private DefaultCheck() {
    }

    static void check(List<ColumnDef> columns) throws SqliteException {
        for (ColumnDef col : columns) {
            for (ColumnConstraint cc : col.constraints()) {
                if (cc instanceof ColumnConstraint.Default d && !constant(d.value(), 0)) {
                    throw SqliteException.error("default value of column [" + col.name().text()
                            + "] is not constant");
                }
            }
        }
    }

    private static boolean constant(Expr e, int depth) throws SqliteException {
        if (e == null) {
            return true;
        }
        if (depth > 1000) {
            throw SqliteException.error("Expression tree is too large (maximum depth 1000)");
        }
        if (e instanceof Expr.ColumnRef ref) {
            return ref.table() == null && ref.column().quote() == Name.Quote.NONE
                    && (ref.column().is("true") || ref.column().is("false"));
        }
        if (e instanceof Expr.Param || e instanceof Expr.Subquery || e instanceof Expr.Exists
                || e instanceof Expr.InSelect || e instanceof Expr.InTable || e instanceof Expr.Raise) {
            return false;
        }
        if (e instanceof Expr.FunctionCall fc && fc.over() != null) {
            return false;
        }
        for (Expr c : Exprs.children(e)) {
            if (!constant(c, depth + 1)) {
                return false;
            }
        }
        return true;
    }
}
