package dev.skerry.engine.parser.ast;

import java.util.List;

/** One member of a compound SELECT: a {@link Query} ({@code SELECT ...}) or a {@link Values} list. */
public interface SelectCore {

    /**
     * {@code SELECT [DISTINCT|ALL] columns [FROM from] [WHERE where] [GROUP BY ...] [HAVING having]
     * [WINDOW ...]}.
     *
     * @param from   null when there is no FROM clause
     * @param where  null when absent
     * @param having null when absent
     */
    record Query(boolean distinct, List<ResultColumn> columns, FromClause from, Expr where, List<Expr> groupBy,
                 Expr having, List<NamedWindow> windows) implements SelectCore {
    }

    /** {@code VALUES (row), (row), ...}; every row has the same number of expressions. */
    record Values(List<List<Expr>> rows) implements SelectCore {
    }
}
