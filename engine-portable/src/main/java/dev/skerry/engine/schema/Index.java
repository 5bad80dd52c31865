package dev.skerry.engine.schema;

import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.value.Collation;

/**
 * One index of a table: a B-tree whose keys are the indexed columns followed by the rowid (for an index of a
 * WITHOUT ROWID table, by the PRIMARY KEY columns the key lacks: {@link #pkSuffix}). The PRIMARY KEY of a
 * WITHOUT ROWID table is an index whose b-tree is the table's ({@link Table#primaryKey()}).
 *
 * <p>{@code columns[k]} is the table column number of the k-th key field, with its collating sequence
 * {@code collations[k]} and sort order {@code desc[k]}; the key's last field (number
 * {@code columns.length}) is always the rowid. An automatic index (one SQLite creates for a PRIMARY KEY or
 * UNIQUE constraint, named {@code sqlite_autoindex_<table>_<n>}) has a null {@code sql}, as its
 * {@code sqlite_schema} row does. {@code rootPage} is the index B-tree's root page; it is 0 only while an
 * index is being described by a CREATE statement that has not run yet. Everything but the root page is
 * immutable.
 *
 * <p>A key field may be an expression of the table's columns (an index on expressions): then
 * {@code columns[k]} is {@link #EXPR} and {@code exprs[k]} the expression, written in terms of the table's
 * column names only. A partial index has a {@code where} condition: only the rows for which it is true have
 * an entry (SQLite's {@code pPartIdxWhere}); UNIQUE is enforced among those rows only.
 */
public final class Index {
    /** Created by CREATE INDEX. */
    public static final char ORIGIN_CREATE = 'c';
    /** Created for a UNIQUE constraint. */
    public static final char ORIGIN_UNIQUE = 'u';
    /** Created for a PRIMARY KEY constraint (one that does not make the rowid alias). */
    public static final char ORIGIN_PRIMARY_KEY = 'p';
    /** The column number of a key field that is an expression (SQLite's {@code XN_EXPR}). */
    public static final int EXPR = -2;

    private final String name;
    private final Table table;
    private final String sql;
    private final int[] columns;
    private final Collation[] collations;
    private final boolean[] desc;
    private final boolean unique;
    private final char origin;
    private final int conflict;
    private final Expr[] exprs;
    private final Expr where;
    private int rootPage;
    private int[] statRowLogEst;
    private int[] pkSuffix;
    private boolean statUnordered;
    private boolean statFromStat1;

    public Index(String name, Table table, int rootPage, String sql, int[] columns, Collation[] collations,
            boolean[] desc, boolean unique, char origin, int conflict) {
        this(name, table, rootPage, sql, columns, collations, desc, unique, origin, conflict, null, null);
    }

    /**
     * An index whose key field k is the expression {@code exprs[k]} where {@code columns[k]} is {@link #EXPR}
     * ({@code exprs} null when every field is a column), holding only the rows where {@code where} is true
     * ({@code where} null: every row).
     */
    public Index(String name, Table table, int rootPage, String sql, int[] columns, Collation[] collations,
            boolean[] desc, boolean unique, char origin, int conflict, Expr[] exprs, Expr where) {
        this.exprs = exprs;
        this.where = where;
        this.name = name;
        this.table = table;
        this.rootPage = rootPage;
        this.sql = sql;
        this.columns = columns;
        this.collations = collations;
        this.desc = desc;
        this.unique = unique;
        this.origin = origin;
        this.conflict = conflict;
    }

    public String name() {
        return name;
    }

    public Table table() {
        return table;
    }

    public int rootPage() {
        return rootPage;
    }

    void setRootPage(int rootPage) {
        this.rootPage = rootPage;
    }

    /** The CREATE INDEX text, or null for an automatic index. */
    public String sql() {
        return sql;
    }

    /** Number of indexed columns (the key has one more field: the rowid). */
    public int columnCount() {
        return columns.length;
    }

    /** Table column number of key field {@code k}, or {@link #EXPR} when the field is an expression. */
    public int column(int k) {
        return columns[k];
    }

    /** The expression of key field {@code k}, or null when the field is a column. */
    public Expr expr(int k) {
        return exprs == null ? null : exprs[k];
    }

    /** True when some key field is an expression. */
    public boolean hasExpressions() {
        return exprs != null;
    }

    /** The partial index's WHERE condition, or null when every row has an entry. */
    public Expr where() {
        return where;
    }

