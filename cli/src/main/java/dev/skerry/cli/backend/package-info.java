/**
 * The small interface between the shell (and the sqllogictest runner) and a database engine.
 *
 * <p>The shell never talks to an engine directly: it opens a {@link dev.skerry.cli.backend.Backend}, compiles
 * one statement at a time with {@link dev.skerry.cli.backend.Backend#prepare} (which also says where the next
 * statement begins, as {@code sqlite3_prepare_v2}'s tail does) and reads rows through
 * {@link dev.skerry.cli.backend.Query}, whose accessors have the semantics of SQLite's
 * {@code sqlite3_column_*} functions. The same shell code therefore runs over Skerry in production
 * ({@link dev.skerry.cli.backend.SkerryBackend}) and over real SQLite (sqlite-jdbc, a test backend) in the
 * tests, where its output is compared byte for byte with the {@code sqlite3} shell's.
 */
package dev.skerry.cli.backend;
