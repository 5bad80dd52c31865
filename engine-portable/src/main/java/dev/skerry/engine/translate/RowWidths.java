package dev.skerry.engine.translate;

import dev.skerry.engine.schema.Column;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.schema.Stat1;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.value.Affinity;
import java.util.Locale;

/**
 * SQLite's estimates of the width of a table's and an index's rows ({@code szTabRow}, {@code szIdxRow}, from
 * each column's {@code szEst} as {@code sqlite3AffinityType} sets it), which weigh an index scan against a
 * table scan: a column of numeric affinity or of no declared type counts 1; a text or blob column counts
 * {@code k/4+1} for a size {@code k} written after {@code CHAR} (or right after {@code BLOB}), 1 when
 * {@code CHAR} has no size, else 5; the rowid counts 1.
 */
final class RowWidths {
    private RowWidths() {
    }

    /**
     * The ratio SQLite's index costs use: {@code (15·szIdxRow)/szTabRow} in integer arithmetic, divided by
     * 15 so that {@link WhereCost#indexRows} gives {@code nOut + 1 + (15·szIdxRow)/szTabRow}.
     */
    static double ratio(Index index, Table table) {
        int wTable = 0;
        for (int i = 0; i < table.columnCount(); i++) {
            wTable += columnWidth(table.column(i));
        }
        if (table.rowidAlias() < 0) {
            wTable++;
        }
        int wIndex = 1;
        for (int k = 0; k < index.columnCount(); k++) {
            int c = index.column(k);
            wIndex += c < 0 || c >= table.columnCount() ? 1 : columnWidth(table.column(c));
        }
        int szTab = Stat1.logEst(4L * wTable);
        int szIdx = Stat1.logEst(4L * wIndex);
        return szTab <= 0 ? 1 : (15 * szIdx / szTab) / 15.0;
    }

    /** SQLite's {@code szEst} of a column. */
    static int columnWidth(Column col) {
        String type = col.declaredType();
        char aff = col.affinity();
        if (type == null || type.isEmpty() || Affinity.isNumeric(aff)) {
            return 1;
        }
        String t = type.toLowerCase(Locale.ROOT);
        int from = t.indexOf("char");
        if (from >= 0) {
            from += 4;
        } else if (aff == Affinity.BLOB && t.indexOf("blob(") >= 0) {
            from = t.indexOf("blob(") + 4;
        }
        int v = 16;
        if (from >= 0) {
            v = 0;
            int at = from;
            while (at < t.length() && (t.charAt(at) < '0' || t.charAt(at) > '9')) {
                at++;
            }
            long n = 0;
            while (at < t.length() && t.charAt(at) >= '0' && t.charAt(at) <= '9' && n <= Integer.MAX_VALUE) {
                n = n * 10 + (t.charAt(at) - '0');
                at++;
            }
            v = n > Integer.MAX_VALUE ? 0 : (int) n;
        }
        return Math.min(v / 4 + 1, 255);
    }
}
