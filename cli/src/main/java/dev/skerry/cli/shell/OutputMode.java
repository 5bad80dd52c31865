package dev.skerry.cli.shell;

/** The shell's output modes ({@code .mode NAME}); {@code tabs} is LIST with a tab separator. */
public enum OutputMode {
    LIST, CSV, QUOTE, JSON, LINE, INSERT, COLUMN, TABLE, BOX, MARKDOWN;

    /** Modes that read all rows before printing, to size the columns. */
    boolean columnar() {
        return this == COLUMN || this == TABLE || this == BOX || this == MARKDOWN;
    }
}
