/**
 * The schema model: what the database's {@code sqlite_schema} table describes, in memory.
 *
 * <p>A {@link dev.skerry.engine.schema.Schema} holds the tables ({@link dev.skerry.engine.schema.Table},
 * with their {@link dev.skerry.engine.schema.Column}s), indexes ({@link dev.skerry.engine.schema.Index}),
 * views ({@link dev.skerry.engine.schema.View}) and triggers ({@link dev.skerry.engine.schema.Trigger}) of one
 * database (the main database's schema holds the TEMP database's beside it), in {@code sqlite_schema} order, looked up by name without regard to ASCII case as SQLite
 * does. It is built from the rows of {@code sqlite_schema} (type, name, tbl_name, rootpage, sql) by
 * {@link dev.skerry.engine.schema.SchemaBuilder}, which parses each row's {@code sql} with the parser and
 * applies SQLite's rules: column affinity from the declared type, INTEGER PRIMARY KEY as an alias of the
 * rowid, the automatic indexes {@code sqlite_autoindex_<table>_<n>} behind PRIMARY KEY and UNIQUE
 * constraints. {@link dev.skerry.engine.schema.Stat1} then gives the tables and indexes the planner statistics
 * of the {@code sqlite_stat1} rows read with the schema.
 *
 * <p>Who uses it: the translator ({@code dev.skerry.engine.translate}) resolves names against it while
 * compiling; the VM loads it when a connection first reads the database, adds to it on {@code ParseSchema}
 * and removes from it on {@code DropTable}/{@code DropIndex}; the schema cookie it records tells the VM
 * whether a prepared program was compiled against the schema that is on disk.
 */
package dev.skerry.engine.schema;
