package dev.skerry.engine.parser.ast;

import java.util.List;

/** {@code WITH [RECURSIVE] cte, cte, ...}. */
public record With(boolean recursive, List<Cte> ctes) {

    /** {@code AS MATERIALIZED} / {@code AS NOT MATERIALIZED}, or DEFAULT when neither was written. */
    public enum Materialized {
        DEFAULT, MATERIALIZED, NOT_MATERIALIZED
    }

    /** {@code name [(columns)] AS [[NOT] MATERIALIZED] (select)}; {@code columns} empty when absent. */
    public record Cte(Name name, java.util.List<Name> columns, Materialized materialized, Select select) {
    }
}
