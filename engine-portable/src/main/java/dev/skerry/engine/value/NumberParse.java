package dev.skerry.engine.value;

/**
 * Text to number with SQLite 3.50's rules ({@code sqlite3AtoF}, {@code sqlite3Atoi64},
 * {@code sqlite3DecOrHexToI64}).
 *
 * <p>Real numbers: optional leading/trailing whitespace (space, \t, \n, \v, \f, \r), optional sign, digits
 * with an optional '.' and optional exponent. Only the first 19 or so significant digits count; the value
 * is their integer times a power of ten computed in double-double arithmetic, exactly as SQLite does it
 * (so results match SQLite bit for bit, including its rare one-ulp differences from correct rounding).
 * Hexadecimal is not accepted here: {@code 0x} integers exist only as SQL literals
 * ({@link #decOrHexToLong}).
 */
public final class NumberParse {
    private NumberParse() {
    }

    /** {@link #atofType}: the whole text is an integer such as {@code ' -12 '}. */
    public static final int REAL_INTEGER = 1;
    /** {@link #atofType}: no prefix of the text is a number. */
    public static final int REAL_NONE = 0;
    /** {@link #atofType}: a prefix with '.' or an exponent is a number, followed by other text. */
    public static final int REAL_PREFIX = -1;

    private static final long S_LIMIT = 1844674407370955160L;
    private static final long S_SCALE_LIMIT = 1844674407370954956L;

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean unsignedLess(long a, long b) {
        return (a ^ Long.MIN_VALUE) < (b ^ Long.MIN_VALUE);
    }

    private static double unsignedToDouble(long s) {
        if (s >= 0) {
            return (double) s;
        }
        return (double) ((s >>> 1) | (s & 1)) * 2.0;
    }

    private static long doubleToUnsigned(double d) {
        if (d < 9223372036854775808.0) {
            return (long) d;
        }
        return (long) (d - 9223372036854775808.0) + Long.MIN_VALUE;
    }

    /**
     * What {@code sqlite3AtoF} returns for the text: 1 for a plain integer, 2 or 3 for a real with '.'
     * and/or exponent, both for the whole text (surrounding whitespace allowed); {@link #REAL_PREFIX} when
     * only a prefix with '.' or exponent is a number; {@link #REAL_NONE} otherwise (including an integer
     * followed by other text).
     */
    public static int atofType(String z) {
        int len = z.length();
        int p = skipSpace(z, 0);
        if (p >= len) {
            return 0;
        }
        int eType = 1;
        boolean eValid = true;
        int nDigit = 0;
        char c = z.charAt(p);
        if (c == '-' || c == '+') {
            p++;
        }
        while (p < len && isDigit(z.charAt(p))) {
            p++;
            nDigit++;
        }
        if (p < len && z.charAt(p) == '.') {
            p++;
            eType++;
            while (p < len && isDigit(z.charAt(p))) {
                p++;
                nDigit++;
            }
        }
        if (p < len && (z.charAt(p) == 'e' || z.charAt(p) == 'E')) {
            p++;
            eValid = false;
            eType++;
            if (p < len) {
                c = z.charAt(p);
                if (c == '-' || c == '+') {
                    p++;
                }
                while (p < len && isDigit(z.charAt(p))) {
                    p++;
                    eValid = true;
                }
            }
        }
        p = skipSpace(z, p);
        if (p == len && nDigit > 0 && eValid) {
            return eType;
        }
        if (eType >= 2 && (eType == 3 || eValid) && nDigit > 0) {
            return -1;
        }
        return 0;
    }

