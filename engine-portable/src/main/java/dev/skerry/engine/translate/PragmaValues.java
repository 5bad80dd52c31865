package dev.skerry.engine.translate;

import dev.skerry.engine.value.NumberParse;

/**
 * How SQLite reads the value of a PRAGMA ({@code pragma.c} and {@code util.c}): {@code sqlite3Atoi} (a leading
 * 32-bit integer, 0 when there is none or it overflows), {@code sqlite3DecOrHexToI64},
 * {@code getSafetyLevel}/{@code sqlite3GetBoolean} and {@code getAutoVacuum}.
 */
final class PragmaValues {
    private PragmaValues() {
    }

    /** SQLite's {@code getTempStore}: 0, 1, 2 from a leading digit 0-2, FILE, MEMORY; otherwise 0 (DEFAULT). */
    static int tempStore(String z) {
        if (!z.isEmpty() && z.charAt(0) >= '0' && z.charAt(0) <= '2') {
            return z.charAt(0) - '0';
        }
        if (dev.skerry.engine.schema.Names.equal(z, "file")) {
            return 1;
        }
        return dev.skerry.engine.schema.Names.equal(z, "memory") ? 2 : 0;
    }

    /** {@code sqlite3Atoi}: the 32-bit integer {@code sqlite3GetInt32} reads at the start of {@code z}, else 0. */
    static int atoi(String z) {
        Integer v = int32(z);
        return v == null ? 0 : v;
    }

    /**
     * {@code sqlite3GetInt32}: the 32-bit integer at the start of {@code z} (optional sign, decimal digits, or
     * {@code 0x} and up to 8 hexadecimal digits; text may follow), or null when there is none or it does not
     * fit.
     */
    static Integer int32(String z) {
        int i = 0;
        int n = z.length();
        boolean neg = false;
        if (i < n && z.charAt(i) == '-') {
            neg = true;
            i++;
        } else if (i < n && z.charAt(i) == '+') {
            i++;
        } else if (n > 2 && z.charAt(0) == '0' && (z.charAt(1) == 'x' || z.charAt(1) == 'X') && NumberParse.hexValue(z.charAt(2)) >= 0) {
            i = 2;
            while (i < n && z.charAt(i) == '0') {
                i++;
            }
            long u = 0;
            int k = 0;
            while (k < 8 && i + k < n && NumberParse.hexValue(z.charAt(i + k)) >= 0) {
                u = u * 16 + NumberParse.hexValue(z.charAt(i + k));
                k++;
            }
            boolean more = i + k < n && NumberParse.hexValue(z.charAt(i + k)) >= 0;
            return (u & 0x80000000L) == 0 && !more ? Integer.valueOf((int) u) : null;
        }
        if (i >= n || !digit(z.charAt(i))) {
            return null;
        }
        while (i < n && z.charAt(i) == '0') {
            i++;
        }
        long v = 0;
        int k = 0;
        while (k < 11 && i + k < n && digit(z.charAt(i + k))) {
            v = v * 10 + (z.charAt(i + k) - '0');
            k++;
        }
        if (k > 10 || v - (neg ? 1 : 0) > 2147483647L) {
            return null;
        }
        return (int) (neg ? -v : v);
    }

    /**
     * {@code sqlite3DecOrHexToI64}: the value of {@code z} when it is exactly a decimal integer (optional sign,
     * surrounding spaces) or a {@code 0x} hexadecimal one that fits 64 bits; else null.
     */
    static Long decOrHexToI64(String z) {
        String s = z.strip();
        if (s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
            long u = 0;
            int i = 2;
            while (i < s.length() && s.charAt(i) == '0') {
                i++;
            }
            if (s.length() - i > 16) {
                return null;
            }
            for (int k = i; k < s.length(); k++) {
                int h = NumberParse.hexValue(s.charAt(k));
                if (h < 0) {
                    return null;
                }
                u = u * 16 + h;
            }
            return s.length() == 2 ? null : u;
        }
        int i = 0;
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        if (i >= s.length()) {
            return null;
        }
        long v = 0;
        for (int k = i; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!digit(c)) {
                return null;
            }
            int d = c - '0';
            if (v < (Long.MIN_VALUE + d) / 10) {
                return null;
            }
            v = v * 10 - d;
        }
        if (!neg && v == Long.MIN_VALUE) {
            return null;
        }
        return neg ? v : -v;
    }

    private static final String[] LEVEL_NAMES = {"on", "no", "off", "false", "yes", "true", "extra", "full"};
    private static final int[] LEVEL_VALUES = {1, 0, 0, 0, 1, 1, 3, 2};

    /**
     * {@code getSafetyLevel}: digits give their (byte-truncated) value; {@code on no off false yes true extra
     * full} (any case) their level, {@code extra} and {@code full} only when {@code omitFull} is false; else
     * {@code dflt}.
     */
    static int safetyLevel(String z, boolean omitFull, int dflt) {
        if (!z.isEmpty() && digit(z.charAt(0))) {
            return atoi(z) & 0xff;
        }
        for (int i = 0; i < LEVEL_NAMES.length; i++) {
            if (LEVEL_NAMES[i].equalsIgnoreCase(z) && asciiOnly(z) && (!omitFull || LEVEL_VALUES[i] <= 1)) {
                return LEVEL_VALUES[i];
            }
        }
        return dflt;
    }

    /** {@code sqlite3GetBoolean}. */
    static boolean bool(String z, boolean dflt) {
        return safetyLevel(z, true, dflt ? 1 : 0) != 0;
    }

    /** {@code getAutoVacuum}: none 0, full 1, incremental 2, else a number 0..2 (others 0). */
    static int autoVacuum(String z) {
        if (z.equalsIgnoreCase("none")) {
            return 0;
        }
        if (z.equalsIgnoreCase("full")) {
            return 1;
        }
        if (z.equalsIgnoreCase("incremental")) {
            return 2;
        }
        int x = atoi(z);
        return x >= 0 && x <= 2 ? x : 0;
    }

    private static boolean asciiOnly(String z) {
        for (int i = 0; i < z.length(); i++) {
            if (z.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
