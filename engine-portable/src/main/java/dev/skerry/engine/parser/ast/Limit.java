package dev.skerry.engine.parser.ast;

/**
 * {@code LIMIT limit [OFFSET offset]}; {@code LIMIT a, b} is stored as limit {@code b}, offset {@code a}, as
 * SQLite does.
 *
 * @param offset the offset, or {@code null}
 */
public record Limit(Expr limit, Expr offset) {
}
