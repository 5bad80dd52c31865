package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.func.CompileOptions;
import dev.skerry.engine.func.FunctionList;
import dev.skerry.engine.parser.Parser;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.schema.Schema;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.schema.View;
import dev.skerry.engine.vdbe.Program;
import java.util.ArrayList;
import java.util.List;

/**
 * The one computation of the rows of each pragma that answers with rows known from the connection's state
 * (schema, settings, function registry): used by the PRAGMA statement ({@link PragmaCoder}, while compiling)
 * and by its table-valued form {@code pragma_NAME(arg, schema)} ({@link PragmaFunction}, while running).
 *
 * <p>{@link #find} describes each such pragma as SQLite's pragma virtual table does: its result columns, then
 * the hidden {@code arg} column when the pragma takes an argument ({@code PragFlg_Result1}) and the hidden
 * {@code schema} column when it takes a schema ({@code PragFlg_SchemaOpt/SchemaReq}). Rows are arrays of
 * Long/String/null values in column order (the visible columns only).
 */
final class PragmaRows {
    /** A pragma with rows: its visible columns and whether it has the hidden arg and schema columns. */
    static final class Def {
        final String name;
        final String[] columns;
        final boolean arg;
        final boolean schema;

        Def(String name, String[] columns, boolean arg, boolean schema) {
            this.name = name;
            this.columns = columns;
            this.arg = arg;
            this.schema = schema;
        }
    }

    private static final Def[] DEFS = {
        new Def("table_info", SchemaPragmas.TABLE_INFO, true, true),
        new Def("table_xinfo", SchemaPragmas.TABLE_XINFO, true, true),
        new Def("index_list", SchemaPragmas.INDEX_LIST, true, true),
        new Def("index_info", SchemaPragmas.INDEX_INFO, true, true),
        new Def("index_xinfo", SchemaPragmas.INDEX_XINFO, true, true),
        new Def("foreign_key_list", SchemaPragmas.FOREIGN_KEY_LIST, true, true),
        new Def("table_list", new String[] {"schema", "name", "type", "ncol", "wr", "strict"}, true, false),
        new Def("database_list", new String[] {"seq", "name", "file"}, false, false),
        new Def("collation_list", new String[] {"seq", "name"}, false, false),
        new Def("function_list", FunctionList.COLUMNS, false, false),
        new Def("compile_options", new String[] {"compile_options"}, false, false),
        new Def("cache_size", new String[] {"cache_size"}, false, true),
        new Def("synchronous", new String[] {"synchronous"}, false, true),
        new Def("foreign_keys", new String[] {"foreign_keys"}, false, false),
        new Def("recursive_triggers", new String[] {"recursive_triggers"}, false, false),
        new Def("busy_timeout", new String[] {"timeout"}, false, false),
        new Def("query_only", new String[] {"query_only"}, false, false),
        new Def("ignore_check_constraints", new String[] {"ignore_check_constraints"}, false, false),
        new Def("temp_store", new String[] {"temp_store"}, false, false),
    };

    private final Schema schema;
    private final ConnectionPragmas conn;
    private final Functions functions;

    /** The database a schema-qualified pragma names ({@code PRAGMA aux.table_info(t)}), or -1 for the usual search. */
    private int db = -1;

    PragmaRows(Schema schema, ConnectionPragmas conn, Functions functions) {
        this.schema = schema;
        this.conn = conn;
        this.functions = functions;
    }

    /** Restricts the lookups to database {@code iDb} (-1: temp, main, then the attached ones). */
    PragmaRows database(int iDb) {
        db = iDb;
        return this;
    }

    /** The index of the database named {@code name}, or -1. */
    int findDatabase(String name) {
        return schema.findDatabase(name);
    }

    private Table table(String name) {
        return db < 0 ? schema.findTable(name) : schema.database(db).findOwnTable(name);
    }

    private View view(String name) {
        return db < 0 ? schema.findView(name) : db == 1 ? schema.findTempView(name)
                : schema.database(db).findOwnView(name);
    }

    private Index index(String name) {
        return db < 0 ? schema.findIndex(name) : schema.database(db).findOwnIndex(name);
    }

    /** The pragma {@code name} (ASCII case ignored) when it is one answered here, else null. */
    static Def find(String name) {
        for (Def d : DEFS) {
            if (Names.equal(d.name, name)) {
                return d;
            }
        }
        return null;
    }

