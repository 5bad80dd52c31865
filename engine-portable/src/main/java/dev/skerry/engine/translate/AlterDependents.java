package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.func.WindowFunctions;
import dev.skerry.engine.parser.Parser;
import dev.skerry.engine.parser.ast.IndexedColumn;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.QualifiedName;
import dev.skerry.engine.parser.ast.SetClause;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.parser.ast.Upsert;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.schema.Schema;
import dev.skerry.engine.schema.SchemaBuilder;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.schema.Trigger;
import dev.skerry.engine.schema.View;
import java.util.ArrayList;
import java.util.List;

/**
 * The views and triggers of the main schema under ALTER TABLE, as SQLite's {@code alter.c} treats them with
 * {@code PRAGMA legacy_alter_table} off: each is compiled against the schema before the change (a view or
 * trigger that does not compile fails the ALTER with {@code error in view V: ...} / {@code error in trigger T:
 * ...}, SQLite's {@code renameTestSchema}); RENAME TO and RENAME COLUMN rewrite their texts token by token
 * ({@link RenameWatch} finds the names that resolve to the table or column; a trigger's {@code ON} table,
 * {@code UPDATE OF} list and its steps' target tables, INSERT column lists, SET columns and upsert targets are
 * read from its syntax); and after the change every view and trigger must compile against the schema as it
 * will be ({@code error in view V after rename: ...}, {@code ... after drop column: ...}).
 *
 * <p>With {@code PRAGMA legacy_alter_table} on, as SQLite: RENAME TO rewrites only the {@code ON} table of the
 * triggers on the table (views and trigger bodies keep the old name, nothing is checked); the checks after the
 * change are skipped; a view or trigger that does not compile before it fails the change with SQLite's bare
 * {@code SQL logic error}.
 *
 * <p>A rewritten object is an entry {type, old name, new name, new tbl_name, new sql} as
 * {@code AlterCoder.rewriteSchemaRows} takes them.
 */
final class AlterDependents {
    private final Parse p;
    /** {@code PRAGMA legacy_alter_table}: see the class comment. */
    private final boolean legacy;
    /**
     * The database of the altered table: 0 main (main's views and triggers and the TEMP triggers, which may
     * name main's tables), 1 temp (the TEMP triggers only). A rewritten TEMP trigger's entry has a sixth element,
     * {@code "temp"}: its row is in the TEMP database's sqlite_schema.
     */
    private int alterDb;
    /** The connection's functions, and a stand-in for every other name and argument count (see {@link #resolves}). */
    private final Functions functions;

    AlterDependents(Parse p, boolean legacy) {
        this.p = p;
        this.legacy = legacy;
        Functions real = p.functions;
        this.functions = new Functions() {
            @Override
            public Object scalar(String name, int nArg) {
                Object f = real.scalar(name, nArg);
                if (f != null || real.aggregate(name, nArg) != null || WindowFunctions.kind(name) >= 0) {
                    return f;
                }
                return UNKNOWN_FUNCTION;
            }

            @Override
            public Object aggregate(String name, int nArg) {
                return real.aggregate(name, nArg);
            }

            @Override
            public boolean exists(String name) {
                return true;
            }

            @Override
            public java.util.List<Object[]> functionList() {
                return real.functionList();
            }
        };
    }

    /** Sets the database of the altered table (see {@code alterDb}). */
    AlterDependents forDatabase(int db) {
        alterDb = db;
        return this;
    }

    /**
     * The views to check and rewrite, as SQLite's {@code renameTestSchema} and the rename functions visit them:
     * those of the altered table's database (main or attached), then the TEMP views.
     */
    private List<View> views(Schema schema) {
        List<View> out = new ArrayList<>(alterDb == 1 ? List.of() : schema.database(alterDb).views());
        if (schema.temp() != null) {
            out.addAll(schema.temp().views());
        }
        return out;
    }

    /** Whether {@code v} is one of the TEMP database's views. */
    private static boolean isTempView(Schema schema, View v) {
        return schema.temp() != null && schema.temp().views().contains(v);
    }

    /** The rewrite entry of view {@code v} (marked {@code "temp"} for a TEMP view). */
    private static String[] viewRow(Schema schema, View v, String sql) {
        return isTempView(schema, v) ? new String[] {"view", v.name(), v.name(), v.name(), sql, "temp"}
                : new String[] {"view", v.name(), v.name(), v.name(), sql};
    }

