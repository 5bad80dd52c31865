package dev.skerry.engine.parser.ast;

/** {@code name AS (definition)} of a SELECT's WINDOW clause. */
public record NamedWindow(Name name, WindowDef definition) {
}
