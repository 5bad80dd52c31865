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
 *
 * <p>Triggers are kept in {@code sqlite_schema} order too. The main database's schema holds beside it the
 * schema of the TEMP database ({@link #temp()}, database 1, built the same way from the TEMP database's own
 * {@code sqlite_schema}): unqualified lookups ({@link #findTable}, {@link #findIndex}, {@link #findView},
 * {@link #findTrigger}, {@link #triggersOn}) see its objects before the main database's, as SQLite searches
 * {@code temp} before {@code main}; the {@code findOwn…} lookups see one database only. {@link #clear()} of the
 * main schema before a reload keeps the TEMP schema.
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
    private final ArrayList<Trigger> triggers = new ArrayList<>();
    private final Table schemaTable;
    private int cookie;
    private int generation;
    private int tempVersion;
    /** The database this schema describes: 0 main, 1 temp, 2… attached (renumbered when an earlier one is detached). */
    private int db;
    /** The database's name: {@code main}, {@code temp}, or the name it was attached under. */
    private final String name;
    /** The schema of the TEMP database (main's schema only; null in temp's). */
    private final Schema temp;
    /** The schemas of the attached databases in attach order, database {@code 2 + k} (main's schema only; null in others). */
    private final ArrayList<Schema> attached;

    /** The schema of the main database, with an empty schema of the TEMP database's tables beside it. */
    public Schema() {
        this(0);
    }

    private Schema(int db) {
        this(db, db == 0 ? "main" : "temp");
    }

    private Schema(int db, String name) {
        this.db = db;
        this.name = name;
        this.temp = db == 0 ? new Schema(1) : null;
        this.attached = db == 0 ? new ArrayList<>() : null;
        schemaTable = new Table(db != 1 ? SCHEMA_TABLE : "sqlite_temp_schema", 1,
                "CREATE TABLE sqlite_schema(type text,name text,tbl_name text,rootpage int,sql text)",
                new Column[] {
                    schemaColumn("type", "text", 'B'),
                    schemaColumn("name", "text", 'B'),
                    schemaColumn("tbl_name", "text", 'B'),
                    schemaColumn("rootpage", "int", 'D'),
                    schemaColumn("sql", "text", 'B'),
                }, -1, false, Conflict.DEFAULT, new java.util.ArrayList<>());
        schemaTable.setDb(db);
    }

    private static Column schemaColumn(String name, String type, char affinity) {
        return new Column(name, type, affinity, false, Conflict.DEFAULT, null,
                dev.skerry.engine.value.Collation.BINARY, false);
    }

    /** The database (0 main, 1 temp, 2… attached) whose tables this schema holds. */
    public int db() {
        return db;
    }

    /** The database's name: {@code main}, {@code temp} or its ATTACH name. */
    public String name() {
        return name;
    }

    /** An empty schema for a database attached as {@code name}, to be database {@code db} ({@link #attach}). */
    public static Schema forAttached(int db, String name) {
        return new Schema(db, name);
    }

    /** The number of databases (main's schema only): main, temp and the attached ones. */
    public int databaseCount() {
        return attached == null ? 2 : 2 + attached.size();
    }

    /** The schema of database {@code iDb} (main's schema only). */
    public Schema database(int iDb) {
        return iDb == 0 ? this : iDb == 1 ? temp : attached.get(iDb - 2);
    }

    /** The index of the database named {@code dbName} (ASCII case ignored; main's schema only), or -1. */
    public int findDatabase(String dbName) {
        if (Names.equal(dbName, "main")) {
            return 0;
        }
        if (Names.equal(dbName, "temp")) {
            return 1;
        }
        for (int k = 0; k < attached.size(); k++) {
            if (Names.equal(attached.get(k).name, dbName)) {
                return k + 2;
            }
        }
        return -1;
    }

    /** ATTACH: {@code s} (made by {@link #forAttached} for the next index) becomes the last database. */
    public void attach(Schema s) {
        attached.add(s);
        expire();
    }

    /** DETACH of database {@code iDb} (2 or more): the later ones move down one index. */
    public void detach(int iDb) {
        attached.remove(iDb - 2);
        for (int k = iDb - 2; k < attached.size(); k++) {
            attached.get(k).renumber(k + 2);
        }
        expire();
    }

    private void renumber(int newDb) {
        db = newDb;
        schemaTable.setDb(newDb);
        for (Table t : tables) {
            t.setDb(newDb);
        }
    }

    /**
     * The schema of the TEMP database's tables and indexes (built from its own sqlite_schema); null for the
     * TEMP schema itself. Unqualified names are looked up there first ({@link #findTable}, {@link #findIndex}).
     */
    public Schema temp() {
        return temp;
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

    /**
     * Counts rebuilds of the TEMP schema and expiries ({@link #expire}): a program compiled at another version is
     * stale (a TEMP trigger or view may change a program that opens no cursor on the TEMP database).
     */
    public int tempVersion() {
        return tempVersion;
    }

    /**
     * Makes every program compiled so far stale (their {@code Transaction} sees another TEMP version): after a
     * ROLLBACK TO rebuilt the schema, the schema cookie may come back to a value compiled against other contents.
     */
    public void expire() {
        generation++;
        tempVersion++;
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
        if (temp != null) {
            Table t = temp.tables.isEmpty() ? null : temp.tablesByKey.get(Names.key(name));
            if (t != null) {
                return t;
            }
            if (Names.equal(name, "sqlite_temp_schema") || Names.equal(name, "sqlite_temp_master")) {
                return temp.schemaTable;
            }
        }
        Table own = findOwnTable(name);
        if (own != null || attached == null) {
            return own;
        }
        for (Schema a : attached) {
            Table t = a.tablesByKey.get(Names.key(name));
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** The table named {@code name} of this schema's database only (its schema table under its names too), or null. */
    public Table findOwnTable(String name) {
        Table t = tablesByKey.get(Names.key(name));
        if (t != null) {
            return t;
        }
        if (Names.equal(name, SCHEMA_TABLE) || Names.equal(name, "sqlite_master")) {
            return schemaTable;
        }
        return null;
    }

    /** The view named {@code name} (ASCII case ignored; a TEMP view first), or null. */
    public View findView(String name) {
        if (temp != null && !temp.views.isEmpty()) {
            View v = temp.viewsByKey.get(Names.key(name));
            if (v != null) {
                return v;
            }
        }
        View v = viewsByKey.get(Names.key(name));
        if (v == null && attached != null) {
            for (int k = 0; k < attached.size() && v == null; k++) {
                v = attached.get(k).viewsByKey.get(Names.key(name));
            }
        }
        return v;
    }

    /** The view named {@code name} of this schema's database only, or null. */
    public View findOwnView(String name) {
        return viewsByKey.get(Names.key(name));
    }

    /** The TEMP view named {@code name}, or null. */
    public View findTempView(String name) {
        return temp == null ? null : temp.viewsByKey.get(Names.key(name));
    }

    /** The trigger named {@code name} (ASCII case ignored; a TEMP trigger first), or null. */
    public Trigger findTrigger(String name) {
        Trigger t = findTempTrigger(name);
        if (t == null) {
            t = findMainTrigger(name);
        }
        if (t == null && attached != null) {
            for (int k = 0; k < attached.size() && t == null; k++) {
                t = attached.get(k).findMainTrigger(name);
            }
        }
        return t;
    }

    /** The TEMP trigger named {@code name}, or null. */
    public Trigger findTempTrigger(String name) {
        return temp == null ? null : temp.findMainTrigger(name);
    }

    /** The trigger of this schema's own database (main for the main schema) named {@code name}, or null. */
    public Trigger findMainTrigger(String name) {
        for (Trigger t : triggers) {
            if (Names.equal(t.name(), name)) {
                return t;
            }
        }
        return null;
    }

    /**
     * The triggers on the table or view named {@code tableName}, in the order SQLite fires them: TEMP triggers
     * first, each group the most recently created first.
     */
    public List<Trigger> triggersOn(String tableName) {
        List<Trigger> out = new ArrayList<>();
        if (temp != null) {
            out.addAll(temp.triggersOn(tableName));
        }
        for (int k = triggers.size() - 1; k >= 0; k--) {
            if (Names.equal(triggers.get(k).tableName(), tableName)) {
                out.add(triggers.get(k));
            }
        }
        return out;
    }

    /** The triggers of this schema's own database, in sqlite_schema order. */
    public List<Trigger> triggers() {
        return triggers;
    }

    /** Removes the trigger named {@code name} of this schema's database (the {@code DropTrigger} opcode); no-op when absent. */
    public void dropTrigger(String name) {
        Trigger t = findMainTrigger(name);
        if (t != null) {
            triggers.remove(t);
            generation++;
        }
    }

    void addTrigger(Trigger trigger) {
        triggers.add(trigger);
        generation++;
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
        if (temp != null && !temp.indexes.isEmpty()) {
            Index index = temp.indexesByKey.get(Names.key(name));
            if (index != null) {
                return index;
            }
        }
        Index own = indexesByKey.get(Names.key(name));
        if (own == null && attached != null) {
            for (int k = 0; k < attached.size() && own == null; k++) {
                own = attached.get(k).indexesByKey.get(Names.key(name));
            }
        }
        return own;
    }

    /** The index named {@code name} of this schema's database only, or null. */
    public Index findOwnIndex(String name) {
        return indexesByKey.get(Names.key(name));
    }

    void addTable(Table table) {
        table.setDb(db);
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

    /** Forgets every table, index, view and trigger of the main schema (before a reload); the cookie and the TEMP objects are kept. */
    public void clear() {
        tables.clear();
        indexes.clear();
        tablesByKey.clear();
        indexesByKey.clear();
        views.clear();
        viewsByKey.clear();
        triggers.clear();
        generation++;
    }
}
