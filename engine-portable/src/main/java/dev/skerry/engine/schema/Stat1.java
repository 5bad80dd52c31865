package dev.skerry.engine.schema;

import java.util.List;

/**
 * Gives the tables and indexes of a schema the statistics of its {@code sqlite_stat1} rows, as SQLite's
 * {@code sqlite3AnalysisLoad}/{@code analysisLoader}/{@code decodeIntArray} do (without STAT4).
 *
 * <p>A row {@code (tbl, idx, stat)} is ignored when {@code tbl} or {@code stat} is NULL or names no table.
 * {@code stat} is a list of integers separated by single spaces: for an index, the rows of the index then,
 * for each k, the average number of rows with equal first k columns; each is kept as a {@code LogEst}. A
 * number that is not digits counts as 0 and ends nothing (the rest is read as SQLite reads it). After the
 * numbers, the keywords {@code unordered} (the index serves only equalities) and {@code sz=N} and
 * {@code noskipscan} (read and not used: Skerry estimates row widths from the column counts and does no
 * skip-scan) may follow. A row whose {@code idx} is NULL or names no index gives the table's row count;
 * an index row of an index that is not partial gives it too. An index with no row on a table that has
 * statistics takes SQLite's defaults ({@code sqlite3DefaultRowEst}), the table being taken to hold at
 * least 1,000 rows then; on a table with no statistics, indexes keep no statistics (the planner's
 * defaults are SQLite's).
 */
public final class Stat1 {
    private static final int[] DEFAULT_EQ = {33, 32, 30, 28, 26};

    private Stat1() {
    }

    /** Replaces the statistics of {@code schema}'s tables and indexes by those of {@code rows} (tbl, idx, stat). */
    public static void apply(Schema schema, List<String[]> rows) {
        for (Table t : schema.tables()) {
            t.setStatRowLogEst(-1);
            for (Index index : withPrimaryKey(t)) {
                index.setStat(null, false, false);
            }
        }
        for (String[] row : rows) {
            load(schema, row[0], row[1], row[2]);
        }
        for (Table t : schema.tables()) {
            if (t.statRowLogEst() < 0) {
                continue;
            }
            for (Index index : withPrimaryKey(t)) {
                if (!index.statFromStat1()) {
                    if (t.statRowLogEst() < 99) {
                        t.setStatRowLogEst(99);
                    }
                    index.setStat(defaults(index, t.statRowLogEst()), false, false);
                }
            }
        }
    }

    private static void load(Schema schema, String tbl, String idx, String stat) {
        if (tbl == null || stat == null) {
            return;
        }
        Table t = schema.findOwnTable(tbl);
        if (t == null) {
            return;
        }
        Index index = null;
        if (idx != null) {
            index = Names.equal(tbl, idx) ? primaryKey(t) : schema.findOwnIndex(idx);
        }
        if (index == null) {
            int[] one = {t.statRowLogEst() < 0 ? 200 : t.statRowLogEst()};
            decode(stat, one);
            t.setStatRowLogEst(one[0]);
            return;
        }
        int[] a = index.statRowLogEst() != null ? index.statRowLogEst().clone() : defaults(index, 200);
        boolean unordered = decode(stat, a);
        index.setStat(a, unordered, true);
        if (index.where() == null) {
            t.setStatRowLogEst(a[0]);
        }
    }

    /** The table's indexes and a WITHOUT ROWID table's PRIMARY KEY. */
    private static List<Index> withPrimaryKey(Table t) {
        if (t.primaryKey() == null) {
            return t.indexes();
        }
        List<Index> all = new java.util.ArrayList<>(t.indexes());
        all.add(t.primaryKey());
        return all;
    }

    private static Index primaryKey(Table t) {
        if (t.primaryKey() != null) {
            return t.primaryKey();
        }
        for (Index index : t.indexes()) {
            if (index.origin() == Index.ORIGIN_PRIMARY_KEY) {
                return index;
            }
        }
        return null;
    }

    /** SQLite's {@code sqlite3DefaultRowEst} for a table of {@code tableLogEst} rows. */
    private static int[] defaults(Index index, int tableLogEst) {
        int n = index.columnCount();
        int[] a = new int[n + 1];
        a[0] = index.where() != null ? tableLogEst - 10 : tableLogEst;
        for (int i = 1; i <= n; i++) {
            a[i] = i <= DEFAULT_EQ.length ? DEFAULT_EQ[i - 1] : 23;
        }
        if (index.unique()) {
            a[n] = 0;
        }
        return a;
    }

    /** Reads the numbers of {@code z} into {@code out} as LogEsts; returns true when {@code unordered} follows. */
    private static boolean decode(String z, int[] out) {
        int at = 0;
        int len = z.length();
        for (int i = 0; at < len && i < out.length; i++) {
            long v = 0;
            while (at < len && z.charAt(at) >= '0' && z.charAt(at) <= '9') {
                v = v * 10 + (z.charAt(at) - '0');
                at++;
            }
            out[i] = logEst(v);
            if (at < len && z.charAt(at) == ' ') {
                at++;
            }
        }
        boolean unordered = false;
        while (at < len) {
            if (z.startsWith("unordered", at)) {
                unordered = true;
            }
            while (at < len && z.charAt(at) != ' ') {
                at++;
            }
            while (at < len && z.charAt(at) == ' ') {
                at++;
            }
        }
        return unordered;
    }

    /** SQLite's {@code sqlite3LogEst}: about {@code 10·log2(x)}, 0 for x below 2. */
    public static int logEst(long x) {
        int[] frac = {0, 2, 3, 5, 6, 7, 8, 9};
        int y = 40;
        if (x < 0) {
            x = Long.MAX_VALUE;
        }
        if (x < 8) {
            if (x < 2) {
                return 0;
            }
            while (x < 8) {
                y -= 10;
                x <<= 1;
            }
        } else {
            while (x > 255) {
                y += 40;
                x >>= 4;
            }
            while (x > 15) {
                y += 10;
                x >>= 1;
            }
        }
        return frac[(int) (x & 7)] + y - 10;
    }
}
