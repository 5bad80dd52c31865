/**
 * A {@link dev.skerry.engine.io.Vfs} over the JVM's file system ({@code FileChannel}), completing every
 * operation inline. For the CLI, servers and tests that exchange files with real SQLite. JVM only.
 */
package dev.skerry.vfs.file;
