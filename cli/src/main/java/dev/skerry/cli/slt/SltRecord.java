package dev.skerry.cli.slt;

import java.util.List;

/**
 * One record of a sqllogictest script: its kind, the line of its header, the engines named by its
 * {@code skipif}/{@code onlyif} lines and, by kind, its SQL, result types, sort mode, label and expected
 * result lines. Immutable.
 */
public final class SltRecord {

    /** What a record does. */
    public enum Kind {
        STATEMENT_OK,
        STATEMENT_ERROR,
        QUERY,
        HASH_THRESHOLD,
        HALT,
        /** A header the format does not know; the reference driver stops reading the file there. */
        UNKNOWN
    }

    /** How a query's values are ordered before comparison. */
    public enum Sort { NOSORT, ROWSORT, VALUESORT }

    final Kind kind;
    final int line;
    final List<String> skipIf;
    final List<String> onlyIf;
    final String header;
    final String sql;
    final String types;
    final Sort sort;
    final String label;
    final List<String> expected;
    final int threshold;

    SltRecord(Kind kind, int line, List<String> skipIf, List<String> onlyIf, String header, String sql,
              String types, Sort sort, String label, List<String> expected, int threshold) {
        this.kind = kind;
        this.line = line;
        this.skipIf = skipIf;
        this.onlyIf = onlyIf;
        this.header = header;
        this.sql = sql;
        this.types = types;
        this.sort = sort;
        this.label = label;
        this.expected = expected;
        this.threshold = threshold;
    }

    /** True when the conditions of this record exclude the engine called {@code engine}. */
    boolean skippedFor(String engine) {
        for (String e : skipIf) {
            if (e.equalsIgnoreCase(engine)) {
                return true;
            }
        }
        for (String e : onlyIf) {
            if (!e.equalsIgnoreCase(engine)) {
                return true;
            }
        }
        return false;
    }

    public Kind kind() {
        return kind;
    }

    public int line() {
        return line;
    }

    public String sql() {
        return sql;
    }

    public List<String> expected() {
        return expected;
    }
}
