package dev.skerry.engine.parser.ast;

import java.util.List;

/** An item of a FROM clause. Each kind may carry an alias (null when absent). */
public interface TableOrSubquery {

    /** The optional alias. */
    Name alias();

    /**
     * A table or view {@code [schema.]name [[AS] alias] [INDEXED BY index | NOT INDEXED]}.
     *
     * @param indexedBy   the index named by INDEXED BY, or null
     * @param notIndexed  true for NOT INDEXED
     */
    record Table(QualifiedName name, Name alias, Name indexedBy, boolean notIndexed) implements TableOrSubquery {
    }

    /** A table-valued function {@code [schema.]name(args) [[AS] alias]}. */
    record TableFunction(QualifiedName name, List<Expr> args, Name alias) implements TableOrSubquery {
    }

    /** {@code (select) [[AS] alias]}. */
    record Subquery(Select select, Name alias) implements TableOrSubquery {
    }

    /** A parenthesised join {@code (a JOIN b ...) [[AS] alias]}. */
    record Nested(FromClause from, Name alias) implements TableOrSubquery {
    }
}
