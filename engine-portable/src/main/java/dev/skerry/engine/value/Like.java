package dev.skerry.engine.value;

/**
 * SQLite's LIKE and GLOB matching ({@code patternCompare} in SQLite's {@code func.c}), over Unicode code
 * points.
 *
 * <p>LIKE: {@code %} matches any run of characters, {@code _} one character, ASCII letters match either
 * case, an optional escape character makes the next pattern character literal (an escape equal to
 * {@code %} or {@code _} disables that wildcard). GLOB: {@code *}, {@code ?}, and sets {@code [a-z]},
 * {@code [^...]} (a {@code ]} first in the set is literal), case-sensitive. Text ends at its first NUL, as
 * C strings do in SQLite.
 */
public final class Like {
    private Like() {
    }

    private static final int MATCH = 0;
    private static final int NOMATCH = 1;
    private static final int NOWILDCARDMATCH = 2;

    /** SQLite's default {@code SQLITE_LIMIT_LIKE_PATTERN_LENGTH}, in bytes. */
    public static final int MAX_PATTERN_LENGTH = 50000;

    /** {@code string LIKE pattern [ESCAPE escape]}; {@code escape} 0 for none. */
    public static boolean like(String pattern, String string, int escape) {
        int matchAll = '%';
        int matchOne = '_';
        if (escape == '%') {
            matchAll = 0;
        }
        if (escape == '_') {
            matchOne = 0;
        }
        return compare(codePoints(pattern), 0, codePoints(string), 0, matchAll, matchOne, escape, false, true)
                == MATCH;
    }

    /** {@code string GLOB pattern}. */
    public static boolean glob(String pattern, String string) {
        return compare(codePoints(pattern), 0, codePoints(string), 0, '*', '?', '[', true, false) == MATCH;
    }

    /** The code points of {@code s} up to its first NUL, followed by a 0 terminator. */
    private static int[] codePoints(String s) {
        int n = s.length();
        int[] out = new int[n + 1];
        int k = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(++i));
            }
            if (cp == 0) {
                break;
            }
            out[k++] = cp;
        }
        out[k] = 0;
        return out;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    private static int compare(int[] pat, int p, int[] str, int s, int matchAll, int matchOne, int matchOther,
            boolean matchSet, boolean noCase) {
        int escapedAt = -1;
        int c;
        while ((c = pat[p]) != 0) {
            p++;
            if (c == matchAll) {
                while ((c = pat[p]) != 0 && (c == matchAll || (c == matchOne && matchOne != 0))) {
                    p++;
                    if (c == matchOne) {
                        if (str[s] == 0) {
                            return NOWILDCARDMATCH;
                        }
                        s++;
                    }
                }
                if (c == 0) {
                    return MATCH;
                }
                p++;
                if (c == matchOther) {
                    if (!matchSet) {
                        c = pat[p];
                        if (c == 0) {
                            return NOWILDCARDMATCH;
                        }
                        p++;
                    } else {
                        while (str[s] != 0) {
                            int m = compare(pat, p - 1, str, s, matchAll, matchOne, matchOther, matchSet, noCase);
                            if (m != NOMATCH) {
                                return m;
                            }
                            s++;
                        }
                        return NOWILDCARDMATCH;
                    }
                }
                if (noCase && c < 0x80) {
                    int cl = lower(c);
                    while (str[s] != 0) {
                        int c2 = str[s++];
                        if (c2 == c || (c2 < 0x80 && lower(c2) == cl)) {
                            int m = compare(pat, p, str, s, matchAll, matchOne, matchOther, matchSet, noCase);
                            if (m != NOMATCH) {
                                return m;
                            }
                        }
                    }
                } else {
                    while (str[s] != 0) {
                        int c2 = str[s++];
                        if (c2 != c) {
                            continue;
                        }
                        int m = compare(pat, p, str, s, matchAll, matchOne, matchOther, matchSet, noCase);
                        if (m != NOMATCH) {
                            return m;
                        }
                    }
                }
                return NOWILDCARDMATCH;
            }
            if (c == matchOther) {
                if (!matchSet) {
                    c = pat[p];
                    if (c == 0) {
                        return NOMATCH;
                    }
                    p++;
                    escapedAt = p;
                } else {
                    int prior = 0;
                    boolean seen = false;
                    boolean invert = false;
                    c = str[s];
                    if (c == 0) {
                        return NOMATCH;
                    }
                    s++;
                    int c2 = pat[p];
                    if (c2 != 0) {
                        p++;
                    }
                    if (c2 == '^') {
                        invert = true;
                        c2 = pat[p];
                        if (c2 != 0) {
                            p++;
                        }
                    }
                    if (c2 == ']') {
                        if (c == ']') {
                            seen = true;
                        }
                        c2 = pat[p];
                        if (c2 != 0) {
                            p++;
                        }
                    }
                    while (c2 != 0 && c2 != ']') {
                        if (c2 == '-' && pat[p] != ']' && pat[p] != 0 && prior > 0) {
                            c2 = pat[p++];
                            if (c >= prior && c <= c2) {
                                seen = true;
                            }
                            prior = 0;
                        } else {
                            if (c == c2) {
                                seen = true;
                            }
                            prior = c2;
                        }
                        c2 = pat[p];
                        if (c2 != 0) {
                            p++;
                        }
                    }
                    if (c2 == 0 || seen == invert) {
                        return NOMATCH;
                    }
                    continue;
                }
            }
            int c2 = str[s];
            if (c2 != 0) {
                s++;
            }
            if (c == c2) {
                continue;
            }
            if (noCase && c < 0x80 && c2 < 0x80 && lower(c) == lower(c2)) {
                continue;
            }
            if (c == matchOne && p != escapedAt && c2 != 0) {
                continue;
            }
            return NOMATCH;
        }
        return str[s] == 0 ? MATCH : NOMATCH;
    }
}
