package dev.skerry.engine.parser.ast;

import java.util.List;

/**
 * A FROM clause (or UPDATE ... FROM): a first table then joins, left to right. A comma is a join of type
 * {@link JoinType#COMMA}.
 */
public record FromClause(TableOrSubquery first, List<Join> joins) {

    /** The join operators; COMMA and INNER behave alike but CROSS fixes the join order in SQLite's planner. */
    public enum JoinType {
        COMMA, INNER, CROSS, LEFT, RIGHT, FULL
    }

    /**
     * {@code [NATURAL] type JOIN right [ON on | USING (using)]}.
     *
     * @param on    null when absent
     * @param using empty when absent
     */
    public record Join(boolean natural, JoinType type, TableOrSubquery right, Expr on, List<Name> using) {
    }
}
