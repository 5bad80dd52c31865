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

    /** The views to check and rewrite: main's, when main's table is altered. */
    private List<View> views(Schema schema) {
        return alterDb == 0 ? schema.views() : List.of();
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
        List<Trigger> out = alterDb == 0 ? mainTriggers(schema) : new ArrayList<>();
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
        Stmt.CreateTrigger ct = (Stmt.CreateTrigger) Parser.parseFirst(sql).statement();
        boolean temp = isTemp(schema, sql);
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
        int onDb = ct.table().schema() == null ? -1 : schema.findDatabase(ct.table().schema().text());
        Table table = onDb < 0 ? schema.findTable(t.tableName()) : schema.database(onDb).findOwnTable(t.tableName());
        if (table != null) {
            rows = new Source(table, table.name(), -1);
        } else {
            View view = onDb == 1 ? schema.findTempView(t.tableName()) : schema.findView(t.tableName());
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
                    throw failure("view", v.name(), when, e);
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
        if (kind.equals("temp trigger")) {
            // A TEMP trigger's names are not bound to one schema: the message names the table as written.
            kind = "trigger";
        } else if (m.startsWith("no such table: ") && m.indexOf('.') < 0) {
            // SQLite resolves a stored view or trigger with its tables bound to its schema, and names it.
            e = SqliteException.error("no such table: main." + m.substring("no such table: ".length()));
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
                    throw failure("view", v.name(), "", e);
                }
            }
            SqlEdits e = new SqlEdits();
            for (Name n : w.names()) {
                e.replace(n.start(), n.end(), quoted);
            }
            if (!e.isEmpty()) {
                rows.add(new String[] {"view", v.name(), v.name(), v.name(), e.apply(v.sql())});
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
            boolean on = Names.equal(ct.table().name().text(), t.name());
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
                    throw failure("view", v.name(), "", e);
                }
            }
            SqlEdits e = new SqlEdits();
            for (Name n : w.names()) {
                rename(e, n, newName, newQuoted);
            }
            if (!e.isEmpty()) {
                rows.add(new String[] {"view", v.name(), v.name(), v.name(), e.apply(v.sql())});
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
            if (Names.equal(ct.table().name().text(), t.name())) {
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
     * The main schema as it will be after {@code rows} (entries as {@link #renameTable} returns them, tables
     * included) replace their objects: what {@link #test} checks after the change. Indexes are left out: names
     * resolve without them.
     */
    Schema after(List<String[]> rows) throws SqliteException {
        Schema s = new Schema();
        for (Table t : p.schema.temp().tables()) {
            String[] row = alterDb == 1 ? find(rows, "table", t.name()) : null;
            SchemaBuilder.addRow(s.temp(), "table", row != null ? row[2] : t.name(), row != null ? row[3] : t.name(),
                    t.rootPage(), row != null ? row[4] : t.sql());
        }
        for (View v : p.schema.temp().views()) {
            SchemaBuilder.addRow(s.temp(), "view", v.name(), v.name(), 0, v.sql());
        }
        for (Trigger t : p.schema.temp().triggers()) {
            String[] row = find(rows, "trigger", t.name());
            SchemaBuilder.addRow(s.temp(), "trigger", t.name(), row != null ? row[3] : t.tableName(), 0,
                    row != null ? row[4] : t.sql());
        }
        for (Table t : p.schema.tables()) {
            if (t.rootPage() != 1 && t.sql() != null) {
                String[] row = alterDb == 0 ? find(rows, "table", t.name()) : null;
                SchemaBuilder.addRow(s, "table", row != null ? row[2] : t.name(), row != null ? row[3] : t.name(),
                        t.rootPage(), row != null ? row[4] : t.sql());
            }
        }
        for (View v : p.schema.views()) {
            String[] row = find(rows, "view", v.name());
            SchemaBuilder.addRow(s, "view", v.name(), v.name(), 0, row != null ? row[4] : v.sql());
        }
        for (Trigger t : mainTriggers(p.schema)) {
            String[] row = alterDb == 0 ? find(rows, "trigger", t.name()) : null;
            SchemaBuilder.addRow(s, "trigger", t.name(), row != null ? row[3] : t.tableName(), 0,
                    row != null ? row[4] : t.sql());
        }
        return s;
    }

    private static String[] find(List<String[]> rows, String type, String name) {
        for (String[] r : rows) {
            if (r[0].equals(type) && Names.equal(r[1], name)) {
                return r;
            }
        }
        return null;
    }

}
