package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.Upsert;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.schema.Table;

/**
 * The parts of SQLite's {@code sqlite3UpsertAnalyzeTarget} that concern partial indexes and indexes on
 * expressions: a partial UNIQUE index is a conflict target only when the upsert's target WHERE is its WHERE
 * (the same expression), and a target term that is an expression names the index key field with that
 * expression.
 */
final class UpsertTargets {
    private final Upsert upsert;
    private final ExprMatch match;

    UpsertTargets(Parse p, Table table, Upsert upsert) {
        this.upsert = upsert;
        Scope scope = new Scope(null, p.schema);
        Source row = new Source(table, table.name(), -1);
        scope.add(row);
        this.match = new ExprMatch(scope, row);
    }

    /** False for a partial index that the target WHERE does not name. */
    boolean whereMatches(Index index) throws SqliteException {
        if (index.where() == null) {
            return true;
        }
        return upsert.targetWhere() != null && match.same(upsert.targetWhere(), index.where());
    }

    /** The key field of {@code index} whose expression is target term {@code k}'s (COLLATE aside), or -1. */
    int exprField(Index index, int k) throws SqliteException {
        Expr e = upsert.target().get(k).expr();
        if (e instanceof Expr.Collate) {
            e = ((Expr.Collate) e).operand();
        }
        for (int f = 0; f < index.columnCount(); f++) {
            if (index.expr(f) != null && match.same(e, index.expr(f))) {
                return f;
            }
        }
        return -1;
    }
}
