package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.ResultColumn;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.SelectCore;

/**
 * The declared types of a view's scalar-subquery result columns, as SQLite's {@code columnType} gives them for
 * {@code PRAGMA table_info} (the type of the subquery's first column, {@link ExprInfo#subqueryDeclType}); the
 * other columns keep the types the query's compilation found.
 */
final class SubqueryColumns {
    private SubqueryColumns() {
    }

    /** {@code decltypes} (of {@code sel}'s columns) with the scalar-subquery columns of its first arm filled in. */
    static String[] declTypes(Parse scratch, Select sel, String[] decltypes) throws SqliteException {
        if (!(sel.cores().get(0) instanceof SelectCore.Query q)) {
            return decltypes;
        }
        String[] out = decltypes.clone();
        int c = 0;
        for (ResultColumn rc : q.columns()) {
            if (!(rc instanceof ResultColumn.Column col)) {
                return decltypes;
            }
            Expr e = col.expr();
            if (e instanceof Expr.Subquery sq && c < out.length) {
                out[c] = ExprInfo.subqueryDeclType(sq, scratch.rootScope());
            }
            c++;
        }
        return out;
    }
}
