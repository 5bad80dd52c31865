/**
 * The sqllogictest runner ({@code skerry --slt FILE...}): SQLite's original sqllogictest format, read and run
 * exactly as the reference driver ({@code sqllogictest.c} with {@code slt_sqlite.c}) does. The format and the
 * value rendering rules are written down in {@code corpus/slt/FORMAT.md}.
 *
 * <p>Pipeline: {@link dev.skerry.cli.slt.SltScript} splits a file into {@link dev.skerry.cli.slt.SltRecord}s;
 * {@link dev.skerry.cli.slt.SltRunner} runs them over a {@link dev.skerry.cli.backend.Backend} (a fresh empty
 * database per file), rendering each result value with {@link dev.skerry.cli.slt.SltValues} and comparing
 * value lists or their MD5 hashes ({@link dev.skerry.cli.slt.SltResult}).
 */
package dev.skerry.cli.slt;