    public Collation collation(int k) {
        return collations[k];
    }

    public boolean desc(int k) {
        return desc[k];
    }

    public boolean unique() {
        return unique;
    }

    /** {@link #ORIGIN_CREATE}, {@link #ORIGIN_UNIQUE} or {@link #ORIGIN_PRIMARY_KEY}. */
    public char origin() {
        return origin;
    }

    /** The constraint's ON CONFLICT action ({@link Conflict}); {@link Conflict#DEFAULT} when none. */
    public int conflict() {
        return conflict;
    }

    /** The key field holding table column {@code column}, or -1 when the index does not hold it. */
    public int fieldOf(int column) {
        for (int k = 0; k < columns.length; k++) {
            if (columns[k] == column) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The entry field holding table column {@code column}, or -1: a key field, or for an index of a WITHOUT
     * ROWID table one of the PRIMARY KEY columns its entries carry after the key (see {@link #pkSuffix}).
     */
    public int storedFieldOf(int column) {
        int k = fieldOf(column);
        if (k >= 0 || table == null || !table.withoutRowid() || table.primaryKey() == this) {
            return k;
        }
        int[] suffix = pkSuffix();
        for (int j = 0; j < suffix.length; j++) {
            if (table.primaryKey().column(suffix[j]) == column) {
                return columns.length + j;
            }
        }
        return -1;
    }

    /**
     * For an index of a WITHOUT ROWID table other than its PRIMARY KEY: the PRIMARY KEY fields (their
     * numbers in the PRIMARY KEY) that follow the key fields in each entry, in key order, where a rowid table's
     * index has the rowid. A PRIMARY KEY column that is already a key field with the same collation is not
     * repeated (SQLite's {@code isDupColumn}). Empty for other indexes.
     */
    public int[] pkSuffix() {
        if (pkSuffix != null) {
            return pkSuffix;
        }
        if (table == null || !table.withoutRowid() || table.primaryKey() == this) {
            return new int[0];
        }
        Index pk = table.primaryKey();
        int[] out = new int[pk.columnCount()];
        int n = 0;
        for (int j = 0; j < pk.columnCount(); j++) {
            boolean dup = false;
            for (int k = 0; k < columns.length; k++) {
                if (columns[k] == pk.column(j) && collations[k] == pk.collation(j)) {
                    dup = true;
                }
            }
            if (!dup) {
                out[n++] = j;
            }
        }
        pkSuffix = java.util.Arrays.copyOf(out, n);
        return pkSuffix;
    }

    /** A copy with another ON CONFLICT action and origin (a later constraint merged into this index). */
    Index withConflict(int newConflict, char newOrigin) {
        return new Index(name, table, rootPage, sql, columns, collations, desc, unique, newOrigin, newConflict,
                exprs, where);
    }

    /** A copy that belongs to {@code newTable} (automatic indexes are described before their table exists). */
    Index on(Table newTable) {
        return new Index(name, newTable, rootPage, sql, columns, collations, desc, unique, origin, conflict, exprs,
                where);
    }

    /** True when the key fields are the same columns with the same collations as {@code other}'s. */
    boolean sameKey(int[] otherColumns, Collation[] otherCollations) {
        if (otherColumns.length != columns.length) {
            return false;
        }
        for (int k = 0; k < columns.length; k++) {
            if (columns[k] != otherColumns[k] || collations[k] != otherCollations[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * SQLite's {@code aiRowLogEst} as {@code LogEst}s: [0] the rows of the index, [k] the average rows with
     * the same first k columns; from {@code sqlite_stat1}, or SQLite's defaults when the table has statistics
     * but this index has none; null when the table has no statistics (the planner's defaults apply).
     */
    public int[] statRowLogEst() {
        return statRowLogEst;
    }

    /** True when the stat row says {@code unordered}: the index serves equalities only. */
    public boolean statUnordered() {
        return statUnordered;
    }

    /** True when {@link #statRowLogEst()} comes from a {@code sqlite_stat1} row (SQLite's {@code hasStat1}). */
    public boolean statFromStat1() {
        return statFromStat1;
    }

    /** Sets (or clears, with null) the statistics; see {@link Stat1}. */
    void setStat(int[] rowLogEst, boolean unordered, boolean fromStat1) {
        statRowLogEst = rowLogEst;
        statUnordered = unordered;
        statFromStat1 = fromStat1;
    }
}
