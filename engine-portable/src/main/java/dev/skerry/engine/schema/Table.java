package dev.skerry.engine.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * One table: a B-tree of rows keyed by rowid (or, for a WITHOUT ROWID table, by its PRIMARY KEY: see
 * {@link #primaryKey()}), its columns and its indexes.
 *
 * <p>{@code rowidAlias} is the number of the INTEGER PRIMARY KEY column (which holds the rowid and is
 * stored as NULL in the record), or -1. The indexes are kept in SQLite's order ({@code Table.pIndex}):
 * the most recently created first, except that indexes whose constraint is ON CONFLICT REPLACE come after
 * all others. That order is the order in which INSERT and UPDATE check UNIQUE constraints, so it decides
 * which constraint an error names. The columns are immutable; the index list changes as indexes are created
 * and dropped; the root page is 0 only while a CREATE TABLE that has not run is being compiled.
 *
 * <p>Record layout (SQLite's {@code sqlite3TableColumnToStorage}): the record holds every column that is not
 * a VIRTUAL generated column, in declaration order (a WITHOUT ROWID table's: the PRIMARY KEY columns first,
 * in key order, then the others); {@link #storageField} maps a column to its field, -1 for a VIRTUAL column. A STRICT table ({@link #strict}) checks the type of every value written.
 */
public final class Table {
    private final String name;
    private final String sql;
    private final Column[] columns;
    private final int rowidAlias;
    private final boolean autoincrement;
    private final int rowidConflict;
    private final List<CheckConstraint> checks;
    private final ArrayList<Index> indexes = new ArrayList<>();
    private int rootPage;
    private final int[] storage;
    private final int storedCount;
    private boolean strict;
    /** The database holding the table's b-tree: 0 main, 1 temp (set when it joins a schema). */
    private int db;
    private int statRowLogEst = -1;
    /** The PRIMARY KEY of a WITHOUT ROWID table (its b-tree is the table's), else null. */
    private Index primaryKey;
    /** For a WITHOUT ROWID table: how many of the indexes follow the PRIMARY KEY in SQLite's order. */
    private int pkTrailing;

    public Table(String name, int rootPage, String sql, Column[] columns, int rowidAlias, boolean autoincrement,
            int rowidConflict, List<CheckConstraint> checks) {
        this.name = name;
        this.rootPage = rootPage;
        this.sql = sql;
        this.columns = columns;
        this.rowidAlias = rowidAlias;
        this.autoincrement = autoincrement;
        this.rowidConflict = rowidConflict;
        this.checks = checks;
        storage = new int[columns.length];
        int n = 0;
        for (int i = 0; i < columns.length; i++) {
            storage[i] = columns[i].isVirtual() ? -1 : n++;
        }
        storedCount = n;
    }

    /**
     * Makes this a WITHOUT ROWID table whose rows are the entries of {@code pk}'s b-tree: the record holds
     * the PRIMARY KEY columns first, in key order, then the other stored columns in declaration order
     * (SQLite's {@code convertToWithoutRowidTable}). {@code trailing} is the number of indexes after the
     * PRIMARY KEY in SQLite's index order (see {@link #pkTrailing}).
     */
    void makeWithoutRowid(Index pk, int trailing) {
        primaryKey = pk;
        pkTrailing = trailing;
        pk.setRootPage(rootPage);
        java.util.Arrays.fill(storage, -1);
        int n = 0;
        for (int k = 0; k < pk.columnCount(); k++) {
            if (storage[pk.column(k)] < 0) {
                storage[pk.column(k)] = n++;
            }
        }
        for (int i = 0; i < columns.length; i++) {
            if (storage[i] < 0 && !columns[i].isVirtual()) {
                storage[i] = n++;
            }
        }
    }

    /** True for a WITHOUT ROWID table. */
    public boolean withoutRowid() {
        return primaryKey != null;
    }

    /**
     * The PRIMARY KEY of a WITHOUT ROWID table, or null: an index whose root page is the table's, which is
     * not in {@link #indexes()} (its entries are the rows themselves), and named as SQLite names it.
     */
    public Index primaryKey() {
        return primaryKey;
    }

    /**
     * For a WITHOUT ROWID table, how many of {@link #indexes()} come after the PRIMARY KEY in SQLite's
     * index order, the order in which INSERT checks uniqueness (the PRIMARY KEY, not in that list, is
     * checked between them).
     */
    public int pkTrailing() {
        return pkTrailing;
    }

    /** The record field holding column {@code i}, or -1 when it is a VIRTUAL generated column. */
    public int storageField(int i) {
        return storage[i];
    }

    /** The number of fields of a full record: the columns that are not VIRTUAL. */
    public int storedColumnCount() {
        return storedCount;
    }

    /** True when some column is VIRTUAL (the record then differs from the column list). */
    public boolean hasVirtual() {
        return storedCount != columns.length;
    }

    /** True when some column is generated. */
    public boolean hasGenerated() {
        for (Column c : columns) {
            if (c.isGenerated()) {
                return true;
            }
        }
        return false;
    }

    /** True for a STRICT table. */
    public boolean strict() {
        return strict;
    }

    void setStrict(boolean strict) {
        this.strict = strict;
    }

    public String name() {
        return name;
    }

    public int rootPage() {
        return rootPage;
    }

    /** The database holding the table and its indexes: 0 main, 1 temp. */
    public int db() {
        return db;
    }

    void setDb(int db) {
        this.db = db;
    }

    void setRootPage(int rootPage) {
        this.rootPage = rootPage;
        if (primaryKey != null) {
            primaryKey.setRootPage(rootPage);
        }
    }

    /** The CREATE TABLE text as stored in sqlite_schema. */
    public String sql() {
        return sql;
    }

    public int columnCount() {
        return columns.length;
    }

    public Column column(int i) {
        return columns[i];
    }

    /** The INTEGER PRIMARY KEY column's number, or -1 when the table has none. */
    public int rowidAlias() {
        return rowidAlias;
    }

    public boolean autoincrement() {
        return autoincrement;
    }

    /** The INTEGER PRIMARY KEY's ON CONFLICT action ({@link Conflict}), {@link Conflict#DEFAULT} when none. */
    public int rowidConflict() {
        return rowidConflict;
    }

    /** The CHECK constraints, column constraints first (column by column), then table constraints. */
    public List<CheckConstraint> checks() {
        return checks;
    }

    /** The number of the column named {@code name} (ASCII case ignored), or -1. */
    public int findColumn(String name) {
        for (int i = 0; i < columns.length; i++) {
            if (Names.equal(columns[i].name(), name)) {
                return i;
            }
        }
        return -1;
    }

    /** The indexes in SQLite's order (see the class comment). */
    public List<Index> indexes() {
        return indexes;
    }

    /** Adds {@code index} where SQLite would: first, or before the first REPLACE index when it is not one. */
    void addIndex(Index index) {
        if (index.conflict() != Conflict.REPLACE || indexes.isEmpty()
                || indexes.get(0).conflict() == Conflict.REPLACE) {
            indexes.add(0, index);
            return;
        }
        int at = 0;
        while (at < indexes.size() && indexes.get(at).conflict() != Conflict.REPLACE) {
            at++;
        }
        indexes.add(at, index);
    }

    void removeIndex(Index index) {
        indexes.remove(index);
    }

    /**
     * The table's row count from {@code sqlite_stat1} as a {@code LogEst} (SQLite's {@code nRowLogEst}),
     * or -1 when the table has no statistics (the planner then assumes SQLite's default of a million rows).
     */
    public int statRowLogEst() {
        return statRowLogEst;
    }

    /** Sets (or clears, with -1) the row count read from {@code sqlite_stat1}; see {@link Stat1}. */
    void setStatRowLogEst(int logEst) {
        statRowLogEst = logEst;
    }
}
