package dev.skerry.engine.value;

/**
 * SQLite's LIKE and GLOB matching (the semantics of {@code patternCompare} in SQLite's {@code func.c}),
 * over Unicode code points.
 *
 * <p>LIKE: {@code %} matches any run of characters, {@code _} one character, ASCII letters match either
 * case, an optional escape character makes the next pattern character literal (an escape equal to
 * {@code %} or {@code _} disables that wildcard; a pattern ending in the escape matches nothing). GLOB:
 * {@code *}, {@code ?}, and sets {@code [a-z]}, {@code [^...]} (a {@code ]} first in the set is literal; an
 * unterminated set matches nothing), case-sensitive. Text ends at its first NUL, as C strings do in SQLite.
 *
 * <p>SQLite recurses once per wildcard; this matcher is iterative (backtracking to the last wildcard),
 * which gives the same answers with no recursion, so a pattern of 50,000 wildcards cannot overflow the
 * stack (which traps under WebAssembly).
 */
public final class Like {
    private Like() {
    }

    /** SQLite's default {@code SQLITE_LIMIT_LIKE_PATTERN_LENGTH}, in bytes. */
    public static final int MAX_PATTERN_LENGTH = 50000;

    /** {@code string LIKE pattern [ESCAPE escape]}; {@code escape} 0 for none. */
    public static boolean like(String pattern, String string, int escape) {
        return like(pattern, string, escape, true);
    }

    /**
     * {@code string LIKE pattern [ESCAPE escape]} with ASCII letters compared ignoring case ({@code noCase}, the
     * default) or exactly ({@code PRAGMA case_sensitive_like=ON}).
     */
    public static boolean like(String pattern, String string, int escape, boolean noCase) {
        int matchAll = '%';
        int matchOne = '_';
        if (escape == '%') {
            matchAll = 0;
        }
        if (escape == '_') {
            matchOne = 0;
        }
        return match(codePoints(pattern), codePoints(string), matchAll, matchOne, escape, false, noCase);
    }

    /** {@code string GLOB pattern}. */
    public static boolean glob(String pattern, String string) {
        return match(codePoints(pattern), codePoints(string), '*', '?', '[', true, false);
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

    /** Result of {@link #step}: the pattern element matched one character. */
    private static final int MATCHED = 1;
    /** Result of {@link #step}: it did not match here. */
    private static final int MISMATCH = 0;
    /** Result of {@link #step}: the pattern can never match (ends in an escape, or an unterminated set). */
    private static final int NEVER = -1;

    /** Where the pattern element after a successful {@link #step} starts. */
    private static final class Cursor {
        int next;
    }

    /**
     * Matches the single-character pattern element at {@code pat[p]} (a literal, escaped literal, one-char
     * wildcard or set, never the any-run wildcard) against {@code c} (non-zero).
     */
    private static int step(int[] pat, int p, int c, int matchOne, int matchOther, boolean matchSet,
            boolean noCase, Cursor cur) {
        int pc = pat[p++];
        if (pc == matchOther) {
            if (!matchSet) {
                pc = pat[p++];
                if (pc == 0) {
                    return NEVER;
                }
                cur.next = p;
                return pc == c || (noCase && pc < 0x80 && c < 0x80 && lower(pc) == lower(c)) ? MATCHED : MISMATCH;
            }
            int prior = 0;
            boolean seen = false;
            boolean invert = false;
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
            if (c2 == 0) {
                return NEVER;
            }
            cur.next = p;
            return seen != invert ? MATCHED : MISMATCH;
        }
        cur.next = p;
        if (pc == c || (pc == matchOne && matchOne != 0)) {
            return MATCHED;
        }
        return noCase && pc < 0x80 && c < 0x80 && lower(pc) == lower(c) ? MATCHED : MISMATCH;
    }

    private static boolean match(int[] pat, int[] str, int matchAll, int matchOne, int matchOther,
            boolean matchSet, boolean noCase) {
        Cursor cur = new Cursor();
        int p = 0;
        int s = 0;
        int starP = -1;
        int starS = 0;
        while (true) {
            int pc = pat[p];
            if (pc != 0 && pc == matchAll) {
                while (pat[p] != 0 && pat[p] == matchAll) {
                    p++;
                }
                starP = p;
                starS = s;
                continue;
            }
            if (pc == 0) {
                if (str[s] == 0) {
                    return true;
                }
            } else if (str[s] != 0) {
                int r = step(pat, p, str[s], matchOne, matchOther, matchSet, noCase, cur);
                if (r == NEVER) {
                    return false;
                }
                if (r == MATCHED) {
                    p = cur.next;
                    s++;
                    continue;
                }
            }
            if (starP < 0 || str[starS] == 0) {
                return false;
            }
            starS++;
            p = starP;
            s = starS;
        }
    }
}
