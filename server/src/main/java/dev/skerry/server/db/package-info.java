/**
 * The databases of a server: {@link dev.skerry.server.db.Databases} is the registry of one data directory
 * (each database {@code <name>.db} with its {@code -wal}, opened through {@code FileVfs} on first use and
 * closed when idle or when the bound on open databases needs room); {@link dev.skerry.server.db.Database} is
 * one database, its single engine {@code Connection} and the lock that serialises access to it, including
 * the transaction a client stream keeps open across requests; {@link dev.skerry.server.db.HostIo} is the host
 * loop that completes the engine's pending I/O. Protocol code (Hrana) sits above this package and knows
 * nothing of files.
 */
package dev.skerry.server.db;
