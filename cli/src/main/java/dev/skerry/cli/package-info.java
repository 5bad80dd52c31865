/**
 * The {@code skerry} command: a {@code sqlite3}-style shell ({@link dev.skerry.cli.shell}) and the
 * sqllogictest runner ({@link dev.skerry.cli.slt}), both written against the small engine interface of
 * {@link dev.skerry.cli.backend}. {@link dev.skerry.cli.Main} parses the command line and picks the mode.
 */
package dev.skerry.cli;
