/**
 * The {@code skerry} command: a {@code sqlite3}-style shell ({@link dev.skerry.cli.shell}), the
 * sqllogictest runner ({@link dev.skerry.cli.slt}) and the runner of Turso's {@code .sqltest} files
 * ({@link dev.skerry.cli.sqltest}, through the shell), all written against the small engine interface of
 * {@link dev.skerry.cli.backend}. {@link dev.skerry.cli.Main} parses the command line and picks the mode.
 */
package dev.skerry.cli;
