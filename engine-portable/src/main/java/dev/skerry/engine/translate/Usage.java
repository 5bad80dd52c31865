package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import java.util.List;

/**
 * Which columns of each FROM item a query reads (SQLite's {@code colUsed}): decides whether an index covers a
 * table and which values an aggregate query carries through its sorter. {@code needed[i][c]} is set for
 * column c of source i, {@code needed[i][columnCount]} for its rowid. A subquery marks every column of every
 * source, since its references are not resolved here.
 */
final class Usage {
    private Usage() {
    }

    static boolean[][] empty(List<Source> sources) {
        boolean[][] needed = new boolean[sources.size()][];
        for (int i = 0; i < needed.length; i++) {
            needed[i] = new boolean[sources.get(i).columnCount() + 1];
        }
        return needed;
    }

    static void mark(Expr e, Scope scope, List<Source> sources, boolean[][] needed) throws SqliteException {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.ColumnRef) {
            Scope.Resolved r = scope.resolve((Expr.ColumnRef) e);
            if (r.isColumn()) {
                int k = sources.indexOf(r.source);
                if (k >= 0 && r.source.table != null && !r.source.isRowid(r.column)
                        && r.source.table.column(r.column).isGenerated()) {
                    java.util.Arrays.fill(needed[k], true);
                } else if (k >= 0) {
                    needed[k][r.source.isRowid(r.column) ? r.source.columnCount() : r.column] = true;
                    if (r.source.isRowid(r.column)) {
                        needed[k][r.source.columnCount()] = true;
                    }
                }
            } else if (r.isAlias()) {
                mark(r.aliasExpr, r.aliasScope, sources, needed);
            }
            return;
        }
        if (e instanceof Expr.Subquery || e instanceof Expr.Exists || e instanceof Expr.InSelect) {
            for (boolean[] n : needed) {
                java.util.Arrays.fill(n, true);
            }
        }
        for (Expr child : Exprs.children(e)) {
            mark(child, scope, sources, needed);
        }
    }
}
