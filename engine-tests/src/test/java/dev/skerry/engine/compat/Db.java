package dev.skerry.engine.compat;

import java.util.List;

/**
 * One open database of either engine, as the compatibility tests use it. Values are Java objects:
 * {@code Long}, {@code Double}, {@code String}, {@code byte[]} or {@code null}.
 */
interface Db extends AutoCloseable {
    /** Runs one statement with positional parameters, discarding its rows. */
    void exec(String sql, Object... params) throws Exception;

    /** Runs one query with positional parameters and returns its rows. */
    List<List<Object>> query(String sql, Object... params) throws Exception;

    @Override
    void close() throws Exception;
}