    /** What a call of a function the connection does not have compiles to here: such programs never run. */
    private static final Object UNKNOWN_FUNCTION = new Object();

    /**
     * Whether {@code e}, raised while compiling a view or trigger, is one SQLite's rename check raises: it only
     * resolves names (tables, columns, views, joins) and checks compounds' widths; unknown functions, argument
     * counts, misplaced aggregates and ORDER BY terms out of range wait until the object is used (the
     * functions are stood in for, so the names after such a call are still resolved).
     */
    private static boolean resolves(SqliteException e) {
        String m = e.getMessage();
        return m.startsWith("no such column: ") || m.startsWith("no such table: ")
                || m.startsWith("ambiguous column name: ") || m.endsWith(" is circularly defined")
                || m.startsWith("SELECTs to the left and right of ") || m.startsWith("cannot join using column ")
                || m.startsWith("no such index: ") || m.startsWith("expected ") && m.contains(" columns for '")
                || m.startsWith("unknown database ");
    }

    /**
     * The main schema's triggers, those on tables first, in schema order (when main's table is altered), then
     * the TEMP triggers in schema order.
     */
    private List<Trigger> triggers(Schema schema) {
        List<Trigger> out = alterDb != 1 ? mainTriggers(schema.database(alterDb)) : new ArrayList<>();
        if (schema.temp() != null) {
            out.addAll(schema.temp().triggers());
        }
        return out;
    }

    private List<Trigger> mainTriggers(Schema schema) {
        List<Trigger> out = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (Table t : schema.tables()) {
            owners.add(t.name());
        }
        for (View v : schema.views()) {
            owners.add(v.name());
        }
        for (String owner : owners) {
            List<Trigger> on = schema.triggersOn(owner);
            for (int k = on.size() - 1; k >= 0; k--) {
                if (!on.get(k).temp()) {
                    out.add(on.get(k));
                }
            }
        }
        return out;
    }

    /** Compiles the query of the view whose CREATE text is {@code sql} against {@code schema}. */
    private void compileView(Schema schema, String sql, RenameWatch watch) throws SqliteException {
        Stmt.CreateView cv = (Stmt.CreateView) Parser.parseFirst(sql).statement();
        Parse vp = new Parse(schema, sql, p.functions);
        vp.rename = watch;
        if (watch != null) {
            watch.parse = vp;
        }
        View self = schema.findView(cv.name().name().text());
        if (self != null) {
            vp.expandingViews.add(self);
        }
        vp.begin();
        new SelectCoder(vp).compile(cv.select(), null, (first, n) -> { });
    }

    /** Compiles WHEN and the steps of the trigger whose CREATE text is {@code sql} against {@code schema}. */
    private void compileTrigger(Schema schema, String sql, RenameWatch watch) throws SqliteException {
        compileTrigger(schema, sql, watch, isTemp(schema, sql));
    }

    /** As {@link #compileTrigger(Schema, String, RenameWatch)} for a trigger known to be TEMP or not. */
    private void compileTrigger(Schema schema, String sql, RenameWatch watch, boolean temp) throws SqliteException {
        Stmt.CreateTrigger ct = (Stmt.CreateTrigger) Parser.parseFirst(sql).statement();
        Trigger t = SchemaBuilder.trigger(ct, sql, temp);
        Parse tp = new Parse(schema, sql, p.functions);
        tp.trigger = t;
        tp.deferTargetColumns = true;
        tp.rename = watch;
        if (watch != null) {
            watch.parse = tp;
        }
        tp.begin();
        Source rows;
        // A trigger outside TEMP is on its own database's table (the altered table's database here).
        int onDb = ct.table().schema() != null ? schema.findDatabase(ct.table().schema().text())
                : temp ? -1 : alterDb;
        Table table = onDb < 0 ? schema.findTable(t.tableName()) : schema.database(onDb).findOwnTable(t.tableName());
        if (table != null) {
            rows = new Source(table, table.name(), -1);
        } else {
            View view = onDb < 0 ? schema.findView(t.tableName()) : onDb == 1 ? schema.findTempView(t.tableName())
                    : schema.database(onDb).findOwnView(t.tableName());
            if (view == null) {
                throw SqliteException.error("no such table: " + (temp ? ct.table().toString() : "main." + t.tableName()));
            }
            rows = FromBuilder.materializeView(tp, new SelectCoder(tp), view, view.name(), tp.newScope(null));
        }
        TriggerCoder.body(tp, t, rows, TriggerCoder.block(tp, rows.columnCount()));
    }

