/**
 * Skerry's engine: a SQLite-compatible database engine in portable Java.
 *
 * <p>The pipeline, one package per stage: {@code parser} (SQL text to syntax tree) → {@code translate}
 * (syntax tree to a bytecode program, with the planner) → {@code vdbe} (the register machine that runs it)
 * → {@code btree} (tables and indexes as B-trees of cells) → {@code pager} (pages, page cache, transactions)
 * → {@code wal} (the write-ahead log) → {@code io} (the completion-based VFS contract). Values live in
 * {@code value}; SQL functions in {@code func}.
 *
 * <p>Rules for every package here: plain Java 17 that TeaVM compiles to WebAssembly; no threads, no
 * reflection, no {@code java.io} files or {@code java.nio.file}; no blocking I/O (see {@link
 * dev.skerry.engine.io}); no {@code String.format} and no reliance on {@code HashMap} iteration order.
 */
package dev.skerry.engine;
