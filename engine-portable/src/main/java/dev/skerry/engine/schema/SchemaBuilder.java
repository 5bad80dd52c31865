package dev.skerry.engine.schema;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.ColumnConstraint;
import dev.skerry.engine.parser.ast.ColumnDef;
import dev.skerry.engine.parser.ast.ConflictAlgorithm;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.IndexedColumn;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.SortOrder;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.parser.ast.TableConstraint;
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
 * in one constraint counts once.
 *
 * <p>Not supported (an error rather than a silent difference): WITHOUT ROWID, TEMP, generated columns,
 * expression and partial indexes, STRICT tables.
 */
public final class SchemaBuilder {
    private SchemaBuilder() {
    }

    /** The text SQLite stores in {@code sqlite_schema.sql} for a CREATE TABLE parsed from {@code sql}. */
    public static String tableSql(Stmt.CreateTable ct, String sql) {
        return "CREATE TABLE " + sql.substring(ct.name().name().start(), ct.end());
    }

    /** The text SQLite stores in {@code sqlite_schema.sql} for a CREATE INDEX parsed from {@code sql}. */
    public static String indexSql(Stmt.CreateIndex ci, String sql) {
        return (ci.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ")
                + sql.substring(ci.name().name().start(), ci.end());
    }

    /**
     * The table a CREATE TABLE describes, with its automatic indexes in its index list (root pages 0, not yet
     * in any schema). {@code storedSql} is the text for sqlite_schema; {@code rootPage} may be 0 while the
     * statement is being compiled.
     */
    public static Table table(Stmt.CreateTable ct, String storedSql, int rootPage) throws SqliteException {
        String tableName = ct.name().name().text();
        if (ct.asSelect() != null) {
            throw SqliteException.error("CREATE TABLE ... AS SELECT is not supported");
        }
        if (ct.withoutRowid()) {
            throw SqliteException.error("WITHOUT ROWID tables are not supported");
        }
        if (ct.strict()) {
            throw SqliteException.error("STRICT tables are not supported");
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
            types[i] = def.type() == null ? "" : def.type().text();
        }
        Draft draft = new Draft(tableName, names, types);
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
            }
        }
        return draft.finish(storedSql, rootPage);
    }

    /**
     * The index a CREATE INDEX describes on {@code table} (not yet added to it). Checks the column names;
     * names already taken are the caller's to check, as SQLite's message depends on IF NOT EXISTS.
     */
    public static Index index(Stmt.CreateIndex ci, Table table, String storedSql, int rootPage)
            throws SqliteException {
        if (ci.where() != null) {
            throw SqliteException.error("partial indexes are not supported");
        }
        int n = ci.columns().size();
        int[] columns = new int[n];
        Collation[] collations = new Collation[n];
        boolean[] desc = new boolean[n];
        for (int k = 0; k < n; k++) {
            IndexedColumn ic = ci.columns().get(k);
            Expr e = ic.expr();
            Collation explicit = null;
            if (e instanceof Expr.Collate) {
                explicit = collation(((Expr.Collate) e).collation().text());
                e = ((Expr.Collate) e).operand();
            }
            if (!(e instanceof Expr.ColumnRef) || ((Expr.ColumnRef) e).table() != null) {
                throw SqliteException.error("indexes on expressions are not supported");
            }
            String name = ((Expr.ColumnRef) e).column().text();
            int c = table.findColumn(name);
            if (c < 0) {
                throw SqliteException.error("no such column: " + name);
            }
            columns[k] = c;
            collations[k] = explicit != null ? explicit : table.column(c).collation();
            desc[k] = ic.order() == SortOrder.DESC;
        }
        return new Index(ci.name().name().text(), table, rootPage, storedSql, columns, collations, desc,
                ci.unique(), Index.ORIGIN_CREATE, Conflict.DEFAULT);
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

    /**
     * SQLite's affinity of a declared type (datatype3.html, section 3.1): INT → INTEGER; CHAR, CLOB, TEXT →
     * TEXT; BLOB or no type → BLOB; REAL, FLOA, DOUB → REAL; otherwise NUMERIC. Returns the affinity letter.
     */
    public static char affinity(String declaredType) {
        String t = Names.key(declaredType);
        if (t.contains("int")) {
            return 'D';
        }
        if (t.contains("char") || t.contains("clob") || t.contains("text")) {
            return 'B';
        }
        if (t.isEmpty() || t.contains("blob")) {
            return 'A';
        }
        if (t.contains("real") || t.contains("floa") || t.contains("doub")) {
            return 'E';
        }
        return 'C';
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
        final List<Index> autoIndexes = new ArrayList<>();
        boolean hasPrimaryKey;
        int rowidAlias = -1;
        boolean autoincrement;
        int rowidConflict = Conflict.DEFAULT;

        Draft(String tableName, String[] names, String[] types) {
            this.tableName = tableName;
            this.names = names;
            this.types = types;
            int n = names.length;
            notNull = new boolean[n];
            notNullConflict = new int[n];
            defaults = new Expr[n];
            collations = new Collation[n];
            primaryKey = new boolean[n];
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
                    defaults[i] = ((ColumnConstraint.Default) cc).value();
                } else if (cc instanceof ColumnConstraint.PrimaryKey) {
                    ColumnConstraint.PrimaryKey pk = (ColumnConstraint.PrimaryKey) cc;
                    primaryKey(new int[] {i}, pk.order(), conflict(pk.onConflict()), pk.autoincrement(), null);
                } else if (cc instanceof ColumnConstraint.Unique) {
                    addAutoIndex(new int[] {i}, new Collation[] {collations[i]}, new boolean[1],
                            conflict(((ColumnConstraint.Unique) cc).onConflict()), Index.ORIGIN_UNIQUE);
                } else if (cc instanceof ColumnConstraint.Generated) {
                    throw SqliteException.error("generated columns are not supported");
                }
            }
        }

        /** Column numbers of a constraint's columns, each counted once. */
        int[] keyColumns(List<IndexedColumn> columns) throws SqliteException {
            int[] out = new int[columns.size()];
            int n = 0;
            for (IndexedColumn ic : columns) {
                int c = column(ic.expr());
                boolean seen = false;
                for (int k = 0; k < n; k++) {
                    seen |= out[k] == c;
                }
                if (!seen) {
                    out[n++] = c;
                }
            }
            int[] exact = new int[n];
            System.arraycopy(out, 0, exact, 0, n);
            return exact;
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
            int[] cols = new int[written.size()];
            Collation[] coll = new Collation[written.size()];
            boolean[] desc = new boolean[written.size()];
            int n = 0;
            for (IndexedColumn ic : written) {
                int c = column(ic.expr());
                boolean seen = false;
                for (int k = 0; k < n; k++) {
                    seen |= cols[k] == c;
                }
                if (seen) {
                    continue;
                }
                cols[n] = c;
                coll[n] = ic.expr() instanceof Expr.Collate
                        ? collation(((Expr.Collate) ic.expr()).collation().text()) : collations[c];
                desc[n] = ic.order() == SortOrder.DESC;
                n++;
            }
            int[] c2 = new int[n];
            Collation[] coll2 = new Collation[n];
            boolean[] desc2 = new boolean[n];
            System.arraycopy(cols, 0, c2, 0, n);
            System.arraycopy(coll, 0, coll2, 0, n);
            System.arraycopy(desc, 0, desc2, 0, n);
            addAutoIndex(c2, coll2, desc2, onConflict, origin);
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

        Table finish(String storedSql, int rootPage) {
            int n = names.length;
            Column[] columns = new Column[n];
            for (int i = 0; i < n; i++) {
                columns[i] = new Column(names[i], types[i], affinity(types[i]), notNull[i], notNullConflict[i],
                        defaults[i], collations[i], primaryKey[i]);
            }
            Table table = new Table(tableName, rootPage, storedSql, columns, rowidAlias, autoincrement,
                    rowidConflict);
            for (Index draftIndex : autoIndexes) {
                table.addIndex(draftIndex.on(table));
            }
            return table;
        }
    }
}
