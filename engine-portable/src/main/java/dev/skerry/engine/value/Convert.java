package dev.skerry.engine.value;

import java.nio.charset.StandardCharsets;

/**
 * Conversions between storage classes as SQLite's {@code sqlite3_value_*} accessors and CAST make them.
 *
 * <p>Reading a number from TEXT or BLOB takes the longest numeric prefix ({@code '12abc'} → 12,
 * {@code '1e3'} → 1 as an integer but 1000.0 as a real); a REAL read as an integer truncates toward zero
 * and saturates at the 64-bit limits. CAST differs from affinity: it always yields the requested class
 * (except NULL, which stays NULL), see {@link #cast}.
 */
public final class Convert {
    private Convert() {
    }

    /** SQLite's {@code sqlite3RealToI64}: truncation toward zero, saturating beyond ±9223372036854774784. */
    public static long realToLong(double r) {
        if (r < -9223372036854774784.0) {
            return Long.MIN_VALUE;
        }
        if (r > 9223372036854774784.0) {
            return Long.MAX_VALUE;
        }
        return (long) r;
    }

    /** SQLite's {@code sqlite3RealSameAsInt}: {@code r} is exactly {@code i} and |i| &lt; 2^51 (or r is zero). */
    public static boolean realSameAsInt(double r, long i) {
        double r2 = (double) i;
        return r == 0.0 || (Double.doubleToRawLongBits(r) == Double.doubleToRawLongBits(r2)
                && i >= -2251799813685248L && i < 2251799813685248L);
    }

    /** The bytes of a blob as a string of chars 0..255, for the number parsers (which read ASCII only). */
    static String blobAsAscii(byte[] b) {
        char[] c = new char[b.length];
        for (int k = 0; k < b.length; k++) {
            c[k] = (char) (b[k] & 0xff);
        }
        return new String(c);
    }

    /** {@code sqlite3_value_int64}. */
    public static long toLong(Mem m) {
        switch (m.type()) {
            case Mem.INTEGER: return m.longValue();
            case Mem.FLOAT: return realToLong(m.doubleValue());
            case Mem.TEXT: return NumberParse.atoi64(m.text());
            case Mem.BLOB: return NumberParse.atoi64(blobAsAscii(m.blob()));
            default: return 0;
        }
    }

    /** {@code sqlite3_value_double}. */
    public static double toDouble(Mem m) {
        switch (m.type()) {
            case Mem.INTEGER: return (double) m.longValue();
            case Mem.FLOAT: return m.doubleValue();
            case Mem.TEXT: return NumberParse.atof(m.text());
            case Mem.BLOB: return NumberParse.atof(blobAsAscii(m.blob()));
            default: return 0.0;
        }
    }

    /** {@code sqlite3_value_text}: numbers rendered as SQLite renders them, blobs decoded as UTF-8; null for NULL. */
    public static String toText(Mem m) {
        switch (m.type()) {
            case Mem.INTEGER: return Long.toString(m.longValue());
            case Mem.FLOAT: return NumberFormat.formatDouble(m.doubleValue());
            case Mem.TEXT: return m.text();
            case Mem.BLOB: return new String(m.blob(), StandardCharsets.UTF_8);
            default: return null;
        }
    }

