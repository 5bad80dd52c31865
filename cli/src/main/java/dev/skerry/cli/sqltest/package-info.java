/**
 * The runner of Turso's {@code .sqltest} conformance files ({@code skerry --sqltest FILE|DIR...}), in one JVM.
 *
 * <p>The format is summarised in {@code corpus/turso-sqltest/README.md}; the reference for how a case runs is
 * that folder's {@code run_sqltest_cli.py} (the CLI backend of Turso's runner). Pipeline:
 * {@link dev.skerry.cli.sqltest.SqltestParser} reads a file into a {@link dev.skerry.cli.sqltest.SqltestFile}
 * of {@link dev.skerry.cli.sqltest.SqltestCase}s; {@link dev.skerry.cli.sqltest.SqltestRunner} runs each case
 * for each of the file's databases through the {@link dev.skerry.cli.shell.Shell} in list mode (its stdout and
 * stderr captured in memory), and {@link dev.skerry.cli.sqltest.Expectation} compares the output as the
 * script does. The backend is any {@link dev.skerry.cli.backend.Backend}: Skerry in production, SQLite
 * (sqlite-jdbc) in the tests that validate the runner.
 */
package dev.skerry.cli.sqltest;
