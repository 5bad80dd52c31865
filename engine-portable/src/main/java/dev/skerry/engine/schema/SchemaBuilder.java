package dev.skerry.engine.schema;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.Parser;
import dev.skerry.engine.parser.ast.ColumnConstraint;
import dev.skerry.engine.parser.ast.ColumnDef;
import dev.skerry.engine.parser.ast.ConflictAlgorithm;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.IndexedColumn;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.SortOrder;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.parser.ast.TableConstraint;
import dev.skerry.engine.value.Affinity;
import dev.skerry.engine.value.Collation;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds schema objects from CREATE TABLE and CREATE INDEX syntax trees by SQLite's rules
 * ({@code sqlite3StartTable}, {@code sqlite3AddColumn}, {@code sqlite3AddPrimaryKey},
 * {@code sqlite3CreateIndex}), with SQLite's error messages.
 *
 * <p>Rules applied: duplicate column names are an error; a column's affinity comes from its declared type;
 * a PRIMARY KEY of one column whose declared type is exactly {@code INTEGER} (any case) makes that column
 * the rowid alias, unless it was declared {@code PRIMARY KEY DESC} on the column itself; any other PRIMARY
 * KEY, and every UNIQUE, gets an automatic index {@code sqlite_autoindex_<table>_<n>} numbered in the order
 * the constraints are written (column constraints column by column, then table constraints), except that a
 * constraint with the same key columns and collations as an earlier one shares its index. A column repeated
 * in one constraint is repeated in the index, as SQLite does for rowid tables.
 *
 * <p>Generated columns: {@code AS (expr) [VIRTUAL|STORED]} with SQLite's checks made here (no DEFAULT, not in
 * the PRIMARY KEY, at least one column not generated); their expressions are checked by the translator
 * ({@code GeneratedColumns}), which needs the function registry. STRICT tables: the declared types are checked
 * ({@link StrictTypes}).
 *
 * <p>WITHOUT ROWID tables (SQLite's {@code convertToWithoutRowidTable}): a PRIMARY KEY is required and
 * AUTOINCREMENT refused ({@link WithoutRowidTables}); an INTEGER PRIMARY KEY becomes an ordinary key (its
 * automatic index made last, so numbered after the UNIQUE ones); the PRIMARY KEY columns are NOT NULL; the
 * PRIMARY KEY's index leaves the table's index list and becomes {@link Table#primaryKey()}.
 */
public final class SchemaBuilder {
    private SchemaBuilder() {
    }

    /** The text SQLite stores in {@code sqlite_schema.sql} for a CREATE TABLE parsed from {@code sql}. */
    public static String tableSql(Stmt.CreateTable ct, String sql) {
        return "CREATE TABLE " + sql.substring(ct.name().name().start(), ct.end());
    }

    /**
     * The text SQLite stores in {@code sqlite_schema.sql} for a CREATE INDEX parsed from {@code sql}: unlike
     * CREATE TABLE's, it runs to the terminating semicolon (or the end of the input), so whitespace and
     * comments after the last token are kept.
     */
    public static String indexSql(Stmt.CreateIndex ci, String sql) {
        return (ci.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ")
                + sql.substring(ci.name().name().start(), statementEnd(sql, ci.end()));
    }

    /** The offset of the semicolon ending the statement whose last token ends at {@code from}, or the input's end. */
    private static int statementEnd(String sql, int from) {
        int i = from;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == ';') {
                return i;
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                i++;
            } else {
                return i;
            }
        }
        return n;
    }

    /**
     * The table a CREATE TABLE describes, with its automatic indexes in its index list (root pages 0, not yet
     * in any schema). {@code source} is the text {@code ct} was parsed from (its spans point into it);
     * {@code storedSql} is the text for sqlite_schema; {@code rootPage} may be 0 while the statement is being
     * compiled.
     */
    public static Table table(Stmt.CreateTable ct, String source, String storedSql, int rootPage)
            throws SqliteException {
        String tableName = ct.name().name().text();
        if (ct.asSelect() != null) {
            throw SqliteException.error("CREATE TABLE ... AS SELECT is not supported");
        }
        List<ColumnDef> defs = ct.columns();
        int n = defs.size();
        String[] names = new String[n];
        String[] types = new String[n];
        for (int i = 0; i < n; i++) {
            ColumnDef def = defs.get(i);
            names[i] = def.name().text();
            for (int j = 0; j < i; j++) {
                if (Names.equal(names[j], names[i])) {
                    throw SqliteException.error("duplicate column name: " + names[i]);
                }
            }
            types[i] = def.type() == null ? "" : withoutGeneratedAlways(def.type().text());
        }
        Draft draft = new Draft(tableName, names, types, source);
        draft.withoutRowid = ct.withoutRowid();
        for (int i = 0; i < n; i++) {
            draft.columnConstraints(i, defs.get(i).constraints());
        }
        for (TableConstraint tc : ct.constraints()) {
            if (tc instanceof TableConstraint.PrimaryKey) {
                TableConstraint.PrimaryKey pk = (TableConstraint.PrimaryKey) tc;
                draft.primaryKey(draft.keyColumns(pk.columns()), SortOrder.DEFAULT, conflict(pk.onConflict()),
                        pk.autoincrement(), pk.columns());
            } else if (tc instanceof TableConstraint.Unique) {
                TableConstraint.Unique u = (TableConstraint.Unique) tc;
                draft.unique(u.columns(), conflict(u.onConflict()), Index.ORIGIN_UNIQUE);
            } else if (tc instanceof TableConstraint.Check) {
                draft.check(tc.name(), ((TableConstraint.Check) tc).expr());
            }
        }
        draft.strict = ct.strict();
        return draft.finish(storedSql, rootPage);
    }

    /**
     * A declared type without the words {@code GENERATED ALWAYS} that the type token takes in from
     * {@code x INT GENERATED ALWAYS AS (...)}, as {@code sqlite3AddColumn} removes them: a type ending in
     * {@code ALWAYS} (16 characters at least) loses it, then a {@code GENERATED} before it.
     */
    static String withoutGeneratedAlways(String type) {
        int n = type.length();
        if (n < 16 || !type.regionMatches(true, n - 6, "always", 0, 6)) {
            return type;
        }
        n -= 6;
        while (n > 0 && isSpace(type.charAt(n - 1))) {
            n--;
        }
        if (n >= 9 && type.regionMatches(true, n - 9, "generated", 0, 9)) {
            n -= 9;
            while (n > 0 && isSpace(type.charAt(n - 1))) {
                n--;
            }
        }
        return type.substring(0, n);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /**
     * The index a CREATE INDEX describes on {@code table} (not yet added to it). Checks the column names;
     * names already taken are the caller's to check, as SQLite's message depends on IF NOT EXISTS.
     */
    public static Index index(Stmt.CreateIndex ci, Table table, String storedSql, int rootPage)
            throws SqliteException {
        int n = ci.columns().size();
        int[] columns = new int[n];
        Collation[] collations = new Collation[n];
        boolean[] desc = new boolean[n];
        Expr[] exprs = null;
        for (int k = 0; k < n; k++) {
            IndexedColumn ic = ci.columns().get(k);
            Expr e = ic.expr();
            Collation explicit = null;
            if (e instanceof Expr.Collate) {
                explicit = collation(((Expr.Collate) e).collation().text());
                e = ((Expr.Collate) e).operand();
            }
            Expr inner = e;
            while (inner instanceof Expr.Collate) {
                inner = ((Expr.Collate) inner).operand();
            }
            int c = IndexExprs.columnOf(inner, table);
            if (c == Index.EXPR) {
                if (exprs == null) {
                    exprs = new Expr[n];
                }
                exprs[k] = e;
                collations[k] = explicit != null ? explicit : Collation.BINARY;
            } else {
                collations[k] = explicit != null ? explicit : table.column(c).collation();
            }
            columns[k] = c;
            desc[k] = ic.order() == SortOrder.DESC;
        }
        return new Index(ci.name().name().text(), table, rootPage, storedSql, columns, collations, desc,
                ci.unique(), Index.ORIGIN_CREATE, Conflict.DEFAULT, exprs, ci.where());
    }

    /**
     * Adds to {@code schema} the object described by one row of {@code sqlite_schema}, as SQLite's
     * {@code sqlite3InitCallback} does: a table or index row with SQL is parsed and built; an index row
     * without SQL gives the root page of an automatic index its table's CREATE TABLE declared. Rows must
     * come in sqlite_schema order (a table before its automatic indexes). A row that cannot be understood is SQLITE_CORRUPT
     * {@code malformed database schema (name) - reason}.
     */
    public static void addRow(Schema schema, String type, String name, String tblName, int rootPage, String sql)
            throws SqliteException {
        try {
            if ("table".equals(type)) {
                Stmt st = parseOne(sql);
                if (!(st instanceof Stmt.CreateTable)) {
                    throw SqliteException.error("invalid table row");
                }
                schema.addTable(table((Stmt.CreateTable) st, sql, sql, rootPage));
            } else if ("view".equals(type)) {
                Stmt st = parseOne(sql);
                if (!(st instanceof Stmt.CreateView)) {
                    throw SqliteException.error("invalid view row");
                }
                schema.addView(view((Stmt.CreateView) st, sql));
            } else if ("trigger".equals(type)) {
                Stmt st = parseOne(sql);
                if (!(st instanceof Stmt.CreateTrigger)) {
                    throw SqliteException.error("invalid trigger row");
                }
                schema.addTrigger(trigger((Stmt.CreateTrigger) st, sql, schema.db() == 1));
            } else if ("index".equals(type)) {
                Table table = schema.findOwnTable(tblName);
                if (table == null) {
                    throw SqliteException.error("no such table: " + tblName);
                }
                if (sql == null) {
                    Index auto = null;
                    for (Index index : table.indexes()) {
                        if (Names.equal(index.name(), name)) {
                            auto = index;
                        }
                    }
                    if (auto == null) {
                        throw SqliteException.error("orphan index");
                    }
                    auto.setRootPage(rootPage);
                    schema.addIndex(auto);
                } else {
                    Stmt st = parseOne(sql);
                    if (!(st instanceof Stmt.CreateIndex)) {
                        throw SqliteException.error("invalid index row");
                    }
                    schema.addIndex(index((Stmt.CreateIndex) st, table, sql, rootPage));
                }
            }
        } catch (SqliteException e) {
            throw new SqliteException(dev.skerry.engine.ResultCode.SQLITE_CORRUPT,
                    "malformed database schema (" + name + ") - " + e.getMessage());
        }
    }

    /** The view a CREATE VIEW parsed from {@code sql} describes. */
    public static View view(Stmt.CreateView cv, String sql) {
        List<String> cols = new ArrayList<>();
        for (Name n : cv.columns()) {
            cols.add(n.text());
        }
        return new View(cv.name().name().text(), sql, cv.select(), cols);
    }

    /** The trigger a CREATE TRIGGER parsed from {@code sql} (the text its spans point into) describes. */
    public static Trigger trigger(Stmt.CreateTrigger ct, String sql, boolean temp) {
        List<String> cols = new ArrayList<>();
        for (Name n : ct.updateColumns()) {
            cols.add(n.text());
        }
        return new Trigger(ct.name().name().text(), ct.table().name().text(), sql, ct.time(), ct.event(), cols,
                ct.when(), ct.body(), temp);
    }

    /**
     * The text SQLite stores in {@code sqlite_schema.sql} for a CREATE TRIGGER parsed from {@code sql}: from
     * the trigger name (without its schema) to the {@code END}, after {@code CREATE TRIGGER }.
     */
    public static String triggerSql(Stmt.CreateTrigger ct, String sql) {
        return "CREATE TRIGGER " + sql.substring(ct.name().name().start(), ct.end());
    }

    /** The text SQLite stores in {@code sqlite_schema.sql} for a CREATE VIEW parsed from {@code sql}. */
    public static String viewSql(Stmt.CreateView cv, String sql) {
        return "CREATE VIEW " + sql.substring(cv.name().name().start(), cv.end());
    }

    private static Stmt parseOne(String sql) throws SqliteException {
        if (sql == null) {
            throw SqliteException.error("missing sql");
        }
        return Parser.parseFirst(sql).statement();
    }

    /** The collating sequence named {@code name}, or SQLite's error when there is none. */
    public static Collation collation(String name) throws SqliteException {
        Collation c = Collation.byName(name);
        if (c == null) {
            throw new SqliteException(dev.skerry.engine.ResultCode.SQLITE_ERROR,
                    "no such collation sequence: " + name);
        }
        return c;
    }

    /** The {@link Conflict} number of an ON CONFLICT / OR clause ({@link Conflict#DEFAULT} when absent). */
    public static int conflict(ConflictAlgorithm algorithm) {
        if (algorithm == null) {
            return Conflict.DEFAULT;
        }
        switch (algorithm) {
            case ROLLBACK: return Conflict.ROLLBACK;
            case ABORT: return Conflict.ABORT;
            case FAIL: return Conflict.FAIL;
            case IGNORE: return Conflict.IGNORE;
            default: return Conflict.REPLACE;
        }
    }

    /** The table being described: its columns' attributes and the automatic indexes so far. */
    private static final class Draft {
        final String tableName;
        final String[] names;
        final String[] types;
        final boolean[] notNull;
        final int[] notNullConflict;
        final Expr[] defaults;
        final Collation[] collations;
        final boolean[] primaryKey;
        final Expr[] generated;
        final int[] generatedKind;
        final List<Index> autoIndexes = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final String source;
        boolean hasPrimaryKey;
        int rowidAlias = -1;
        boolean autoincrement;
        int rowidConflict = Conflict.DEFAULT;
        boolean strict;
        boolean withoutRowid;

        Draft(String tableName, String[] names, String[] types, String source) {
            this.tableName = tableName;
            this.source = source;
            this.names = names;
            this.types = types;
            int n = names.length;
            notNull = new boolean[n];
            notNullConflict = new int[n];
            defaults = new Expr[n];
            collations = new Collation[n];
            primaryKey = new boolean[n];
            generated = new Expr[n];
            generatedKind = new int[n];
            for (int i = 0; i < n; i++) {
                collations[i] = Collation.BINARY;
            }
        }

        void columnConstraints(int i, List<ColumnConstraint> constraints) throws SqliteException {
            // COLLATE applies to the whole column whatever its position, as SQLite records it before indexes
            // are finished; look for it first so that automatic indexes get the column's collation.
            for (ColumnConstraint cc : constraints) {
                if (cc instanceof ColumnConstraint.Collate) {
                    collations[i] = collation(((ColumnConstraint.Collate) cc).collation().text());
                }
            }
            for (ColumnConstraint cc : constraints) {
                if (cc instanceof ColumnConstraint.NotNull) {
                    notNull[i] = true;
                    notNullConflict[i] = conflict(((ColumnConstraint.NotNull) cc).onConflict());
                } else if (cc instanceof ColumnConstraint.Default) {
                    if (generated[i] != null) {
                        throw SqliteException.error("cannot use DEFAULT on a generated column");
                    }
                    defaults[i] = ((ColumnConstraint.Default) cc).value();
                } else if (cc instanceof ColumnConstraint.PrimaryKey) {
                    ColumnConstraint.PrimaryKey pk = (ColumnConstraint.PrimaryKey) cc;
                    primaryKey(new int[] {i}, pk.order(), conflict(pk.onConflict()), pk.autoincrement(), null);
                } else if (cc instanceof ColumnConstraint.Unique) {
                    addAutoIndex(new int[] {i}, new Collation[] {collations[i]}, new boolean[1],
                            conflict(((ColumnConstraint.Unique) cc).onConflict()), Index.ORIGIN_UNIQUE);
                } else if (cc instanceof ColumnConstraint.Check) {
                    check(cc.name(), ((ColumnConstraint.Check) cc).expr());
                } else if (cc instanceof ColumnConstraint.Generated) {
                    if (defaults[i] != null || generated[i] != null) {
                        throw SqliteException.error("error in generated column \"" + names[i] + "\"");
                    }
                    ColumnConstraint.Generated g = (ColumnConstraint.Generated) cc;
                    generated[i] = g.expr();
                    generatedKind[i] = g.stored() ? Column.STORED : Column.VIRTUAL;
                    if (primaryKey[i]) {
                        throw SqliteException.error("generated columns cannot be part of the PRIMARY KEY");
                    }
                }
            }
        }

        void check(Name name, Expr expr) {
            checks.add(new CheckConstraint(expr, name != null ? name.text() : Names.dequote(expr.sourceText(source))));
        }

        /** Column numbers of a constraint's columns. */
        int[] keyColumns(List<IndexedColumn> columns) throws SqliteException {
            int[] out = new int[columns.size()];
            for (int k = 0; k < out.length; k++) {
                out[k] = column(columns.get(k).expr());
            }
            return out;
        }

        private int column(Expr e) throws SqliteException {
            if (e instanceof Expr.Collate) {
                e = ((Expr.Collate) e).operand();
            }
            if (!(e instanceof Expr.ColumnRef) || ((Expr.ColumnRef) e).table() != null) {
                throw SqliteException.error("expressions prohibited in PRIMARY KEY and UNIQUE constraints");
            }
            String name = ((Expr.ColumnRef) e).column().text();
            for (int i = 0; i < names.length; i++) {
                if (Names.equal(names[i], name)) {
                    return i;
                }
            }
            throw SqliteException.error("no such column: " + name);
        }

        /**
         * A PRIMARY KEY on {@code cols}: the rowid alias when SQLite's rule allows, else an automatic index.
         * {@code written} is the table constraint's column list (null for a column constraint).
         */
        void primaryKey(int[] cols, SortOrder columnOrder, int onConflict, boolean autoinc,
                List<IndexedColumn> written) throws SqliteException {
            if (hasPrimaryKey) {
                throw SqliteException.error("table \"" + tableName + "\" has more than one primary key");
            }
            hasPrimaryKey = true;
            for (int c : cols) {
                if (generated[c] != null) {
                    throw SqliteException.error("generated columns cannot be part of the PRIMARY KEY");
                }
                primaryKey[c] = true;
            }
            if (cols.length == 1 && Names.equal(types[cols[0]], "INTEGER") && columnOrder != SortOrder.DESC) {
                rowidAlias = cols[0];
                rowidConflict = onConflict;
                autoincrement = autoinc;
                return;
            }
            if (autoinc) {
                throw SqliteException.error("AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY");
            }
            if (written == null) {
                addAutoIndex(cols, new Collation[] {collations[cols[0]]},
                        new boolean[] {columnOrder == SortOrder.DESC}, onConflict, Index.ORIGIN_PRIMARY_KEY);
            } else {
                unique(written, onConflict, Index.ORIGIN_PRIMARY_KEY);
            }
        }

        void unique(List<IndexedColumn> written, int onConflict, char origin) throws SqliteException {
            int n = written.size();
            int[] cols = new int[n];
            Collation[] coll = new Collation[n];
            boolean[] desc = new boolean[n];
            for (int k = 0; k < n; k++) {
                IndexedColumn ic = written.get(k);
                cols[k] = column(ic.expr());
                coll[k] = ic.expr() instanceof Expr.Collate
                        ? collation(((Expr.Collate) ic.expr()).collation().text()) : collations[cols[k]];
                desc[k] = ic.order() == SortOrder.DESC;
            }
            addAutoIndex(cols, coll, desc, onConflict, origin);
        }

        private void addAutoIndex(int[] cols, Collation[] coll, boolean[] desc, int onConflict, char origin)
                throws SqliteException {
            for (int k = 0; k < autoIndexes.size(); k++) {
                Index existing = autoIndexes.get(k);
                if (existing.sameKey(cols, coll)) {
                    if (existing.conflict() != onConflict && existing.conflict() != Conflict.DEFAULT
                            && onConflict != Conflict.DEFAULT) {
                        throw SqliteException.error("conflicting ON CONFLICT clauses specified");
                    }
                    if (existing.conflict() == Conflict.DEFAULT && onConflict != Conflict.DEFAULT) {
                        autoIndexes.set(k, existing.withConflict(onConflict, origin));
                    } else if (origin == Index.ORIGIN_PRIMARY_KEY) {
                        autoIndexes.set(k, existing.withConflict(existing.conflict(), origin));
                    }
                    return;
                }
            }
            String name = "sqlite_autoindex_" + tableName + "_" + (autoIndexes.size() + 1);
            autoIndexes.add(new Index(name, null, 0, null, cols, coll, desc, true, origin, onConflict));
        }

        Table finish(String storedSql, int rootPage) throws SqliteException {
            int n = names.length;
            if (withoutRowid) {
                WithoutRowidTables.check(this.tableName, autoincrement, hasPrimaryKey);
                if (rowidAlias >= 0) {
                    // SQLite turns the INTEGER PRIMARY KEY into an index last (convertToWithoutRowidTable).
                    int c = rowidAlias;
                    rowidAlias = -1;
                    addAutoIndex(new int[] {c}, new Collation[] {collations[c]}, new boolean[1], rowidConflict,
                            Index.ORIGIN_PRIMARY_KEY);
                    rowidConflict = Conflict.DEFAULT;
                }
                for (int i = 0; i < n; i++) {
                    if (primaryKey[i] && !notNull[i]) {
                        notNull[i] = true;
                        notNullConflict[i] = Conflict.ABORT;
                    }
                }
            }
            Column[] columns = new Column[n];
            int nonGenerated = 0;
            for (int i = 0; i < n; i++) {
                char affinity = Affinity.fromDeclaredType(types[i]);
                if (strict) {
                    affinity = StrictTypes.affinity(tableName, names[i], types[i]);
                    if (primaryKey[i] && i != rowidAlias && !notNull[i]) {
                        notNull[i] = true;
                        notNullConflict[i] = Conflict.ABORT;
                    }
                }
                columns[i] = new Column(names[i], types[i], affinity, notNull[i], notNullConflict[i],
                        defaults[i], collations[i], primaryKey[i], generated[i], generatedKind[i]);
                if (generated[i] == null) {
                    nonGenerated++;
                }
            }
            if (nonGenerated == 0) {
                throw SqliteException.error("must have at least one non-generated column");
            }
            Table table = new Table(tableName, rootPage, storedSql, columns, rowidAlias, autoincrement,
                    rowidConflict, checks);
            table.setStrict(strict);
            Index pk = null;
            for (Index draftIndex : autoIndexes) {
                Index index = draftIndex.on(table);
                table.addIndex(index);
                if (withoutRowid && index.origin() == Index.ORIGIN_PRIMARY_KEY) {
                    pk = index;
                }
            }
            if (pk != null) {
                int at = table.indexes().indexOf(pk);
                table.removeIndex(pk);
                table.makeWithoutRowid(pk, table.indexes().size() - at);
            }
            return table;
        }
    }
}
