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
}
