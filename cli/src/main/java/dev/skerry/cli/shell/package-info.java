/**
 * The {@code sqlite3}-style shell: reads SQL and dot-commands line by line, runs each complete statement
 * buffer over a {@link dev.skerry.cli.backend.Backend} and prints results, errors and exit status as the
 * {@code sqlite3} shell of SQLite 3.50 does (its {@code process_input}, {@code runOneSqlLine},
 * {@code shell_exec} and {@code shell_callback}).
 *
 * <p>Pieces: {@link dev.skerry.cli.shell.Shell} (the input loop and statement execution),
 * {@link dev.skerry.cli.shell.QuickScan} (the per-line scanner deciding when a buffer may be complete),
 * {@link dev.skerry.cli.shell.DotCommands}, {@link dev.skerry.cli.shell.ShellSettings} (mode, separators,
 * headers, null text), {@link dev.skerry.cli.shell.RowPrinter} (row-at-a-time modes) and
 * {@link dev.skerry.cli.shell.ColumnarPrinter} (column, table, box, markdown), all writing bytes to a
 * {@link dev.skerry.cli.shell.ShellOutput} that is flushed after every statement so that stdout and stderr
 * keep their order when merged.
 */
package dev.skerry.cli.shell;
