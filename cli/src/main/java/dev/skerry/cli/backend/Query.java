package dev.skerry.cli.backend;

/**
 * One compiled statement being run, as the shell sees it ({@code sqlite3_stmt}).
 *
 * <p>States: <em>ready</em> after {@link Backend#prepare}; <em>on a row</em> after {@link #step()} returned
 * true; <em>done</em> after it returned false or threw; <em>closed</em> after {@link #close()}. Column names and
 * the column count are available in every state but closed; column values only on a row. Value accessors have
 * the semantics of {@code sqlite3_column_type/int64/double/text/blob}: the engine converts the value as SQLite
 * would (an INTEGER asked as text gives its decimal form, a REAL its {@code %!.15g} form, a TEXT asked as an
 * integer its leading integer prefix, ...).
 */
public interface Query extends AutoCloseable {

    /** Offset (in Java chars of the text given to {@code prepare}) where the next statement begins. */
    int tailOffset();

    int columnCount();

    /** The name of result column {@code i} ({@code sqlite3_column_name}). */
    String columnName(int i);

    /** Runs the statement to its next row: true on a row, false when done. */
    boolean step() throws BackendException;

    /** Storage class of the value in column {@code i}: one of {@code Mem.INTEGER ... Mem.NULL}. */
    int columnType(int i);

    long columnLong(int i);

    double columnDouble(int i);

    /** The value as text; null for NULL. */
    String columnText(int i);

    /** The value's bytes (a TEXT value gives its UTF-8 bytes); null for NULL. */
    byte[] columnBlob(int i);

    /** Releases the statement. Never throws. */
    @Override
    void close();
}
