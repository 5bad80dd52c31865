package dev.skerry.engine.schema;

/**
 * Identifier comparison as SQLite does it ({@code sqlite3StrICmp}): only the 26 ASCII letters fold, so
 * {@code "Ä"} and {@code "ä"} are different names.
 */
public final class Names {
    private Names() {
    }

    public static boolean equal(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (fold(a.charAt(i)) != fold(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The lookup key of a name: its ASCII letters in lower case. */
    public static String key(String name) {
        StringBuilder sb = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (sb == null) {
                    sb = new StringBuilder(name);
                }
                sb.setCharAt(i, (char) (c + 32));
            }
        }
        return sb == null ? name : sb.toString();
    }

    /** True when {@code name} starts with {@code sqlite_} in any case: names reserved for SQLite's own objects. */
    public static boolean reserved(String name) {
        return name.length() >= 7 && equal(name.substring(0, 7), "sqlite_");
    }

    private static char fold(char c) {
        return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
    }

    /**
     * SQLite's {@code sqlite3Dequote}: text opening with a quote character ('', "", `` or []) becomes what that
     * quote encloses (a doubled quote is one), the rest dropped; other text is unchanged. Used for declared
     * types and for the names of unnamed CHECK constraints.
     */
    public static String dequote(String z) {
        if (z.isEmpty()) {
            return z;
        }
        char q = z.charAt(0);
        if (q != '\'' && q != '"' && q != '`' && q != '[') {
            return z;
        }
        char close = q == '[' ? ']' : q;
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < z.length(); i++) {
            char c = z.charAt(i);
            if (c == close) {
                if (close != ']' && i + 1 < z.length() && z.charAt(i + 1) == close) {
                    sb.append(c);
                    i++;
                } else {
                    break;
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