    /** The value {@code sqlite3AtoF} computes: that of the longest numeric prefix (0.0 when none). */
    public static double atof(String z) {
        int len = z.length();
        int p = skipSpace(z, 0);
        boolean neg = false;
        long s = 0;
        int d = 0;
        int esign = 1;
        int e = 0;
        if (p >= len) {
            return 0.0;
        }
        char c = z.charAt(p);
        if (c == '-') {
            neg = true;
            p++;
        } else if (c == '+') {
            p++;
        }
        while (p < len && isDigit(z.charAt(p))) {
            s = s * 10 + (z.charAt(p) - '0');
            p++;
            if (!unsignedLess(s, S_LIMIT)) {
                while (p < len && isDigit(z.charAt(p))) {
                    p++;
                    d++;
                }
            }
        }
        if (p < len && z.charAt(p) == '.') {
            p++;
            while (p < len && isDigit(z.charAt(p))) {
                if (unsignedLess(s, S_LIMIT)) {
                    s = s * 10 + (z.charAt(p) - '0');
                    d--;
                }
                p++;
            }
        }
        if (p < len && (z.charAt(p) == 'e' || z.charAt(p) == 'E')) {
            p++;
            if (p < len) {
                c = z.charAt(p);
                if (c == '-') {
                    esign = -1;
                    p++;
                } else if (c == '+') {
                    p++;
                }
                while (p < len && isDigit(z.charAt(p))) {
                    e = e < 10000 ? (e * 10 + (z.charAt(p) - '0')) : 10000;
                    p++;
                }
            }
        }
        if (s == 0) {
            return neg ? -0.0 : 0.0;
        }
        double r = scale(s, e * esign + d);
        return neg ? -r : r;
    }

    /** {@code s × 10^e} as SQLite 3.50 computes it. */
    private static double scale(long s, int e) {
        while (e > 0 && unsignedLess(s, S_SCALE_LIMIT)) {
            s *= 10;
            e--;
        }
        while (e < 0 && remainderUnsigned10(s) == 0) {
            s = divideUnsigned10(s);
            e++;
        }
        double[] rr = new double[2];
        rr[0] = unsignedToDouble(s);
        if (rr[0] <= 18446744073709549568.0) {
            long s2 = doubleToUnsigned(rr[0]);
            rr[1] = !unsignedLess(s, s2) ? unsignedToDouble(s - s2) : -unsignedToDouble(s2 - s);
        } else {
            rr[1] = 0.0;
        }
        if (e > 0) {
            while (e >= 100) {
                e -= 100;
                DoubleDouble.mul(rr, DoubleDouble.E100, DoubleDouble.E100_ERR);
            }
            while (e >= 10) {
                e -= 10;
                DoubleDouble.mul(rr, 1.0e+10, 0.0);
            }
            while (e >= 1) {
                e -= 1;
                DoubleDouble.mul(rr, 1.0e+01, 0.0);
            }
        } else {
            while (e <= -100) {
                e += 100;
                DoubleDouble.mul(rr, DoubleDouble.EM100, DoubleDouble.EM100_ERR);
            }
            while (e <= -10) {
                e += 10;
                DoubleDouble.mul(rr, DoubleDouble.EM10, DoubleDouble.EM10_ERR);
            }
            while (e <= -1) {
                e += 1;
                DoubleDouble.mul(rr, DoubleDouble.EM1, DoubleDouble.EM1_ERR);
            }
        }
        double r = rr[0] + rr[1];
        if (Double.isNaN(r)) {
            r = Double.POSITIVE_INFINITY;
        }
        return r;
    }

    private static long divideUnsigned10(long s) {
        return s >= 0 ? s / 10 : (s >>> 1) / 5;
    }

    private static long remainderUnsigned10(long s) {
        return s - divideUnsigned10(s) * 10;
    }

    /** {@link #atoi64Status}: the whole text is an integer that fits. */
    public static final int INT_OK = 0;
    /** {@link #atoi64Status}: an integer followed by other text. */
    public static final int INT_EXTRA = 1;
    /** {@link #atoi64Status}: too large; the value saturates. */
    public static final int INT_OVERFLOW = 2;
    /** {@link #atoi64Status}: exactly 9223372036854775808 without a minus sign. */
    public static final int INT_TWO_POW_63 = 3;
    /** {@link #atoi64Status}: no digits. */
    public static final int INT_NONE = -1;

