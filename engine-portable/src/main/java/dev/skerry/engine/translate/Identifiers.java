package dev.skerry.engine.translate;

import dev.skerry.engine.parser.Keywords;

/**
 * Identifiers written back into SQL text as SQLite writes them ({@code identPut} in {@code build.c}): a name
 * is double-quoted (with embedded quotes doubled) unless it is a plain word of letters, digits and
 * underscores not starting with a digit and not one of SQLite's keywords ({@link Keywords}).
 */
final class Identifiers {
    private Identifiers() {
    }

    /** {@code name}, quoted when SQLite would quote it. */
    static String quote(String name) {
        boolean plain = !name.isEmpty() && !(name.charAt(0) >= '0' && name.charAt(0) <= '9');
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c >= 0x80;
        }
        if (plain && !Keywords.isKeyword(name)) {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** SQLite's {@code identLength}: the length the quoted form may take, used to choose a layout. */
    static int length(String name) {
        int n = 0;
        for (int i = 0; i < name.length(); i++) {
            n += name.charAt(i) == '"' ? 2 : 1;
        }
        return n + 2;
    }
}
