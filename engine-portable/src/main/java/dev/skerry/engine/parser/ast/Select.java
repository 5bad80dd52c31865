package dev.skerry.engine.parser.ast;

import java.util.List;

/**
 * A complete SELECT: {@code [WITH ...] core [op core]... [ORDER BY ...] [LIMIT ...]}. Compound operators
 * apply left to right: {@code cores.get(0) ops.get(0) cores.get(1) ops.get(1) cores.get(2)...}, so
 * {@code cores.size() == ops.size() + 1}. A {@code VALUES} list is a core too ({@link SelectCore.Values}).
 * It is a statement at top level and appears inside expressions, FROM clauses, CTEs, views and INSERT.
 *
 * @param with    the WITH clause, or null
 * @param orderBy empty when absent
 * @param limit   null when absent
 */
public record Select(With with, List<SelectCore> cores, List<CompoundOp> ops, List<OrderingTerm> orderBy,
                     Limit limit, int start, int end) implements Stmt {

    /** The compound-select operators. */
    public enum CompoundOp {
        UNION, UNION_ALL, INTERSECT, EXCEPT
    }

    /** True when this is a single core without compound operators. */
    public boolean isSimple() {
        return ops.isEmpty();
    }
}