    /**
     * The value {@code sqlite3Atoi64} computes: the integer prefix after whitespace and sign, saturated at
     * the 64-bit limits; 0 when there are no digits.
     */
    public static long atoi64(String z) {
        int len = z.length();
        int p = skipSpaceAndSign(z);
        boolean neg = p > 0 && z.charAt(p - 1) == '-';
        p = skipZeros(z, p);
        long u = 0;
        int i = 0;
        while (p + i < len && isDigit(z.charAt(p + i))) {
            u = u * 10 + (z.charAt(p + i) - '0');
            i++;
        }
        if (i > 19 || (i == 19 && compare2pow63(z, p) >= 0)) {
            return neg ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return neg ? -u : u;
    }

    /** The result code of {@code sqlite3Atoi64}: {@link #INT_OK}, {@link #INT_EXTRA}, … */
    public static int atoi64Status(String z) {
        int len = z.length();
        int p = skipSpaceAndSign(z);
        boolean neg = p > 0 && z.charAt(p - 1) == '-';
        int start = p;
        p = skipZeros(z, p);
        int i = 0;
        while (p + i < len && isDigit(z.charAt(p + i))) {
            i++;
        }
        int rc = 0;
        if (i == 0 && start == p) {
            rc = -1;
        } else {
            for (int jj = p + i; jj < len; jj++) {
                if (!isSpace(z.charAt(jj))) {
                    rc = 1;
                    break;
                }
            }
        }
        if (i < 19) {
            return rc;
        }
        int c = i > 19 ? 1 : compare2pow63(z, p);
        if (c < 0) {
            return rc;
        }
        if (c > 0) {
            return 2;
        }
        return neg ? rc : 3;
    }

    /** The index of the first character of {@code z} at or after {@code p} that is not whitespace. */
    private static int skipSpace(String z, int p) {
        int len = z.length();
        while (p < len && isSpace(z.charAt(p))) {
            p++;
        }
        return p;
    }

    /** The index after the leading whitespace and the optional sign of {@code z} (a sign is just before it). */
    private static int skipSpaceAndSign(String z) {
        int p = skipSpace(z, 0);
        if (p < z.length() && (z.charAt(p) == '-' || z.charAt(p) == '+')) {
            p++;
        }
        return p;
    }

    /** The index of the first character of {@code z} at or after {@code p} that is not '0'. */
    private static int skipZeros(String z, int p) {
        int len = z.length();
        while (p < len && z.charAt(p) == '0') {
            p++;
        }
        return p;
    }

    private static int compare2pow63(String z, int p) {
        String pow63 = "922337203685477580";
        int c = 0;
        for (int i = 0; c == 0 && i < 18; i++) {
            c = (z.charAt(p + i) - pow63.charAt(i)) * 10;
        }
        if (c == 0) {
            c = z.charAt(p + 18) - '8';
        }
        return c;
    }

    /**
     * The value of an integer SQL literal ({@code sqlite3DecOrHexToI64}): decimal, or hexadecimal after
     * {@code 0x}/{@code 0X} (taken as the 64-bit two's complement pattern).
     */
    public static long decOrHexToLong(String z) {
        if (isHexStart(z)) {
            long u = 0;
            int i = skipZeros(z, 2);
            while (i < z.length() && hexValue(z.charAt(i)) >= 0) {
                u = u * 16 + hexValue(z.charAt(i));
                i++;
            }
            return u;
        }
        return atoi64(z);
    }

    /**
     * The status of {@link #decOrHexToLong}: 0 fits, 1 trailing text, 2 too large (hexadecimal of more than
     * 16 significant digits, or decimal beyond 64 bits), 3 decimal 9223372036854775808.
     */
    public static int decOrHexStatus(String z) {
        if (isHexStart(z)) {
            int i = skipZeros(z, 2);
            int k = i;
            while (k < z.length() && hexValue(z.charAt(k)) >= 0) {
                k++;
            }
            if (k - i > 16) {
                return 2;
            }
            return k < z.length() ? 1 : 0;
        }
        return atoi64Status(z);
    }

    private static boolean isHexStart(String z) {
        return z.length() >= 2 && z.charAt(0) == '0' && (z.charAt(1) == 'x' || z.charAt(1) == 'X');
    }

    /** The value of a hexadecimal digit, or -1. */
    public static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
