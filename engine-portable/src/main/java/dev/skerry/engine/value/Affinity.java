package dev.skerry.engine.value;

/**
 * SQLite's type affinities (https://sqlite.org/datatype3.html#type_affinity), as the characters SQLite uses
 * in its bytecode: {@link #BLOB} 'A', {@link #TEXT} 'B', {@link #NUMERIC} 'C', {@link #INTEGER} 'D',
 * {@link #REAL} 'E', and {@link #NONE} '@' for expressions that have none.
 */
public final class Affinity {
    private Affinity() {
    }

    public static final char NONE = '@';
    public static final char BLOB = 'A';
    public static final char TEXT = 'B';
    public static final char NUMERIC = 'C';
    public static final char INTEGER = 'D';
    public static final char REAL = 'E';

    /** True for NUMERIC, INTEGER and REAL. */
    public static boolean isNumeric(char affinity) {
        return affinity >= NUMERIC;
    }

    /**
     * The affinity of a column declared with type {@code declared} ({@code sqlite3AffinityType}): "INT"
     * anywhere gives INTEGER; else "CHAR", "CLOB" or "TEXT" gives TEXT; else "BLOB" (or no type at all, null
     * or empty) gives BLOB; else "REAL", "FLOA" or "DOUB" gives REAL; else NUMERIC. Case-insensitive.
     */
    public static char fromDeclaredType(String declared) {
        if (declared == null || declared.isEmpty()) {
            return BLOB;
        }
        int h = 0;
        char aff = NUMERIC;
        for (int k = 0; k < declared.length(); k++) {
            char c = declared.charAt(k);
            int x = c >= 'A' && c <= 'Z' ? c + 32 : (c & 0xff);
            h = (h << 8) + x;
            if (h == word('c', 'h', 'a', 'r') || h == word('c', 'l', 'o', 'b') || h == word('t', 'e', 'x', 't')) {
                aff = TEXT;
            } else if (h == word('b', 'l', 'o', 'b') && (aff == NUMERIC || aff == REAL)) {
                aff = BLOB;
            } else if ((h == word('r', 'e', 'a', 'l') || h == word('f', 'l', 'o', 'a') || h == word('d', 'o', 'u', 'b'))
                    && aff == NUMERIC) {
                aff = REAL;
            } else if ((h & 0x00ffffff) == (('i' << 16) + ('n' << 8) + 't')) {
                return INTEGER;
            }
        }
        return aff;
    }

    private static int word(char a, char b, char c, char d) {
        return (a << 24) + (b << 16) + (c << 8) + d;
    }

    /**
     * The affinity a comparison applies to its operands given each operand's affinity
     * ({@code sqlite3CompareAffinity}): when both have one, NUMERIC if either is numeric else BLOB (none);
     * when only one has one, that one.
     */
    public static char forComparison(char left, char right) {
        if (left > NONE && right > NONE) {
            return isNumeric(left) || isNumeric(right) ? NUMERIC : BLOB;
        }
        return left <= NONE ? right : left;
    }

    /**
     * Applies {@code affinity} to {@code m} as when storing into a column of that affinity: TEXT renders
     * numbers as text; NUMERIC and INTEGER turn numeric-looking text into an INTEGER (or a REAL when not
     * integral or out of range) and an integral REAL into an INTEGER (strictly inside the 64-bit range);
     * REAL turns integers and numeric-looking text into REAL; BLOB and NONE change nothing. NULL and blobs
     * never change.
     */
    public static void apply(Mem m, char affinity) {
        int t = m.type();
        if (affinity >= NUMERIC) {
            if (t == Mem.TEXT) {
                applyNumeric(m, true);
                t = m.type();
            }
            if (affinity == REAL) {
                if (t == Mem.INTEGER) {
                    m.setDouble((double) m.longValue());
                }
            } else if (t == Mem.FLOAT) {
                integerAffinity(m);
            }
        } else if (affinity == TEXT) {
            if (t == Mem.INTEGER || t == Mem.FLOAT) {
                m.setText(Convert.toText(m));
            }
        }
    }

    /**
     * SQLite's {@code applyNumericAffinity} on a TEXT value: when the whole text (whitespace aside) is a
     * number it becomes an INTEGER or REAL; with {@code tryForInt} an integral REAL becomes an INTEGER.
     * Other text is left as it is.
     */
    public static void applyNumeric(Mem m, boolean tryForInt) {
        String z = m.text();
        int rc = NumberParse.atofType(z);
        if (rc <= 0) {
            return;
        }
        double r = NumberParse.atof(z);
        if (rc == 1) {
            long iv = Convert.realToLong(r);
            if (Convert.realSameAsInt(r, iv)) {
                m.setLong(iv);
                return;
            }
            if (NumberParse.atoi64Status(z) == 0) {
                m.setLong(NumberParse.atoi64(z));
                return;
            }
        }
        m.setDouble(r);
        if (tryForInt) {
            integerAffinity(m);
        }
    }

    /** {@code sqlite3VdbeIntegerAffinity}: a REAL that is an integer strictly inside the 64-bit range becomes INTEGER. */
    static void integerAffinity(Mem m) {
        double r = m.doubleValue();
        long ix = Convert.realToLong(r);
        if (r == (double) ix && ix > Long.MIN_VALUE && ix < Long.MAX_VALUE) {
            m.setLong(ix);
        }
    }
}
