package dev.skerry.engine.parser.ast;

import java.util.List;

/**
 * {@code ON CONFLICT [(target) [WHERE targetWhere]] DO NOTHING | DO UPDATE SET ... [WHERE where]}.
 *
 * @param target      empty when no conflict target was written (allowed on the last clause only)
 * @param targetWhere null when absent
 * @param doNothing   true for DO NOTHING (then {@code sets} is empty and {@code where} null)
 */
public record Upsert(List<IndexedColumn> target, Expr targetWhere, boolean doNothing, List<SetClause> sets,
                     Expr where) {
}
