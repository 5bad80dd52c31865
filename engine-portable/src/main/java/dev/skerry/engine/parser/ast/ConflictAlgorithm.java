package dev.skerry.engine.parser.ast;

/** The conflict-resolution algorithm of {@code OR ...} and {@code ON CONFLICT ...} clauses. */
public enum ConflictAlgorithm {
    ROLLBACK, ABORT, FAIL, IGNORE, REPLACE
}
