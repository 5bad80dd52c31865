/**
 * File compatibility and crash safety at SQL level: databases written by SQLite (sqlite-jdbc) are read by
 * Skerry, databases written by Skerry's SQL are read by SQLite, at every page size and in rollback-journal
 * and WAL modes, and a power cut at any write, truncate or sync of a commit or checkpoint leaves a database
 * holding the old or the new state, which SQLite's {@code PRAGMA integrity_check} accepts.
 *
 * <p>Both engines run the same SQL ({@link dev.skerry.engine.compat.Workload}) behind one small interface
 * ({@link dev.skerry.engine.compat.Db}); results are compared value by value and type by type
 * ({@link dev.skerry.engine.compat.Rows}). The file tests' round trip (one engine writes a file, the other
 * opens it beside a reference file SQLite wrote, integrity_check, same rows; both directions) is
 * {@link dev.skerry.engine.compat.FileRoundTrip}.
 */
package dev.skerry.engine.compat;
