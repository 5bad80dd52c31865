package dev.skerry.engine.parser.ast;

/** {@code NULLS FIRST} / {@code NULLS LAST} of an ORDER BY term; {@link #DEFAULT} when not written. */
public enum NullsOrder {
    DEFAULT, FIRST, LAST
}
