package dev.skerry.engine.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The schema of one database: its tables and indexes as {@code sqlite_schema} lists them.
 *
 * <p>States: a schema is <em>loaded</em> when it reflects the database's {@code sqlite_schema} as of schema
 * cookie {@link #cookie()}. Invariants: {@link #tables()} and {@link #indexes()} are in
 * {@code sqlite_schema} order (the order objects were created in, which {@code .tables} and
 * {@code .schema} follow); every table, index and view is also in its name map under {@link Names#key}; each
 * index is in its table's index list; the built-in table {@code sqlite_schema} (root page 1, also known as
 * {@code sqlite_master}) is always present and never listed in {@link #tables()}. Changes come from
 * {@link SchemaBuilder} (loading and {@code ParseSchema}) and from {@link #dropTable}/{@link #dropIndex}
 * (the {@code DropTable}/{@code DropIndex} opcodes); each bumps {@link #generation()}.
 */
public final class Schema {
    /** The name SQLite gives the schema table; {@code sqlite_master} is the legacy alias. */
    public static final String SCHEMA_TABLE = "sqlite_schema";

    private final ArrayList<Table> tables = new ArrayList<>();
    private final ArrayList<Index> indexes = new ArrayList<>();
    private final HashMap<String, Table> tablesByKey = new HashMap<>();
    private final HashMap<String, Index> indexesByKey = new HashMap<>();
    private final ArrayList<View> views = new ArrayList<>();
    private final HashMap<String, View> viewsByKey = new HashMap<>();
    private final Table schemaTable;
    private int cookie;
    private int generation;

    public Schema() {
        schemaTable = new Table(SCHEMA_TABLE, 1,
                "CREATE TABLE sqlite_schema(type text,name text,tbl_name text,rootpage int,sql text)",
                new Column[] {
                    schemaColumn("type", "text", 'B'),
                    schemaColumn("name", "text", 'B'),
                    schemaColumn("tbl_name", "text", 'B'),
                    schemaColumn("rootpage", "int", 'D'),
                    schemaColumn("sql", "text", 'B'),
                }, -1, false, Conflict.DEFAULT, new java.util.ArrayList<>());
    }

    private static Column schemaColumn(String name, String type, char affinity) {
        return new Column(name, type, affinity, false, Conflict.DEFAULT, null,
                dev.skerry.engine.value.Collation.BINARY, false);
    }

    /** The schema cookie (database header offset 40) this schema was read at. */
    public int cookie() {
        return cookie;
    }

    public void setCookie(int cookie) {
        this.cookie = cookie;
    }

    /** Counts changes to this in-memory schema; a program compiled at another generation is stale. */
    public int generation() {
        return generation;
    }

    /** The table {@code sqlite_schema} itself. */
    public Table schemaTable() {
        return schemaTable;
    }

    /** The user tables, in sqlite_schema order. */
    public List<Table> tables() {
        return tables;
    }

    /** All indexes, in sqlite_schema order. */
    public List<Index> indexes() {
        return indexes;
    }

    /** The table named {@code name} (ASCII case ignored; {@code sqlite_master} and {@code sqlite_schema} name the schema table), or null. */
    public Table findTable(String name) {
        Table t = tablesByKey.get(Names.key(name));
        if (t != null) {
            return t;
        }
        if (Names.equal(name, SCHEMA_TABLE) || Names.equal(name, "sqlite_master")) {
            return schemaTable;
        }
        return null;
    }

    /** The view named {@code name} (ASCII case ignored), or null. */
    public View findView(String name) {
        return viewsByKey.get(Names.key(name));
    }

    /** The views, in sqlite_schema order. */
    public List<View> views() {
        return views;
    }

    void addView(View view) {
        views.add(view);
        viewsByKey.put(Names.key(view.name()), view);
        generation++;
    }

    /** Removes the view named {@code name}; no-op when absent. */
    public void dropView(String name) {
        View v = viewsByKey.remove(Names.key(name));
        if (v != null) {
            views.remove(v);
            generation++;
        }
    }

    /** The index named {@code name} (ASCII case ignored), or null. */
    public Index findIndex(String name) {
        return indexesByKey.get(Names.key(name));
    }

    void addTable(Table table) {
        tables.add(table);
        tablesByKey.put(Names.key(table.name()), table);
        generation++;
    }

    /** Adds an index to the schema and, unless it is already there (an automatic index), to its table's list. */
    void addIndex(Index index) {
        indexes.add(index);
        indexesByKey.put(Names.key(index.name()), index);
        if (!index.table().indexes().contains(index)) {
            index.table().addIndex(index);
        }
        generation++;
    }

    /** Removes the table named {@code name} and its indexes (the {@code DropTable} opcode); no-op when absent. */
    public void dropTable(String name) {
        Table t = tablesByKey.remove(Names.key(name));
        if (t == null) {
            return;
        }
        tables.remove(t);
        for (Index index : new ArrayList<>(t.indexes())) {
            indexes.remove(index);
            indexesByKey.remove(Names.key(index.name()));
        }
        generation++;
    }

    /** Removes the index named {@code name} (the {@code DropIndex} opcode); no-op when absent. */
    public void dropIndex(String name) {
        Index index = indexesByKey.remove(Names.key(name));
        if (index == null) {
            return;
        }
        indexes.remove(index);
        index.table().removeIndex(index);
        generation++;
    }

    /** Forgets every table and index (before a reload); the cookie is kept. */
    public void clear() {
        tables.clear();
        indexes.clear();
        tablesByKey.clear();
        indexesByKey.clear();
        views.clear();
        viewsByKey.clear();
        generation++;
    }
}
