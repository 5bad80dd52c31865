package dev.skerry.engine.parser.ast;

import java.util.List;

/**
 * A column definition of CREATE TABLE or ALTER TABLE ADD COLUMN.
 *
 * @param type null when no type was declared
 */
public record ColumnDef(Name name, TypeName type, List<ColumnConstraint> constraints) {
}
