package dev.skerry.engine.translate;

import dev.skerry.engine.schema.Index;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.vdbe.Opcode;
import dev.skerry.engine.parser.ast.Expr;
import java.util.List;

/**
 * One item of a FROM clause (or the target of INSERT/UPDATE/DELETE) as expressions see it: a name to
 * qualify columns with, its columns (names, affinities, collations, declared types), and where the current
 * row's values are read from.
 *
 * <p>Where values come from changes while a statement is compiled, and the coder switches it explicitly:
 * <ul>
 *   <li>a cursor (the default): {@code Column cursor f} for the column's record field f, {@code Rowid cursor};
 *       for a table column that is the rowid alias, {@code Rowid}; a VIRTUAL generated column is computed
 *       ({@link GeneratedColumns#loadVirtual}); REAL columns get {@code RealAffinity};</li>
 *   <li>a covering index cursor ({@link #readFromIndex}): {@code Column indexCursor k} for key field k;</li>
 *   <li>registers ({@link #readFromRegisters}): for the rows of an aggregate query after the loop;</li>
 *   <li>fields of a record ({@link #readFromRecord}): the rows of a GROUP BY sorter read back.</li>
 * </ul>
 * A subquery in FROM is a source with no {@link #table}: it is materialized into an ephemeral table whose
 * column i is the subquery's result column i. A table-valued function's source reads its current row through
 * a pseudo-cursor; its rowid is its first column (as generate_series's is its value).
 */
final class Source {
    /** Column number meaning the rowid. */
    static final int ROWID = -1;

    final Table table;
    final String name;
    final String[] columnNames;
    final char[] affinities;
    final Collation[] collations;
    final String[] declaredTypes;
    final int cursor;
    /** True for the right-hand side of a LEFT JOIN: its columns may be NULL when no row matched. */
    boolean leftJoinInner;
    /**
     * True for the right-hand side of a RIGHT or FULL JOIN: its rows that no row of the left side matched
     * are produced once more with every source to its left on its null row ({@link RightJoins}).
     */
    boolean rightJoin;
    /** NOT INDEXED: the planner uses no index of this table (rowid seeks remain). */
    boolean notIndexed;
    /** OLD or NEW in a trigger program, an upsert's {@code excluded}: only a qualified name ({@code new.a}) refers to its columns. */
    boolean qualifiedOnly;
    /**
     * OLD or NEW in a trigger program: its columns other than the rowid take no affinity in comparisons
     * (SQLite's {@code TK_TRIGGER} expressions have none).
     */
    boolean triggerRow;
    /**
     * For a parenthesized join or table-valued function run as a subquery ({@link NestedJoins}): per column,
     * the FROM item inside the parentheses it comes from and its name there (qualified names such as
     * {@code b.y} reach it through them), whether {@code *} skips it (merged by a USING, or hidden), and
     * whether it is a function's hidden column ({@code t.*} skips it too); else null.
     */
    String[] nestedTables;
    String[] nestedColumns;
    boolean[] nestedNoExpand;
    boolean[] nestedHidden;
    /** INDEXED BY: the only index the planner may use, or null. */
    Index indexedBy;
    /** For a table-valued function: the function (its rows are read through the pseudo-cursor {@link #cursor}), else null. */
    final TableFunction function;
    /** The table-valued function's arguments, or null. */
    final List<Expr> functionArgs;

    /** The VIRTUAL columns being computed by {@link GeneratedColumns#loadVirtual} (a loop guard), or null. */
    boolean[] computing;

    private Index coveringIndex;
    private int indexCursor = -1;
    private int[] registers;
    private int rowidRegister;
    private int recordCursor = -1;
    private int[] recordFields;
    private int rowidField;

    Source(Table table, String name, int cursor) {
        this.table = table;
        this.name = name;
        this.cursor = cursor;
        this.function = null;
        this.functionArgs = null;
        int n = table.columnCount();
        columnNames = new String[n];
        affinities = new char[n];
        collations = new Collation[n];
        declaredTypes = new String[n];
        for (int i = 0; i < n; i++) {
            columnNames[i] = table.column(i).name();
            affinities[i] = table.column(i).affinity();
            collations[i] = table.column(i).collation();
            String t = table.column(i).declaredType();
            declaredTypes[i] = t.isEmpty() ? null : t;
        }
    }

    /** A subquery source whose rows are in the ephemeral table {@code cursor}. */
    Source(String name, String[] columnNames, char[] affinities, Collation[] collations, String[] declaredTypes,
            int cursor) {
        this(name, columnNames, affinities, collations, declaredTypes, cursor, null, null);
    }

    /** A table-valued function's source: its rows are read through the pseudo-cursor {@code cursor}. */
    Source(String name, TableFunction function, List<Expr> args, int cursor) {
        this(name, function.columns(), new char[function.columns().length], binary(function.columns().length),
                new String[function.columns().length], cursor, function, args);
        java.util.Arrays.fill(affinities, dev.skerry.engine.value.Affinity.BLOB);
    }

