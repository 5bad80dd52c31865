/**
 * VACUUM and VACUUM INTO: the main database or an attached one rebuilt without free pages.
 *
 * <p>Design: the copy works at the b-tree level, not through SQL. {@link dev.skerry.engine.vacuum.Vacuum}
 * reads {@code sqlite_schema}, lays out the new schema in SQLite's order ({@code SchemaOrder}: root pages
 * allocated as SQLite's VACUUM allocates them by re-running the CREATE statements), and copies every b-tree,
 * entry by entry in key order, into an in-memory image ({@link dev.skerry.engine.btree.PageImage}) with a
 * {@link dev.skerry.engine.btree.TreeLoader}, which packs pages as SQLite's append-mode transfer does and never
 * compares keys: table b-trees, indexes and WITHOUT ROWID tables (index b-trees) are copied alike, whatever
 * their collations. The copy's progress (b-tree being copied, source cursor, whether its current entry is
 * already copied) lives in the {@code Vacuum} object, switched before any {@link dev.skerry.engine.io.IoPending},
 * so the Vacuum opcode can be re-run from its start.
 *
 * <p>VACUUM installs the image in the database's own write transaction ({@code Pager.rewritePage},
 * {@code Pager.truncate}): the statement's Halt commits it through the write-ahead log like any transaction
 * (so a crash leaves the old or the new database, never a mix), and the checkpoint gives the file its new,
 * smaller size. VACUUM INTO writes the image to a file of the connection's VFS (main's; OPFS in the browser) as a
 * rollback-journal database, as SQLite does; like SQLite's, it is not atomic (a crash may leave a partial
 * file). {@code main} and attached databases (files or in memory) are vacuumed; {@code VACUUM temp} does
 * nothing, as in SQLite.
 */
package dev.skerry.engine.vacuum;
