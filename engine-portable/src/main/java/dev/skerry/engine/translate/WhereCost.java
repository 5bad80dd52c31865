package dev.skerry.engine.translate;

import dev.skerry.engine.schema.Index;
import dev.skerry.engine.schema.Table;

/**
 * SQLite's planner estimates without statistics ({@code sqlite3DefaultRowEst}, {@code whereLoopAddBtree},
 * {@code whereRangeAdjust}, {@code whereLoopOutputAdjust}), in plain numbers instead of SQLite's
 * logarithmic {@code LogEst}, so that the choices come out as SQLite's in the common cases.
 *
 * <p>A table is taken to hold about a million rows ({@link #TABLE_ROWS}, SQLite's {@code nRowLogEst} of 200).
 * An equality on the first column of an index matches 10 rows, on the first two 9, then 8, 7, 6 and 5 for
 * each further column; all the columns of a UNIQUE index, one row. Each range bound keeps a quarter of the
 * rows, both bounds together 1/64, never fewer than 2. A full scan costs three times the row count (rows
 * are wide), a covering index scan less in proportion to the index's width, an index seek the logarithm of
 * the table for the descent plus the rows it visits, plus three per row when the table itself must be read.
 * An automatic index costs {@code 7·N·log N} once and yields 20 rows per seek.
 *
 * <p>On a table with statistics from {@code sqlite_stat1} (see {@code schema.Stat1}), the row count is the
 * table's (its {@code LogEst} turned back into a number, as SQLite's estimates are), a descent costs the
 * logarithm of that count (at least 1), and an equality on the first k columns of an index matches the
 * index's k-th average; the other rules stay.
 */
final class WhereCost {
    /** The row count assumed for a table (SQLite: LogEst 200, about 2^20). */
    static final double TABLE_ROWS = 1_048_576;
    /** Rows a seek of an automatic index is taken to yield (SQLite: LogEst 43). */
    static final double AUTO_INDEX_ROWS = 20;
    private static final double[] ROWS_PER_KEY = {10, 9, 8, 7, 6};

    private WhereCost() {
    }

    /** The rows of {@code t}: from its statistics, else {@link #TABLE_ROWS} (also for a subquery, null). */
    static double tableRows(Table t) {
        return t == null || t.statRowLogEst() < 0 ? TABLE_ROWS : fromLogEst(t.statRowLogEst());
    }

    /** The cost of one descent of a b-tree of {@code rows} (SQLite's {@code estLog}). */
    static double seek(double rows) {
        return rows <= 2 ? 1 : Math.log(rows) / Math.log(2);
    }

    /** The number a {@code LogEst} stands for: {@code 2^(x/10)}. */
    static double fromLogEst(int x) {
        return Math.pow(2, x / 10.0);
    }

    /** Rows matching equalities on the first {@code nEq} columns of {@code index} on a table of {@code tableRows}. */
    static double rowsForEqualities(Index index, int nEq, double tableRows) {
        int[] stat = index.statRowLogEst();
        if (stat != null) {
            return fromLogEst(stat[Math.min(nEq, stat.length - 1)]);
        }
        return nEq == 0 ? tableRows : rowsForEqualities(nEq, index.columnCount(), index.unique());
    }

    /** Rows matching equalities on the first {@code nEq} columns of an index of {@code nColumns}. */
    static double rowsForEqualities(int nEq, int nColumns, boolean unique) {
        if (nEq == 0) {
            return TABLE_ROWS;
        }
        if (unique && nEq == nColumns) {
            return 1;
        }
        return nEq <= ROWS_PER_KEY.length ? ROWS_PER_KEY[nEq - 1] : 5;
    }

    /**
     * {@code rows} narrowed by a range with the given bounds: a quarter per bound but not below 2, and never
     * more than the rows less a little per bound (SQLite's {@code whereRangeScanEst} without STAT4).
     */
    static double range(double rows, boolean lower, boolean upper) {
        if (!lower && !upper) {
            return rows;
        }
        double r = rows / (lower && upper ? 64 : 4);
        double cap = lower && upper ? rows * residualFactor() * residualFactor() : rows * residualFactor();
        return Math.min(cap, Math.max(r, 2));
    }

    /** The cost of a full scan of a table of {@code rows}. */
    static double fullScan(double rows) {
        return 3 * rows;
    }

    /**
     * The cost of reading {@code rows} consecutive entries of an index whose rows are {@code widthRatio}
     * as wide as the table's (SQLite: {@code nOut + 1 + 15·szIdxRow/szTabRow} in LogEst).
     */
    static double indexRows(double rows, double widthRatio) {
        return rows * Math.pow(2, (1 + 15 * widthRatio) / 10);
    }

    /** The cost of looking up {@code rows} table rows by rowid after an index seek. */
    static double tableLookups(double rows) {
        return 3 * rows;
    }

    /** The one-time cost of building an automatic index on a table of {@code rows} (SQLite: {@code rSetup}). */
    static double autoIndexSetup(double rows) {
        return 7 * rows * seek(rows);
    }

    /** The factor by which a WHERE term that the access path does not use reduces the rows (LogEst -1). */
    static double residualFactor() {
        return 0.933;
    }
}