    /** The value's text as UTF-8 bytes (a blob's own bytes); null for NULL. */
    public static byte[] toTextBytes(Mem m) {
        switch (m.type()) {
            case Mem.BLOB: return m.blob();
            case Mem.NULL: return null;
            case Mem.TEXT: return m.text().getBytes(StandardCharsets.UTF_8);
            default: return toText(m).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** {@code sqlite3_value_blob}: a blob's bytes, or the UTF-8 of the value's text; null for NULL. */
    public static byte[] toBlob(Mem m) {
        return toTextBytes(m);
    }

    /** {@code sqlite3_value_bytes}: the length in bytes of the value as text or blob (0 for NULL). */
    public static int byteLength(Mem m) {
        switch (m.type()) {
            case Mem.BLOB: return m.blob().length;
            case Mem.NULL: return 0;
            case Mem.TEXT: return utf8Length(m.text());
            default: return toText(m).length();
        }
    }

    /** The number of bytes of the UTF-8 encoding of {@code s}. */
    public static int utf8Length(String s) {
        int n = 0;
        int len = s.length();
        for (int k = 0; k < len; k++) {
            char c = s.charAt(k);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && k + 1 < len && Character.isLowSurrogate(s.charAt(k + 1))) {
                n += 4;
                k++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /**
     * SQLite's truth value of a non-NULL value ({@code sqlite3VdbeBooleanValue}): an INTEGER is true when
     * non-zero, anything else when its real value is non-zero ({@code '0.5'} is true, {@code 'abc'} false).
     * NULL gives {@code ifNull}.
     */
    public static boolean toBoolean(Mem m, boolean ifNull) {
        switch (m.type()) {
            case Mem.INTEGER: return m.longValue() != 0;
            case Mem.NULL: return ifNull;
            default: return toDouble(m) != 0.0;
        }
    }

    /** {@link #toBoolean(Mem, boolean)} with NULL false: the test of WHERE, ON, CASE WHEN and CHECK. */
    public static boolean toBoolean(Mem m) {
        return toBoolean(m, false);
    }

    /**
     * True when a TEXT value (or a blob's bytes) is taken as an INTEGER by arithmetic
     * ({@code computeNumericType}); otherwise it is taken as a REAL.
     */
    static boolean textIsInteger(String z) {
        int rc = NumberParse.atofType(z);
        if (rc <= 0) {
            return rc == 0 && NumberParse.atoi64Status(z) <= 1;
        }
        return rc == 1 && NumberParse.atoi64Status(z) == 0;
    }

    /**
     * Puts into {@code out} the number arithmetic sees in {@code m} (which is not NULL): numbers as they are,
     * text and blobs as an INTEGER or REAL per {@code computeNumericType}. {@code out} may be {@code m}.
     */
    public static void toNumeric(Mem m, Mem out) {
        int t = m.type();
        if (t == Mem.INTEGER || t == Mem.FLOAT) {
            if (out != m) {
                out.copyFrom(m);
            }
            return;
        }
        String z = t == Mem.TEXT ? m.text() : blobAsAscii(m.blob());
        if (textIsInteger(z)) {
            out.setLong(NumberParse.atoi64(z));
        } else {
            out.setDouble(NumberParse.atof(z));
        }
    }

    /**
     * {@code CAST(m AS type)} in place, {@code affinity} one of the {@link Affinity} characters. NULL stays
     * NULL. BLOB: the text's bytes. TEXT: the rendering of numbers, a blob's bytes as UTF-8. INTEGER:
     * {@link #toLong}. REAL: {@link #toDouble}. NUMERIC: text becomes an INTEGER when it is an integer
     * that fits or a real that is integral and below 2^51, else a REAL; numbers are unchanged.
     */
    public static void cast(Mem m, char affinity) {
        if (m.isNull()) {
            return;
        }
        switch (affinity) {
            case Affinity.BLOB:
                if (m.type() != Mem.BLOB) {
                    m.setBlob(toTextBytes(m));
                }
                return;
            case Affinity.NUMERIC:
                numerify(m);
                return;
            case Affinity.INTEGER:
                m.setLong(toLong(m));
                return;
            case Affinity.REAL:
                m.setDouble(toDouble(m));
                return;
            default:
                if (m.type() != Mem.TEXT) {
                    m.setText(toText(m));
                }
        }
    }

    /** {@code sqlite3VdbeMemNumerify}. */
    private static void numerify(Mem m) {
        int t = m.type();
        if (t == Mem.INTEGER || t == Mem.FLOAT) {
            return;
        }
        String z = t == Mem.TEXT ? m.text() : blobAsAscii(m.blob());
        int rc = NumberParse.atofType(z);
        double r = NumberParse.atof(z);
        long ix;
        if ((rc == 0 || rc == 1) && NumberParse.atoi64Status(z) <= 1) {
            m.setLong(NumberParse.atoi64(z));
        } else if (realSameAsInt(r, ix = realToLong(r))) {
            m.setLong(ix);
        } else {
            m.setDouble(r);
        }
    }
}
