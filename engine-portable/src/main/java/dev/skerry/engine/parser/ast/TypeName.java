package dev.skerry.engine.parser.ast;

/**
 * A declared type such as {@code INTEGER}, {@code VARCHAR(10)} or {@code DECIMAL(10, 2)}.
 *
 * @param text  the type's source text from its first word to its last token, as SQLite stores it
 *              (the input to SQLite's affinity rules)
 * @param name  the words of the name (dequoted), joined by single spaces
 * @param size1 the first size argument's source text (a signed number), or {@code null}
 * @param size2 the second size argument's source text, or {@code null}
 */
public record TypeName(String text, String name, String size1, String size2, int start, int end) implements Node {
}
