package dev.skerry.engine.parser.ast;

import java.util.List;

/** {@code column = value} or {@code (c1, c2) = value} of UPDATE and upsert; {@code columns} has one or more names. */
public record SetClause(List<Name> columns, Expr value) {
}
