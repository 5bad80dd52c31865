package dev.skerry.engine.schema;

import dev.skerry.engine.parser.ast.Select;
import java.util.List;

/**
 * A view: a named query. {@code sql} is the CREATE VIEW text as stored in sqlite_schema, which the syntax
 * tree's spans point into (result column names are cut from it); {@code columns} are the names given in
 * {@code CREATE VIEW v(a, b)}, empty when none. Immutable.
 */
public final class View {
    private final String name;
    private final String sql;
    private final Select select;
    private final List<String> columns;

    public View(String name, String sql, Select select, List<String> columns) {
        this.name = name;
        this.sql = sql;
        this.select = select;
        this.columns = columns;
    }

    public String name() {
        return name;
    }

    public String sql() {
        return sql;
    }

    public Select select() {
        return select;
    }

    public List<String> columns() {
        return columns;
    }
}
