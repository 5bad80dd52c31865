package dev.skerry.engine.value;

/**
 * SQLite's built-in collating sequences: how two TEXT values order.
 *
 * <p>BINARY compares the UTF-8 encodings byte by byte (as {@code memcmp}); for Java strings that is code
 * point order, which differs from {@code String.compareTo} (UTF-16 units) only when surrogate pairs meet
 * characters U+E000…U+FFFF. NOCASE folds only the 26 ASCII letters and, as SQLite's {@code sqlite3StrNICmp}, stops at a NUL: texts equal
 * up to a NUL at the same place order by their UTF-8 lengths. RTRIM is BINARY with trailing spaces
 * ignored.
 */
public enum Collation {
    BINARY,
    NOCASE,
    RTRIM;

    /** The collation named {@code name} (any case), or null when SQLite has no built-in of that name. */
    public static Collation byName(String name) {
        if (name.equalsIgnoreCase("BINARY")) {
            return BINARY;
        }
        if (name.equalsIgnoreCase("NOCASE")) {
            return NOCASE;
        }
        if (name.equalsIgnoreCase("RTRIM")) {
            return RTRIM;
        }
        return null;
    }

    /** Negative, zero or positive as {@code a} orders before, with, or after {@code b}. */
    public int compare(String a, String b) {
        switch (this) {
            case NOCASE:
                return compareRange(a, a.length(), b, b.length(), true);
            case RTRIM:
                return compareRange(a, trimmedLength(a), b, trimmedLength(b), false);
            default:
                return compareRange(a, a.length(), b, b.length(), false);
        }
    }

    private static int trimmedLength(String s) {
        int n = s.length();
        while (n > 0 && s.charAt(n - 1) == ' ') {
            n--;
        }
        return n;
    }

    private static int compareRange(String a, int na, String b, int nb, boolean foldAscii) {
        int n = Math.min(na, nb);
        for (int k = 0; k < n; k++) {
            char ca = a.charAt(k);
            char cb = b.charAt(k);
            if (ca == cb) {
                if (ca == 0 && foldAscii) {
                    // sqlite3StrNICmp stops at a NUL: the texts then order by their lengths in bytes.
                    return Integer.signum(utf8Length(a, na) - utf8Length(b, nb));
                }
                continue;
            }
            if (foldAscii) {
                if (ca >= 'A' && ca <= 'Z') {
                    ca += 32;
                }
                if (cb >= 'A' && cb <= 'Z') {
                    cb += 32;
                }
                if (ca == cb) {
                    continue;
                }
            }
            return utf8Order(ca) - utf8Order(cb);
        }
        return na - nb;
    }

    /** The UTF-8 length of {@code s[0 .. n)} (an unpaired surrogate counts as the 3 bytes of U+FFFD). */
    private static int utf8Length(String s, int n) {
        int len = 0;
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (c < 0x80) {
                len += 1;
            } else if (c < 0x800) {
                len += 2;
            } else if (Character.isHighSurrogate(c) && k + 1 < n && Character.isLowSurrogate(s.charAt(k + 1))) {
                len += 4;
                k++;
            } else {
                len += 3;
            }
        }
        return len;
    }

    /**
     * Maps a UTF-16 unit to a key whose order is the UTF-8 byte order of the characters: surrogates (which
     * encode code points above U+FFFF) sort after every other unit.
     */
    private static int utf8Order(char c) {
        return (c >= 0xD800 && c <= 0xDFFF) ? c + 0x2000 : (c >= 0xE000 ? c - 0x800 : c);
    }
}