    private Source(String name, String[] columnNames, char[] affinities, Collation[] collations,
            String[] declaredTypes, int cursor, TableFunction function, List<Expr> args) {
        this.table = null;
        this.name = name;
        this.columnNames = columnNames;
        this.affinities = affinities;
        this.collations = collations;
        this.declaredTypes = declaredTypes;
        this.cursor = cursor;
        this.function = function;
        this.functionArgs = args;
    }

    private static Collation[] binary(int n) {
        Collation[] c = new Collation[n];
        java.util.Arrays.fill(c, Collation.BINARY);
        return c;
    }

    /** The columns {@code *} shows: all but a table-valued function's hidden ones. */
    int visibleColumns() {
        return function != null ? function.visibleColumns() : columnNames.length;
    }

    int columnCount() {
        return columnNames.length;
    }

    /** The column named {@code n} (ASCII case ignored), or -1. */
    int findColumn(String n) {
        for (int i = 0; i < columnNames.length; i++) {
            if (Names.equal(columnNames[i], n)) {
                return i;
            }
        }
        return -1;
    }

    /** True when {@code column} ({@link #ROWID} or a column number) is the rowid. */
    boolean isRowid(int column) {
        return column == ROWID || (table != null && column == table.rowidAlias());
    }

    /** Reads columns from key fields of {@code index} through {@code cursor} (a covering index), or stops when index is null. */
    void readFromIndex(Index index, int idxCursor) {
        coveringIndex = index;
        indexCursor = idxCursor;
    }

    /** Reads column i from register {@code regs[i]} and the rowid from {@code rowidReg}; null restores reading from the cursor. */
    void readFromRegisters(int[] regs, int rowidReg) {
        registers = regs;
        rowidRegister = rowidReg;
        recordCursor = -1;
    }

    /** In registers mode, reads column {@code column} from {@code reg} instead. */
    void readRegisterOverride(int column, int reg) {
        registers[column] = reg;
    }

    /**
     * Reads column i from field {@code fields[i]} of the record cursor {@code cursor} (a sorter's
     * pseudo-cursor) and the rowid from field {@code rowidField}; registers mode is left.
     */
    void readFromRecord(int cursor, int[] fields, int rowidField) {
        registers = null;
        recordCursor = cursor;
        recordFields = fields;
        this.rowidField = rowidField;
    }

    /** Emits the code that puts column {@code column} (or the rowid) of the current row into {@code target}. */
    void load(Parse p, int column, int target) throws dev.skerry.engine.SqliteException {
        if (table != null && column >= 0 && column != table.rowidAlias() && table.column(column).isVirtual()
                && registers == null && recordCursor < 0
                && (coveringIndex == null || coveringIndex.storedFieldOf(column) < 0)) {
            GeneratedColumns.loadVirtual(p, this, column, target);
            return;
        }
        loadField(p, column, target);
    }

    /** Emits the code that puts the rowid of the current row into {@code target}. */
    void loadRowid(Parse p, int target) {
        loadField(p, ROWID, target);
    }

    /** {@link #load} of the rowid or of a column that is not computed here. */
    private void loadField(Parse p, int column, int target) {
        if (function != null && column == ROWID && registers == null && recordCursor < 0) {
            p.v.addOp(Opcode.COLUMN, cursor, function.rowidColumn(), target);
            return;
        }
        if (registers != null) {
            int from = isRowid(column) ? rowidRegister : registers[column];
            p.v.addOp(Opcode.SCOPY, from, target);
            return;
        }
        if (recordCursor >= 0) {
            p.v.addOp(Opcode.COLUMN, recordCursor, isRowid(column) ? rowidField : recordFields[column], target);
            return;
        }
        if (coveringIndex != null) {
            int field = isRowid(column) ? coveringIndex.columnCount() : coveringIndex.storedFieldOf(column);
            if (isRowid(column)) {
                p.v.addOp(Opcode.IDX_ROWID, indexCursor, target);
            } else {
                p.v.addOp(Opcode.COLUMN, indexCursor, field, target);
            }
        } else if (isRowid(column)) {
            p.v.addOp(Opcode.ROWID, cursor, target);
            return;
        } else {
            p.v.addOp(Opcode.COLUMN, cursor, table != null ? table.storageField(column) : column, target,
                    table != null ? ColumnDefault.of(table.column(column)) : null);
        }
        if (!isRowid(column) && affinities[column] == 'E') {
            p.v.addOp(Opcode.REAL_AFFINITY, target);
        }
    }

    /**
     * The affinity of column {@code column} as an expression ('D' for the rowid and its alias). A trigger's
     * OLD.x and NEW.x of other columns have none (SQLite's {@code TK_TRIGGER} expressions take no column
     * affinity in comparisons).
     */
    char affinity(int column) {
        if (isRowid(column)) {
            return 'D';
        }
        return triggerRow ? dev.skerry.engine.value.Affinity.BLOB : affinities[column];
    }

    Collation collation(int column) {
        return isRowid(column) ? Collation.BINARY : collations[column];
    }
}
