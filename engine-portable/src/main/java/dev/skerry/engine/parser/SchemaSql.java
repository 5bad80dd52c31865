package dev.skerry.engine.parser;

import dev.skerry.engine.parser.ast.QualifiedName;
import dev.skerry.engine.parser.ast.Stmt;

/**
 * The text SQLite stores in {@code sqlite_schema.sql} for a CREATE statement: not the statement as typed but
 * {@code CREATE <kind> } followed by the source text from the object's name to the end of the statement,
 * which drops {@code TEMP}, {@code IF NOT EXISTS} and the schema qualifier and normalises the keywords'
 * case ({@code sqlite3EndTable}, {@code sqlite3CreateIndex}, {@code sqlite3FinishTrigger}).
 */
public final class SchemaSql {
    private SchemaSql() {
    }

    /**
     * The {@code sqlite_schema.sql} text of {@code stmt}, parsed from {@code sql}; null for statements that
     * are not CREATE statements and for {@code CREATE TABLE ... AS SELECT}, whose stored text SQLite
     * composes from the result columns' names and affinities.
     */
    public static String of(Stmt stmt, String sql) {
        if (stmt instanceof Stmt.CreateTable) {
            Stmt.CreateTable t = (Stmt.CreateTable) stmt;
            return t.asSelect() != null ? null : "CREATE TABLE " + fromName(t.name(), stmt, sql);
        }
        if (stmt instanceof Stmt.CreateIndex) {
            Stmt.CreateIndex i = (Stmt.CreateIndex) stmt;
            return (i.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") + fromName(i.name(), stmt, sql);
        }
        if (stmt instanceof Stmt.CreateView) {
            return "CREATE VIEW " + fromName(((Stmt.CreateView) stmt).name(), stmt, sql);
        }
        if (stmt instanceof Stmt.CreateTrigger) {
            return "CREATE TRIGGER " + fromName(((Stmt.CreateTrigger) stmt).name(), stmt, sql);
        }
        if (stmt instanceof Stmt.CreateVirtualTable) {
            return "CREATE VIRTUAL TABLE " + fromName(((Stmt.CreateVirtualTable) stmt).name(), stmt, sql);
        }
        return null;
    }

    private static String fromName(QualifiedName name, Stmt stmt, String sql) {
        return sql.substring(name.name().start(), stmt.end());
    }
}
