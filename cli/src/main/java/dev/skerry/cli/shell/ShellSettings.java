package dev.skerry.cli.shell;

/**
 * The settings dot-commands change: output mode, separators, NULL text, headers, bail, the escape mode for
 * control characters, and the table name of insert mode. Initial values are the {@code sqlite3} shell's
 * (list mode, {@code |} and newline, empty NULL text, headers off, bail off, {@code ^X} escapes).
 */
final class ShellSettings {
    /** How control characters in output text are shown ({@code .mode --escape}). */
    enum Escape { ASCII, SYMBOL, OFF }

    OutputMode mode = OutputMode.LIST;
    String colSeparator = "|";
    String rowSeparator = "\n";
    String nullValue = "";
    boolean showHeader;
    /** True once {@code .headers} was used: column mode then no longer turns headers on by itself. */
    boolean headerSet;
    boolean bail;
    Escape escape = Escape.ASCII;
    String insertTable = "\"table\"";
    /** Maximum width of a column in the columnar modes before its text wraps ({@code --wrap}). */
    int wrap = 60;
}
