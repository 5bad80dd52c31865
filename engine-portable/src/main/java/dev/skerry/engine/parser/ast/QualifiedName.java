package dev.skerry.engine.parser.ast;

/**
 * An object name optionally qualified by its schema: {@code main.t1}, {@code temp.v}, or just {@code t1}.
 *
 * @param schema the schema name, or {@code null} when not given
 * @param name   the object name
 */
public record QualifiedName(Name schema, Name name) {
    @Override
    public String toString() {
        return schema == null ? name.text() : schema.text() + "." + name.text();
    }
}
