package dev.skerry.cli.shell;

/**
 * SQL's LIKE (ASCII case-insensitive, {@code %} and {@code _}, optional escape character) and GLOB
 * ({@code *}, {@code ?}, {@code [...]}, case-sensitive) for the patterns of {@code .tables} and
 * {@code .schema}, which the {@code sqlite3} shell hands to those SQL operators.
 */
final class Patterns {
    private Patterns() {
    }

    static boolean like(String pattern, String s, char escape) {
        return like(pattern, 0, s, 0, escape);
    }

    private static boolean like(String p, int pi, String s, int si, char esc) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '%') {
                while (pi < p.length() && (p.charAt(pi) == '%' || p.charAt(pi) == '_')) {
                    if (p.charAt(pi) == '_') {
                        if (si >= s.length()) {
                            return false;
                        }
                        si++;
                    }
                    pi++;
                }
                if (pi == p.length()) {
                    return true;
                }
                for (int k = si; k <= s.length(); k++) {
                    if (like(p, pi, s, k, esc)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length()) {
                return false;
            }
            if (c == '_') {
                pi++;
                si++;
                continue;
            }
            if (c == esc && esc != 0 && pi + 1 < p.length()) {
                c = p.charAt(++pi);
            }
            if (lower(c) != lower(s.charAt(si))) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }

    static boolean glob(String p, String s) {
        return glob(p, 0, s, 0);
    }

    private static boolean glob(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (glob(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length()) {
                return false;
            }
            if (c == '?') {
                pi++;
                si++;
                continue;
            }
            if (c == '[') {
                int end = p.indexOf(']', pi + 2);
                if (end < 0) {
                    return false;
                }
                String set = p.substring(pi + 1, end);
                boolean invert = set.startsWith("^");
                if (invert) {
                    set = set.substring(1);
                }
                char x = s.charAt(si);
                boolean found = false;
                for (int k = 0; k < set.length(); k++) {
                    if (k + 2 < set.length() && set.charAt(k + 1) == '-') {
                        found |= x >= set.charAt(k) && x <= set.charAt(k + 2);
                        k += 2;
                    } else {
                        found |= x == set.charAt(k);
                    }
                }
                if (found == invert) {
                    return false;
                }
                pi = end + 1;
                si++;
                continue;
            }
            if (c != s.charAt(si)) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
