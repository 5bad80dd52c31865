package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.FromClause;
import java.util.ArrayList;
import java.util.List;

/**
 * Join order for a FROM clause of plain inner joins (commas, JOIN, INNER JOIN; not CROSS JOIN, which fixes
 * the order as in SQLite, nor LEFT JOIN): greedily, the next loop is the table that the WHERE and ON terms
 * restrict most given the tables already placed (an equality counts for a factor of 10, another comparison
 * for 4), ties keeping the written order. So a table with a constant equality, or one joined by equality to
 * the outer loops, comes early, and its terms filter before the inner loops multiply the rows (SQLite's
 * solver does this with cost estimates; this is the simple form).
 */
final class JoinOrder {
    private JoinOrder() {
    }

    /** True when the FROM clause may be reordered. */
    static boolean reorderable(FromClause from, Scope scope, FromBuilder.Result r) {
        if (from == null || from.joins().isEmpty() || !scope.hiddenColumns.isEmpty()
                || scope.sources.size() != from.joins().size() + 1 || scope.sources.size() > 64) {
            return false;
        }
        for (boolean left : r.leftInner) {
            if (left) {
                return false;
            }
        }
        for (FromClause.Join j : from.joins()) {
            if (j.type() != FromClause.JoinType.COMMA && j.type() != FromClause.JoinType.INNER) {
                return false;
            }
        }
        return true;
    }

    /** Reorders {@code scope.sources}; {@code where} and the join conditions decide. */
    static void reorder(Scope scope, Expr where, FromBuilder.Result r) throws SqliteException {
        List<Source> sources = scope.sources;
        List<WhereTerm> terms = new ArrayList<>();
        WhereTerm.split(where, scope, sources, -1, terms);
        for (Expr e : r.joinExprs) {
            WhereTerm.split(e, scope, sources, -1, terms);
        }
        int n = sources.size();
        List<Source> order = new ArrayList<>();
        long placed = 0;
        for (int step = 0; step < n; step++) {
            int best = -1;
            double bestScore = 0;
            for (int c = 0; c < n; c++) {
                if ((placed & (1L << c)) != 0) {
                    continue;
                }
                double score = 1;
                for (WhereTerm t : terms) {
                    if ((t.mask & (1L << c)) == 0 || (t.mask & ~(1L << c) & ~placed) != 0 || t.mask == -1L) {
                        continue;
                    }
                    boolean eq = t.expr instanceof Expr.Binary && (((Expr.Binary) t.expr).op() == Expr.BinaryOp.EQ
                            || ((Expr.Binary) t.expr).op() == Expr.BinaryOp.IS);
                    score *= eq ? 0.1 : 0.25;
                }
                if (best < 0 || score < bestScore) {
                    best = c;
                    bestScore = score;
                }
            }
            placed |= 1L << best;
            order.add(sources.get(best));
        }
        sources.clear();
        sources.addAll(order);
    }
}
