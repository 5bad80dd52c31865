package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.FromClause;
import dev.skerry.engine.parser.ast.OrderingTerm;
import dev.skerry.engine.parser.ast.ResultColumn;
import dev.skerry.engine.parser.ast.SelectCore;
import java.util.ArrayList;
import java.util.List;

/**
 * Join order for a FROM clause of plain inner joins (commas, JOIN, INNER JOIN; not CROSS JOIN, which fixes
 * the order as in SQLite, nor LEFT JOIN), chosen by estimated cost as SQLite's "next generation query
 * planner" does ({@code wherePathSolver}): the orders are built one loop at a time, keeping at each step the
 * N cheapest partial orders (N = 1 for one table, 5 for two, 10 for more); a partial order is extended by
 * every table not yet in it, planned by {@link WherePlanner} with the tables before it as outer loops. The
 * cost of an order is the sum, over its loops, of the loop's one-time setup plus its run cost times the rows
 * the outer loops yield, plus the cost of sorting its rows when there is an ORDER BY that its first loop does
 * not deliver (only the first loop may, see {@link WhereLoop}); partial orders that deliver the order and
 * those that do not are kept apart until the end, as SQLite does. Ties keep the order written.
 */
final class JoinOrder {
    /**
     * A partial join order: the sources placed (bit mask and sequence), their cost, the rows they yield, and
     * whether its first loop gives the rows in ORDER BY order.
     */
    private static final class Path {
        final long mask;
        final int[] order;
        final double cost;
        final double rows;
        final boolean ordered;

        Path(long mask, int[] order, double cost, double rows, boolean ordered) {
            this.mask = mask;
            this.order = order;
            this.cost = cost;
            this.rows = rows;
            this.ordered = ordered;
        }
    }

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
            // A LEFT JOIN that SimplifyJoins made an inner join (leftInner false) may be reordered like one.
            if (j.type() != FromClause.JoinType.COMMA && j.type() != FromClause.JoinType.INNER
                    && j.type() != FromClause.JoinType.LEFT) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reorders {@code scope.sources} for the query {@code q} (whose WHERE and join conditions decide, and
     * whose result columns, WHERE, GROUP BY, HAVING and {@code orderBy} say which columns are read).
     */
    static void reorder(Parse p, Scope scope, SelectCore.Query q, List<OrderingTerm> orderBy, FromBuilder.Result r)
            throws SqliteException {
        List<Source> sources = scope.sources;
        for (Source s : sources) {
            if (s.function != null) {
                return; // the written order; FunctionScan.placeAfterArguments then moves the function's level
            }
        }
        List<WhereTerm> terms = new ArrayList<>();
        WhereTerm.split(q.where(), scope, sources, -1, terms);
        for (Expr e : r.joinExprs) {
            WhereTerm.split(e, scope, sources, -1, terms);
        }
        WhereTerm.markIndependent(p, terms, scope);
        boolean[][] needed = needed(scope, q, orderBy, terms);
        int n = sources.size();
        int keep = n == 1 ? 1 : n == 2 ? 5 : 10;
        List<Path> paths = new ArrayList<>();
        List<OrderingTerm> sortBy = orderBy == null || orderBy.isEmpty() || aggregate(p, q) ? null : orderBy;
        paths.add(new Path(0, new int[0], 0, 1, false));
        for (int step = 0; step < n; step++) {
            List<Path> next = new ArrayList<>();
            for (Path from : paths) {
                for (int c = 0; c < n; c++) {
                    if ((from.mask & (1L << c)) != 0) {
                        continue;
                    }
                    WherePlan plan = WherePlanner.plan(c, from.mask, sources, terms, scope, false,
                            step == 0 ? sortBy : null, needed == null ? null : needed[c], from.rows);
                    double cost = from.cost + WherePlanner.total(plan, null, from.rows);
                    int[] order = new int[from.order.length + 1];
                    System.arraycopy(from.order, 0, order, 0, from.order.length);
                    order[from.order.length] = c;
                    boolean ordered = step == 0 ? plan.ordered : from.ordered;
                    insert(next, new Path(from.mask | (1L << c), order, cost, from.rows * plan.estimatedRows,
                            ordered), keep);
                }
            }
            paths = next;
        }
        Path best = null;
        double bestCost = 0;
        for (Path path : paths) {
            double cost = path.cost;
            if (sortBy != null && !path.ordered) {
                double rows = Math.max(path.rows, 1);
                cost += 3 * rows * Math.log(rows + 1) / Math.log(2);
            }
            if (best == null || cost < bestCost) {
                best = path;
                bestCost = cost;
            }
        }
        List<Source> ordered = new ArrayList<>();
        for (int c : best.order) {
            ordered.add(sources.get(c));
        }
        sources.clear();
        sources.addAll(ordered);
    }

    /**
     * Adds {@code p} to {@code paths} (kept sorted by cost, at most {@code keep} long): a path over the same
     * tables replaces a dearer one and is dropped if not cheaper; among equal costs the earlier stays first.
     */
    private static void insert(List<Path> paths, Path p, int keep) {
        for (int k = 0; k < paths.size(); k++) {
            if (paths.get(k).mask == p.mask && paths.get(k).ordered == p.ordered) {
                if (p.cost >= paths.get(k).cost) {
                    return;
                }
                paths.remove(k);
                break;
            }
        }
        int at = paths.size();
        while (at > 0 && paths.get(at - 1).cost > p.cost) {
            at--;
        }
        if (at < keep) {
            paths.add(at, p);
            if (paths.size() > keep) {
                paths.remove(paths.size() - 1);
            }
        }
    }

    /** True when the query aggregates (its rows are not the loops' rows, so no loop gives their order). */
    private static boolean aggregate(Parse p, SelectCore.Query q) {
        if (!q.groupBy().isEmpty() || q.having() != null || q.distinct()) {
            return true;
        }
        for (ResultColumn rc : q.columns()) {
            if (rc instanceof ResultColumn.Column && AggregateInfo.containsAggregate(((ResultColumn.Column) rc).expr(), p)) {
                return true;
            }
        }
        return false;
    }

    /** The columns the query reads from each source, or null when a {@code *} reads them all. */
    private static boolean[][] needed(Scope scope, SelectCore.Query q, List<OrderingTerm> orderBy,
            List<WhereTerm> terms) throws SqliteException {
        boolean[][] needed = Usage.empty(scope.sources);
        for (ResultColumn rc : q.columns()) {
            if (!(rc instanceof ResultColumn.Column)) {
                return null;
            }
            Usage.mark(((ResultColumn.Column) rc).expr(), scope, scope.sources, needed);
        }
        for (WhereTerm t : terms) {
            Usage.mark(t.expr, scope, scope.sources, needed);
        }
        for (Expr g : q.groupBy()) {
            Usage.mark(g, scope, scope.sources, needed);
        }
        Usage.mark(q.having(), scope, scope.sources, needed);
        if (orderBy != null) {
            try {
                for (OrderingTerm t : orderBy) {
                    if (!(t.expr() instanceof Expr.Literal)) {
                        Usage.mark(t.expr(), scope, scope.sources, needed);
                    }
                }
            } catch (SqliteException e) {
                return null;
            }
        }
        return needed;
    }
}
