package dev.skerry.cli.backend;

/**
 * One open database connection as the shell sees it.
 *
 * <p>States: open from construction until {@link #close()}; every method but {@code close} requires the open
 * state. At most one {@link Query} is in use at a time (the shell closes each before preparing the next).
 */
public interface Backend extends AutoCloseable {

    /**
     * Compiles the first statement of {@code sql}, as {@code sqlite3_prepare_v2} does.
     *
     * @return the compiled statement, whose {@link Query#tailOffset()} says where the rest of {@code sql}
     *     begins (empty statements before it, such as a lone {@code ;}, are skipped); or {@code null} when
     *     {@code sql} holds only whitespace, comments and semicolons
     * @throws BackendException the statement does not compile (syntax error, unknown table, ...)
     */
    Query prepare(String sql) throws BackendException;

    /** Closes the connection; later calls are not allowed. Never throws. */
    @Override
    void close();
}
