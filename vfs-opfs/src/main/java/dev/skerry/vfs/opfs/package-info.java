/**
 * A {@link dev.skerry.engine.io.Vfs} over the browser's Origin Private File System, for a dedicated Worker.
 *
 * <p>OPFS opens files asynchronously ({@code createSyncAccessHandle} returns a promise) but, once open, a
 * {@code FileSystemSyncAccessHandle} reads, writes, flushes, sizes and truncates synchronously. The host (the
 * JS worker of {@code js-wrapper}) therefore opens the handles of a database and of its {@code -wal} before it
 * opens the database, and hands them over in a JS {@code Map} from path to handle; {@link
 * dev.skerry.vfs.opfs.OpfsVfs} then completes every operation inline, so {@code Statement.step()} never
 * returns {@code IO} with it. Compiles only with TeaVM (it calls JavaScript through JSO).
 */
package dev.skerry.vfs.opfs;
