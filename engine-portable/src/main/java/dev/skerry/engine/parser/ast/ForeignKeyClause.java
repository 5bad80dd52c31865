package dev.skerry.engine.parser.ast;

import java.util.List;

/**
 * {@code REFERENCES table [(columns)] [ON DELETE action] [ON UPDATE action] [MATCH name]
 * [[NOT] DEFERRABLE [INITIALLY DEFERRED|IMMEDIATE]]}.
 *
 * @param columns           empty when not written (the parent's primary key)
 * @param onDelete          NO_ACTION when not written
 * @param onUpdate          NO_ACTION when not written
 * @param match             the MATCH name or null (SQLite parses and ignores it)
 * @param initiallyDeferred true only for {@code DEFERRABLE INITIALLY DEFERRED}
 */
public record ForeignKeyClause(Name table, List<Name> columns, Action onDelete, Action onUpdate, Name match,
                               boolean initiallyDeferred) {

    /** The foreign key actions. */
    public enum Action {
        NO_ACTION, SET_NULL, SET_DEFAULT, CASCADE, RESTRICT
    }
}
