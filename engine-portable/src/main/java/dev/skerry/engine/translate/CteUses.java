package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.QualifiedName;
import dev.skerry.engine.parser.ast.ResultColumn;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.SelectCore;
import dev.skerry.engine.parser.ast.With;
import dev.skerry.engine.schema.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * Which CTEs of a WITH clause are named more than once (SQLite's {@code CteUse.nUse}). SQLite expands a CTE
 * written without {@code [NOT] MATERIALIZED} into the query that names it (flattening) when it can; when it
 * cannot and the CTE is named twice or more, it materializes the CTE once per statement, so all its uses see the
 * same rows (the same {@code random()}). Skerry materializes every CTE, so it shares one named twice whose
 * query SQLite would not flatten ({@link #flattenable}).
 *
 * <p>Uses are counted in the statement the WITH clause belongs to and in the queries of the clause's other CTEs
 * that are themselves used (SQLite counts a name each time it expands a CTE's query; a CTE query expanded twice
 * is materialized once, so counting its names once decides the same). A name inside a SELECT whose own WITH
 * clause defines the same name refers to that inner CTE and is not counted.
 */
final class CteUses extends FromNames {
    private final List<String> names = new ArrayList<>();
    private final int[] counts;
    /** The CTE names hidden by the WITH clauses of the SELECTs being walked, one list per SELECT. */
    private final List<List<String>> hidden = new ArrayList<>();

    private CteUses(With with) {
        for (With.Cte c : with.ctes()) {
            names.add(c.name().text());
        }
        counts = new int[names.size()];
    }

    /** Walks the statement body the WITH clause applies to (without the WITH clause itself). */
    interface Body {
        void walk(FromNames walker) throws SqliteException;
    }

    /**
     * For each CTE of {@code with}, in order, whether it is named at least twice in {@code body} and in the used
     * CTEs of {@code with}.
     */
    static boolean[] usedTwice(With with, Body body) throws SqliteException {
        int n = with.ctes().size();
        CteUses direct = new CteUses(with);
        body.walk(direct);
        int[][] inQuery = new int[n][];
        for (int s = 0; s < n; s++) {
            CteUses in = new CteUses(with);
            in.select(with.ctes().get(s).select());
            inQuery[s] = in.counts;
        }
        // A CTE counts the names in its query once it is used; more become used as counts grow (at most n rounds).
        int[] uses = direct.counts.clone();
        boolean[] counted = new boolean[n];
        for (boolean changed = true; changed;) {
            changed = false;
            for (int s = 0; s < n; s++) {
                if (!counted[s] && uses[s] > 0) {
                    counted[s] = true;
                    changed = true;
                    for (int c = 0; c < n; c++) {
                        if (c != s) {
                            uses[c] += inQuery[s][c];
                        }
                    }
                }
            }
        }
        boolean[] twice = new boolean[n];
        for (int c = 0; c < n; c++) {
            twice[c] = uses[c] >= 2;
        }
        return twice;
    }

    /**
     * True when SQLite's flattener can expand {@code select}, as far as the CTE's own query decides: every core a
     * SELECT with a FROM clause, not DISTINCT, without GROUP BY, HAVING, aggregate or window functions, and no
     * LIMIT. A query without FROM (or VALUES), an aggregate, DISTINCT, LIMIT or window query is materialized.
     * (The query naming the CTE can also prevent flattening, e.g. a compound CTE named in a join; those cases
     * are not shared here.)
     */
    static boolean flattenable(Select select, Parse p) {
        if (select.limit() != null) {
            return false;
        }
        for (SelectCore core : select.cores()) {
            if (!(core instanceof SelectCore.Query)) {
                return false;
            }
            SelectCore.Query q = (SelectCore.Query) core;
            if (q.from() == null || q.distinct() || q.groupBy() != null && !q.groupBy().isEmpty()
                    || q.having() != null || q.windows() != null && !q.windows().isEmpty()) {
                return false;
            }
            for (ResultColumn rc : q.columns()) {
                if (rc instanceof ResultColumn.Column) {
                    Expr e = ((ResultColumn.Column) rc).expr();
                    if (AggregateInfo.containsAggregate(e, p) || WindowCoder.hasWindowCall(e)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @Override
    void enter(Select select) {
        List<String> inner = new ArrayList<>();
        if (select.with() != null) {
            for (With.Cte c : select.with().ctes()) {
                inner.add(c.name().text());
            }
        }
        hidden.add(inner);
    }

    @Override
    void leave(Select select) {
        hidden.remove(hidden.size() - 1);
    }

    @Override
    void table(QualifiedName name, boolean function) {
        if (name.schema() != null || function) {
            return;
        }
        String text = name.name().text();
        for (List<String> inner : hidden) {
            for (String h : inner) {
                if (Names.equal(h, text)) {
                    return;
                }
            }
        }
        for (int c = 0; c < names.size(); c++) {
            if (Names.equal(names.get(c), text)) {
                counts[c]++;
                return;
            }
        }
    }
}
