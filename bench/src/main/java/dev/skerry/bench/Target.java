package dev.skerry.bench;

import java.util.List;

/** One database engine under test, as the bench-peers adapters see one: exec, prepare, run/get/all. */
public interface Target extends AutoCloseable {
    /** A short name for tables ("sqlite", "skerry"). */
    String name();

    /** Runs SQL text that returns no rows (may hold several statements). */
    void exec(String sql) throws Exception;

    PreparedStep prepare(String sql) throws Exception;

    @Override
    void close() throws Exception;

    /** A statement compiled once and run many times with positional arguments. */
    interface PreparedStep extends AutoCloseable {
        void run(Object[] args) throws Exception;

        /** The first row, or null when there is none. */
        Object[] get(Object[] args) throws Exception;

        List<Object[]> all(Object[] args) throws Exception;

        @Override
        void close() throws Exception;
    }
}