    /** Whether the trigger whose CREATE text is {@code sql} is one of the TEMP database's. */
    private static boolean isTemp(Schema schema, String sql) {
        if (schema.temp() == null) {
            return false;
        }
        for (Trigger t : schema.temp().triggers()) {
            if (t.sql().equals(sql)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every view and trigger of {@code schema} must compile; the first that does not fails the change with
     * SQLite's {@code error in view|trigger NAME[ WHEN]: message}.
     */
    void test(Schema schema, String when) throws SqliteException {
        if (legacy && !when.isEmpty()) {
            return;
        }
        for (View v : views(schema)) {
            try {
                compileView(schema, v.sql(), null);
            } catch (SqliteException e) {
                if (resolves(e)) {
                    throw failure(isTempView(schema, v) ? "temp view" : "view", v.name(), when, e);
                }
            }
        }
        for (Trigger t : triggers(schema)) {
            try {
                compileTrigger(schema, t.sql(), null);
            } catch (SqliteException e) {
                if (resolves(e)) {
                    throw failure(t.temp() ? "temp trigger" : "trigger", t.name(), when, e);
                }
            }
        }
    }

    private SqliteException failure(String kind, String name, String when, SqliteException e) {
        if (legacy) {
            return SqliteException.error("SQL logic error");
        }
        String m = e.getMessage();
        if (kind.startsWith("temp ")) {
            // A TEMP object's names are not bound to one schema: the message names the table as written.
            kind = kind.substring("temp ".length());
        } else if (m.startsWith("no such table: ") && m.indexOf('.') < 0) {
            // SQLite resolves a stored view or trigger with its tables bound to its schema, and names it.
            e = SqliteException.error("no such table: " + p.schema.database(alterDb).name() + "."
                    + m.substring("no such table: ".length()));
        }
        return SqliteException.error("error in " + kind + " " + name + (when.isEmpty() ? "" : " " + when) + ": "
                + e.getMessage());
    }

    /**
     * The views and triggers rewritten for RENAME TO: every name resolving to table {@code t} becomes {@code
     * "newName"}, and so do a trigger's {@code ON} table and its steps' targets naming it; the triggers on the
     * table get {@code newName} as their {@code tbl_name}.
     */
    List<String[]> renameTable(Table t, String newName) throws SqliteException {
        String quoted = SqlEdits.quote(newName);
        List<String[]> rows = new ArrayList<>();
        for (View v : legacy ? List.<View>of() : views(p.schema)) {
            RenameWatch w = new RenameWatch(t, -1, v.sql());
            try {
                compileView(p.schema, v.sql(), w);
            } catch (SqliteException e) {
                if (resolves(e)) {
                    throw failure(isTempView(p.schema, v) ? "temp view" : "view", v.name(), "", e);
                }
            }
            SqlEdits e = new SqlEdits();
            for (Name n : w.names()) {
                e.replace(n.start(), n.end(), quoted);
            }
            if (!e.isEmpty()) {
                rows.add(viewRow(p.schema, v, e.apply(v.sql())));
            }
        }
        for (Trigger tr : triggers(p.schema)) {
            SqlEdits e = new SqlEdits();
            if (!legacy) {
                RenameWatch w = new RenameWatch(t, -1, tr.sql());
                try {
                    compileTrigger(p.schema, tr.sql(), w);
                } catch (SqliteException x) {
                    if (resolves(x)) {
                        throw failure(tr.temp() ? "temp trigger" : "trigger", tr.name(), "", x);
                    }
                }
                for (Name n : w.names()) {
                    e.replace(n.start(), n.end(), quoted);
                }
            }
            Stmt.CreateTrigger ct = (Stmt.CreateTrigger) Parser.parseFirst(tr.sql()).statement();
            boolean on = onTable(tr, ct, t);
            if (on) {
                e.replace(ct.table().name().start(), ct.table().name().end(), quoted);
            }
            for (Stmt st : legacy ? List.<Stmt>of() : ct.body()) {
                QualifiedName target = target(st);
                if (target != null && Names.equal(target.name().text(), t.name())) {
                    e.replace(target.name().start(), target.name().end(), quoted);
                }
            }
            if (!e.isEmpty()) {
                String owner = on ? newName : tr.tableName();
                rows.add(triggerRow(tr, owner, e.apply(tr.sql())));
            }
        }
        return rows;
    }

    /**
     * The views and triggers rewritten for RENAME COLUMN: every reference resolving to column {@code col} of
     * {@code t}, the {@code UPDATE OF} list of a trigger on {@code t}, and the column lists of trigger steps
     * writing {@code t} (INSERT columns, SET columns, upsert targets and SET columns).
     */
    List<String[]> renameColumn(Table t, int col, String newName, boolean newQuoted) throws SqliteException {
        String column = t.column(col).name();
        List<String[]> rows = new ArrayList<>();
        for (View v : views(p.schema)) {
            RenameWatch w = new RenameWatch(t, col, v.sql());
            try {
                compileView(p.schema, v.sql(), w);
            } catch (SqliteException e) {
                if (resolves(e)) {
                    throw failure(isTempView(p.schema, v) ? "temp view" : "view", v.name(), "", e);
                }
            }
            SqlEdits e = new SqlEdits();
            for (Name n : w.names()) {
                rename(e, n, newName, newQuoted);
            }
            if (!e.isEmpty()) {
                rows.add(viewRow(p.schema, v, e.apply(v.sql())));
            }
        }
        for (Trigger tr : triggers(p.schema)) {
            RenameWatch w = new RenameWatch(t, col, tr.sql());
            try {
                compileTrigger(p.schema, tr.sql(), w);
            } catch (SqliteException e) {
                if (resolves(e)) {
                    throw failure(tr.temp() ? "temp trigger" : "trigger", tr.name(), "", e);
                }
            }
            SqlEdits e = new SqlEdits();
            for (Name n : w.names()) {
                rename(e, n, newName, newQuoted);
            }
            Stmt.CreateTrigger ct = (Stmt.CreateTrigger) Parser.parseFirst(tr.sql()).statement();
            if (onTable(tr, ct, t)) {
                named(e, ct.updateColumns(), column, newName, newQuoted);
            }
            for (Stmt st : ct.body()) {
                QualifiedName target = target(st);
                if (target != null && Names.equal(target.name().text(), t.name())) {
                    stepColumns(e, st, column, newName, newQuoted);
                }
            }
            if (!e.isEmpty()) {
                rows.add(triggerRow(tr, tr.tableName(), e.apply(tr.sql())));
            }
        }
        return rows;
    }

    /**
     * Whether trigger {@code tr} is on table {@code t}: a trigger of {@code t}'s database naming it; a TEMP
     * trigger naming it and bound to its database (unbound: main or temp).
     */
    private static boolean onTable(Trigger tr, Stmt.CreateTrigger ct, Table t) {
        if (!Names.equal(ct.table().name().text(), t.name())) {
            return false;
        }
        return !tr.temp() || tr.tableDb() == t.db() || tr.tableDb() < 0 && t.db() < 2;
    }

    /**
     * RENAME COLUMN of a TEMP table: SQLite rewrites the TEMP database's views and triggers twice (once with the
     * table's database, once as the TEMP database's dependents), and the second pass resolves the texts the
     * first one wrote against the table as it was, so a view or trigger that named the column fails the change
     * with {@code error in view|trigger NAME: no such column: NEW}.
     */
    void secondTempPass(List<String[]> rows) throws SqliteException {
        if (alterDb != 1 || legacy) {
            return;
        }
        for (String[] row : rows) {
            if (row[0].equals("view") || row[0].equals("trigger")) {
                try {
                    if (row[0].equals("view")) {
                        compileView(p.schema, row[4], null);
                    } else {
                        compileTrigger(p.schema, row[4], null, true);
                    }
                } catch (SqliteException e) {
                    if (resolves(e)) {
                        throw SqliteException.error("error in " + row[0] + " " + row[1] + ": " + e.getMessage());
                    }
                }
            }
        }
    }

    /** The rewrite entry of trigger {@code tr} (marked {@code "temp"} for a TEMP trigger). */
    private static String[] triggerRow(Trigger tr, String owner, String sql) {
        return tr.temp() ? new String[] {"trigger", tr.name(), tr.name(), owner, sql, "temp"}
                : new String[] {"trigger", tr.name(), tr.name(), owner, sql};
    }

    /** The table a trigger step writes, or null for a SELECT step. */
    private static QualifiedName target(Stmt st) {
        if (st instanceof Stmt.Insert) {
            return ((Stmt.Insert) st).table();
        }
        if (st instanceof Stmt.Update) {
            return ((Stmt.Update) st).table();
        }
        if (st instanceof Stmt.Delete) {
            return ((Stmt.Delete) st).table();
        }
        return null;
    }

    /** The column names a step writing the table lists: INSERT's columns, UPDATE's SET, upserts. */
    private static void stepColumns(SqlEdits e, Stmt st, String column, String newName, boolean newQuoted) {
        if (st instanceof Stmt.Insert) {
            Stmt.Insert ins = (Stmt.Insert) st;
            named(e, ins.columns(), column, newName, newQuoted);
            for (Upsert u : ins.upserts()) {
                if (u.target() != null) {
                    for (IndexedColumn ic : u.target()) {
                        if (ic.expr() instanceof dev.skerry.engine.parser.ast.Expr.ColumnRef) {
                            Name n = ((dev.skerry.engine.parser.ast.Expr.ColumnRef) ic.expr()).column();
                            if (Names.equal(n.text(), column)) {
                                rename(e, n, newName, newQuoted);
                            }
                        }
                    }
                }
                if (u.sets() != null) {
                    sets(e, u.sets(), column, newName, newQuoted);
                }
            }
        } else if (st instanceof Stmt.Update) {
            sets(e, ((Stmt.Update) st).sets(), column, newName, newQuoted);
        }
    }

    private static void sets(SqlEdits e, List<SetClause> sets, String column, String newName, boolean newQuoted) {
        for (SetClause s : sets) {
            named(e, s.columns(), column, newName, newQuoted);
        }
    }

    private static void named(SqlEdits e, List<Name> names, String column, String newName, boolean newQuoted) {
        if (names == null) {
            return;
        }
        for (Name n : names) {
            if (Names.equal(n.text(), column)) {
                rename(e, n, newName, newQuoted);
            }
        }
    }

    /** SQLite's rule: the new name as written unless it was quoted in the ALTER or the replaced token is quoted. */
    private static void rename(SqlEdits e, Name n, String newName, boolean newQuoted) {
        boolean quoted = newQuoted || n.quote() != Name.Quote.NONE;
        e.replace(n.start(), n.end(), quoted ? SqlEdits.quote(newName) : newName);
    }

    /**
     * The schema (main, temp and the attached databases) as it will be after {@code rows} (entries as {@link
     * #renameTable} returns them, tables included) replace their objects: what {@link #test} checks after the
     * change. Indexes are left out: names resolve without them.
     */
    Schema after(List<String[]> rows) throws SqliteException {
        Schema s = new Schema();
        for (int d = 2; d < p.schema.databaseCount(); d++) {
            s.attach(Schema.forAttached(d, p.schema.database(d).name()));
        }
        for (int d : new int[] {1, 0}) {
            copy(p.schema.database(d), s.database(d), d, rows);
        }
        for (int d = 2; d < p.schema.databaseCount(); d++) {
            copy(p.schema.database(d), s.database(d), d, rows);
        }
        return s;
    }

    /** Adds the tables, views and triggers of database {@code d} of {@code from} to {@code to}, rewritten by {@code rows}. */
    private void copy(Schema from, Schema to, int d, List<String[]> rows) throws SqliteException {
        for (Table t : from.tables()) {
            if (t.rootPage() != 1 && t.sql() != null) {
                String[] row = find(rows, "table", t.name(), d);
                SchemaBuilder.addRow(to, "table", row != null ? row[2] : t.name(), row != null ? row[3] : t.name(),
                        t.rootPage(), row != null ? row[4] : t.sql());
            }
        }
        for (View v : from.views()) {
            String[] row = find(rows, "view", v.name(), d);
            SchemaBuilder.addRow(to, "view", v.name(), v.name(), 0, row != null ? row[4] : v.sql());
        }
        for (Trigger t : d == 1 ? from.triggers() : mainTriggers(from)) {
            String[] row = find(rows, "trigger", t.name(), d);
            SchemaBuilder.addRow(to, "trigger", t.name(), row != null ? row[3] : t.tableName(), 0,
                    row != null ? row[4] : t.sql());
        }
    }

    /** The entry of {@code rows} for the object of database {@code d} of that type and name, or null. */
    private String[] find(List<String[]> rows, String type, String name, int d) {
        for (String[] r : rows) {
            int rowDb = r.length > 5 ? 1 : alterDb;
            if (rowDb == d && r[0].equals(type) && Names.equal(r[1], name)) {
                return r;
            }
        }
        return null;
    }
}