    /** The rows of pragma {@code d} with argument {@code arg} (null when none). */
    List<Object[]> rows(Def d, String arg) throws SqliteException {
        switch (d.name) {
            case "table_info":
            case "table_xinfo":
                return tableInfo(d.name.equals("table_xinfo"), arg);
            case "index_list": {
                Table t = arg == null ? null : table(arg);
                return t == null ? List.of() : SchemaPragmas.indexList(t);
            }
            case "index_info":
            case "index_xinfo": {
                Index ix = arg == null ? null : index(arg);
                if (ix == null && arg != null) {
                    ix = WithoutRowidCoder.findPrimaryKey(db < 0 ? schema : schema.database(db), arg);
                }
                return ix == null ? List.of() : SchemaPragmas.indexInfo(ix, d.name.equals("index_xinfo"));
            }
            case "foreign_key_list": {
                Table t = arg == null ? null : table(arg);
                return t == null ? List.of() : SchemaPragmas.foreignKeyList(t);
            }
            case "table_list":
                return tableList(arg);
            case "database_list": {
                String file = conn.pager() == null ? "" : conn.pager().filename();
                List<Object[]> dbs = new ArrayList<>();
                dbs.add(new Object[] {0L, "main", file.equals(":memory:") ? "" : file});
                if (conn.tempOpen()) {
                    // The TEMP database is listed once a statement used it (SQLite opens it then).
                    dbs.add(new Object[] {1L, "temp", ""});
                }
                for (int i = 2; i < schema.databaseCount(); i++) {
                    String f = conn.attachedFile(i);
                    dbs.add(new Object[] {(long) i, conn.attachedName(i), f.equals(":memory:") ? "" : f});
                }
                return dbs;
            }
            case "collation_list":
                return List.of(new Object[] {0L, "RTRIM"}, new Object[] {1L, "NOCASE"}, new Object[] {2L, "BINARY"});
            case "function_list":
                return functions.functionList();
            case "compile_options": {
                List<Object[]> rows = new ArrayList<>();
                for (String o : CompileOptions.list()) {
                    rows.add(new Object[] {o});
                }
                return rows;
            }
            case "cache_size":
                return one((long) conn.cacheSize);
            case "synchronous":
                return one((long) conn.synchronous);
            case "foreign_keys":
                return one(conn.foreignKeys ? 1L : 0L);
            case "recursive_triggers":
                return one(conn.recursiveTriggers ? 1L : 0L);
            case "busy_timeout":
                return one((long) conn.busyTimeout);
            case "query_only":
                return one(conn.queryOnly() ? 1L : 0L);
            case "ignore_check_constraints":
                return one(conn.ignoreCheckConstraints ? 1L : 0L);
            case "temp_store":
                return one((long) conn.tempStore);
            default:
                return List.of();
        }
    }

    private static List<Object[]> one(Object v) {
        return List.<Object[]>of(new Object[] {v});
    }

    private List<Object[]> tableInfo(boolean extended, String arg) throws SqliteException {
        Table t = arg == null ? null : table(arg);
        if (t == null && arg != null && view(arg) != null) {
            return viewInfo(view(arg), extended);
        }
        return t == null ? List.of() : SchemaPragmas.tableInfo(t, extended);
    }

