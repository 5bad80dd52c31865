/**
 * Databases that live in the connection's memory only: the TEMP database (schema {@code temp}, database 1)
 * is an ordinary pager and b-tree database whose files are byte arrays of {@link MemoryFiles}, a VFS with
 * inline completions private to one connection. It exists here, not as a dependency on {@code vfs-memory},
 * because the engine must open it whatever VFS the main database uses.
 */
package dev.skerry.engine.memdb;
