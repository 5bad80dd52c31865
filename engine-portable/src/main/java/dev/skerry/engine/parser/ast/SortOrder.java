package dev.skerry.engine.parser.ast;

/** ASC/DESC of an ORDER BY term or indexed column; {@link #DEFAULT} when neither was written. */
public enum SortOrder {
    DEFAULT, ASC, DESC
}
