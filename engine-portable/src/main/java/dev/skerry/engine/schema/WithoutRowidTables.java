package dev.skerry.engine.schema;

import dev.skerry.engine.SqliteException;

/**
 * The rules of {@code CREATE TABLE ... WITHOUT ROWID} that SQLite checks when the table's description is
 * finished ({@code sqlite3EndTable}): no AUTOINCREMENT, and a PRIMARY KEY is required.
 */
final class WithoutRowidTables {
    private WithoutRowidTables() {
    }

    static void check(String tableName, boolean autoincrement, boolean hasPrimaryKey) throws SqliteException {
        if (autoincrement) {
            throw SqliteException.error("AUTOINCREMENT not allowed on WITHOUT ROWID tables");
        }
        if (!hasPrimaryKey) {
            throw SqliteException.error("PRIMARY KEY missing on table " + tableName);
        }
    }
}
