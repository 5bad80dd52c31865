package dev.skerry.wasm;

import dev.skerry.engine.Statement;

/** A statement handed to JavaScript, with the database it belongs to (whose VFS drives its I/O). */
final class Prepared {
    final Database database;
    final Statement statement;

    Prepared(Database database, Statement statement) {
        this.database = database;
        this.statement = statement;
    }
}
