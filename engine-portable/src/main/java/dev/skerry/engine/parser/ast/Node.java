package dev.skerry.engine.parser.ast;

/**
 * A node that remembers where it came from: {@code start} is the offset of its first character in the SQL
 * text, {@code end} the offset just after its last character (so {@code sql.substring(start(), end())} is its
 * source text).
 */
public interface Node {
    int start();

    int end();

    /** The node's source text, cut from the SQL text it was parsed from. */
    default String sourceText(String sql) {
        return sql.substring(start(), end());
    }
}