    /**
     * Column names made unique as SQLite's {@code sqlite3ColumnsFromExprList} does: a name met before (ASCII case
     * ignored) gets {@code :N} (any {@code :digits} it ends with replaced), N counting up per column.
     */
    private static String[] unique(String[] names) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            String name = names[i];
            int cnt = 0;
            while (seen(out, i, name)) {
                int n = name.length();
                int j = n - 1;
                while (j > 0 && Character.isDigit(name.charAt(j)) && name.charAt(j) < 0x80) {
                    j--;
                }
                if (n > 0 && name.charAt(j) == ':') {
                    n = j;
                }
                name = name.substring(0, n) + ":" + (++cnt);
            }
            out[i] = name;
        }
        return out;
    }

    private static boolean seen(String[] names, int count, String name) {
        for (int k = 0; k < count; k++) {
            if (Names.equal(names[k], name)) {
                return true;
            }
        }
        return false;
    }

    /** SQLite's standard type names and their affinities, as {@code sqlite3StdType}/{@code sqlite3StdTypeAffinity}. */
    private static final String[] STD_TYPES = {"BLOB", "INT", "INTEGER", "REAL", "TEXT"};
    private static final char[] STD_AFFINITIES = {'A', 'D', 'D', 'E', 'B'};

    /**
     * {@code table_info} of a view: its result columns (named by the view's column list when it has one), the
     * type of each as SQLite's {@code sqlite3SubqueryColTypeAndColl} gives it (the declared type of the column
     * it reads, in the leftmost arm of a compound, when that type's affinity is the column's; else {@code NUM}
     * for NUMERIC or FLEXNUM affinity, the standard type name of its affinity, or empty for none; a compound's
     * affinities as {@link CompoundViewTypes}); the other fields 0 and NULL.
     */
    private List<Object[]> viewInfo(View view, boolean extended) throws SqliteException {
        dev.skerry.engine.parser.ast.Select sel = view.select();
        Parse scratch = new Parse(schema, view.sql(), functions);
        scratch.pragmas = conn;
        SelectCoder.ResultInfo info = new SelectCoder(scratch).compile(view.select(), null, (first, n) -> { });
        char[] affinities = info.affinities;
        String[] decltypes = SubqueryColumns.declTypes(scratch, sel, info.decltypes);
        if (sel.cores().size() > 1) {
            // The leftmost arm's declared types; the affinities from every arm (CompoundViewTypes).
            decltypes = SubqueryColumns.declTypes(scratch, sel, new SelectCoder(scratch).compile(
                    new dev.skerry.engine.parser.ast.Select(sel.with(), List.of(sel.cores().get(0)), List.of(),
                    List.of(), null, sel.start(), sel.end()), null, (first, n) -> { }).decltypes);
            affinities = CompoundViewTypes.affinities(scratch, sel, info.names.length);
        }
        String[] names = view.columns().isEmpty() ? unique(info.names) : view.columns().toArray(new String[0]);
        if (names.length != info.names.length) {
            throw SqliteException.error("expected " + names.length + " columns for '" + view.name() + "' but got "
                    + info.names.length);
        }
        List<Object[]> rows = new ArrayList<>();
        for (int c = 0; c < names.length; c++) {
            char aff = affinities[c];
            String type = decltypes[c];
            if (type == null || aff != dev.skerry.engine.value.Affinity.fromDeclaredType(type)) {
                type = null;
                if (aff == 'C' || aff == CompoundViewTypes.FLEXNUM) {
                    type = "NUM";
                }
                for (int k = 0; k < STD_TYPES.length && type == null; k++) {
                    if (STD_AFFINITIES[k] == aff) {
                        type = STD_TYPES[k];
                    }
                }
            }
            Object[] row = new Object[extended ? 7 : 6];
            row[0] = (long) c;
            row[1] = names[c];
            row[2] = type == null ? "" : SchemaPragmas.typeText(type);
            row[3] = 0L;
            row[4] = null;
            row[5] = 0L;
            if (extended) {
                row[6] = 0L;
            }
            rows.add(row);
        }
        return rows;
    }

    private List<Object[]> tableList(String value) {
        List<Object[]> rows = new ArrayList<>();
        if (db <= 0) {
            mainTableList(rows, value);
        }
        if (db < 0 || db == 1) {
            tempTableList(rows, value);
        }
        for (int i = 2; i < schema.databaseCount(); i++) {
            if (db >= 0 && db != i) {
                continue;
            }
            Schema s = schema.database(i);
            for (String n : conn.attachedTableOrder(i)) {
                if (value != null && !Names.equal(value, n)) {
                    continue;
                }
                Table t = s.findOwnTable(n);
                if (t != null) {
                    rows.add(new Object[] {s.name(), n.equals("sqlite_master") ? "sqlite_schema" : t.name(), "table",
                            (long) t.columnCount(), 0L, t.strict() ? 1L : 0L});
                } else if (s.findOwnView(n) != null) {
                    View view = s.findOwnView(n);
                    rows.add(new Object[] {s.name(), view.name(), "view", (long) viewColumnCount(view), 0L, 0L});
                }
            }
        }
        return rows;
    }

    private void mainTableList(List<Object[]> rows, String value) {
        for (String n : conn.tableOrder()) {
            String shown = n.equals("sqlite_master") ? "sqlite_schema" : n;
            if (value != null && !Names.equal(value, n)) {
                continue;
            }
            Table t = n.equals("sqlite_master") ? schema.schemaTable() : schema.findOwnTable(n);
            if (t != null) {
                rows.add(new Object[] {"main", shown, "table", (long) t.columnCount(), t.withoutRowid() ? 1L : 0L,
                    t.strict() ? 1L : 0L});
                continue;
            }
            View view = schema.findView(n);
            if (view != null) {
                rows.add(new Object[] {"main", view.name(), "view", (long) viewColumnCount(view), 0L, 0L});
            }
        }
    }

    private void tempTableList(List<Object[]> rows, String value) {
        for (String n : conn.tempTableOrder()) {
            boolean schemaTable = n.equals("sqlite_temp_master");
            if (value != null && !Names.equal(value, n)) {
                continue;
            }
            Table t = schemaTable ? schema.temp().schemaTable() : schema.temp().findOwnTable(n);
            if (t != null) {
                rows.add(new Object[] {"temp", t.name(), "table", (long) t.columnCount(), t.withoutRowid() ? 1L : 0L,
                    t.strict() ? 1L : 0L});
                continue;
            }
            View view = schema.findTempView(n);
            if (view != null) {
                rows.add(new Object[] {"temp", view.name(), "view", (long) viewColumnCount(view), 0L, 0L});
            }
        }
    }

    /**
     * The number of result columns of a view, found by compiling {@code SELECT * FROM} it; 0 when that fails
     * (a view over a dropped table), as SQLite's column count stays unknown then.
     */
    private int viewColumnCount(View view) {
        String sql = "SELECT * FROM " + Identifiers.quote(view.name());
        try {
            Program prog = Translator.compile(Parser.parseFirst(sql).statement(), sql, schema);
            return prog.columnCount();
        } catch (SqliteException e) {
            return 0;
        }
    }
}
