package dev.skerry.engine.parser.ast;

/**
 * An identifier with its quotes removed ({@code "a""b"} gives {@code a"b}) and a note of how it was quoted.
 * SQLite treats a {@link Quote#DOUBLE double-quoted} name that resolves to no column as a string literal; a
 * {@link Quote#SINGLE single-quoted} name is allowed where SQLite's grammar accepts a STRING as a name
 * ({@code CREATE TABLE 't'(...)}).
 *
 * @param text   the identifier, unquoted, case preserved (SQLite compares names case-insensitively, ASCII only)
 * @param quote  how the identifier was written
 * @param start  offset of its first character (the opening quote, if any)
 * @param end    offset just after its last character
 */
public record Name(String text, Quote quote, int start, int end) implements Node {
    /** How an identifier was written. */
    public enum Quote {
        /** A bare word, possibly a keyword SQLite lets fall back to an identifier. */
        NONE,
        /** {@code "x"}: may turn out to be a string literal. */
        DOUBLE,
        /** {@code [x]} */
        BRACKET,
        /** {@code `x`} */
        BACKTICK,
        /** {@code 'x'}: a string literal used as a name. */
        SINGLE
    }

    public boolean isDoubleQuoted() {
        return quote == Quote.DOUBLE;
    }

    /** ASCII case-insensitive comparison, as SQLite compares identifiers. */
    public boolean is(String other) {
        return text.equalsIgnoreCase(other);
    }

    @Override
    public String toString() {
        return text;
    }
}
