package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;

/**
 * A table-valued function usable in FROM (SQLite's eponymous virtual tables such as {@code generate_series}):
 * a fixed list of columns, the last ones hidden, whose values the function's arguments constrain in order
 * (argument k is an equality on hidden column k).
 *
 * <p>Its rows are produced by bytecode that {@link FunctionScan} places in the nested loops: {@link #first}
 * emits the code that computes the first row (or jumps away when there is none), {@link #next} the code
 * that advances to the following one. A row is the registers {@code row .. row+columns-1} (and, for a function
 * whose {@link #rowidColumn} says so, its rowid in {@code row+columns}). A function may
 * narrow its rows by the loop's comparisons on its visible columns ({@link #bounds}); the comparisons it
 * takes are then not evaluated again, as SQLite omits the constraints a virtual table says it handles.
 */
interface TableFunction {
    /** The column names, visible ones first. */
    String[] columns();

    /** The number of visible columns; the others are hidden (not in {@code *}) and take the arguments. */
    int visibleColumns();

    /**
     * For a comparison {@code column op value} ({@code op} one of =, >, >=, <, <=) on visible column
     * {@code column}: the bound slot it fills (0 and up), or -1 when the function does not use it (by default,
     * a function uses none).
     */
    default int bounds(int column, dev.skerry.engine.parser.ast.Expr.BinaryOp op) {
        return -1;
    }

    /**
     * The register of the row holding the rowid: a column (generate_series: its value, column 0), or
     * {@code columns().length} for a function that computes its rowid into the register after its columns.
     */
    default int rowidColumn() {
        return 0;
    }

    /** The number of bound slots {@link #bounds} can return (by default none). */
    default int boundSlots() {
        return 0;
    }

    /**
     * Emits the scan's start. {@code args[k]} is the register holding hidden column k's constraint, or 0 when
     * there is none; {@code bounds[k]} the register of bound slot k, or 0; {@code boundOps} the comparison
     * of each slot. Leaves the first row in {@code row..}, or jumps to {@code empty}.
     */
    void first(Parse p, int[] args, int[] bounds, dev.skerry.engine.parser.ast.Expr.BinaryOp[] boundOps, int row,
            int empty) throws SqliteException;

    /** Emits the step to the next row (same registers as {@link #first}); jumps to {@code more} when there is one. */
    void next(Parse p, int[] args, int[] bounds, dev.skerry.engine.parser.ast.Expr.BinaryOp[] boundOps, int row,
            int more);

    /**
     * The function named {@code name} (ASCII case ignored), or null: {@code generate_series}, or a pragma's
     * {@code pragma_NAME} ({@link PragmaFunction}) for the statement compiled by {@code p}.
     */
    static TableFunction find(String name, Parse p) {
        if (dev.skerry.engine.schema.Names.equal(name, "generate_series")) {
            return new SeriesFunction();
        }
        if (dev.skerry.engine.schema.Names.equal(name, "json_each")) {
            return new JsonEachFunction(false);
        }
        if (dev.skerry.engine.schema.Names.equal(name, "json_tree")) {
            return new JsonEachFunction(true);
        }
        return PragmaFunction.find(name, p);
    }
}
