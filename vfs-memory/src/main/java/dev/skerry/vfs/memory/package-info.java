/**
 * A {@link dev.skerry.engine.io.Vfs} whose files live in memory, completing every operation inline. One
 * {@link dev.skerry.vfs.memory.MemoryVfs} instance is a small file system: several opens of one path share
 * the same bytes, so a database and its WAL survive a close and reopen within the instance. Portable (TeaVM).
 */
package dev.skerry.vfs.memory;
