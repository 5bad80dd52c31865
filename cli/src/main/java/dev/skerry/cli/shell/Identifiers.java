package dev.skerry.cli.shell;

import dev.skerry.engine.parser.Keywords;

/**
 * The shell's {@code quoteChar}: a name needs double quotes unless it is a plain identifier (a letter or
 * underscore, then letters, digits, underscores) that is not an SQL keyword
 * ({@link Keywords}, the parser's own table, as sqlite3's shell asks {@code sqlite3_keyword_check}).
 */
final class Identifiers {
    private Identifiers() {
    }

    private static boolean needsQuote(String name) {
        if (name.isEmpty()) {
            return true;
        }
        char c0 = name.charAt(0);
        if (!isAlpha(c0) && c0 != '_') {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '_') {
                return true;
            }
        }
        return Keywords.isKeyword(name);
    }

    /** {@code name} as the shell writes it: {@link #quote quoted} when it {@link #needsQuote needs quotes}. */
    static String quoteIfNeeded(String name) {
        return needsQuote(name) ? quote(name) : name;
    }

    /** {@code "name"} with inner double quotes doubled (printf's {@code %w}). */
    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
