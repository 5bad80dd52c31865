package dev.skerry.testkit;

import dev.skerry.engine.Connection;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.Statement;
import dev.skerry.engine.StepResult;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.value.Mem;
import java.util.ArrayList;
import java.util.List;

/**
 * Skerry on a fresh database of the test VFS ({@link TestVfs}: inline or deferred completions), running one
 * statement at a time and reporting an {@link Outcome} in the same form as {@link SqliteEngine}.
 *
 * <p>Each statement goes through {@code Connection.prepare(String)}: the parser, the translator, the VM.
 */
public final class SkerryEngine implements AutoCloseable {
    private final Vfs vfs;
    private final Connection connection;

    public SkerryEngine() {
        this(TestVfs.create(), "differential.db");
    }

    /** Skerry on the database at {@code path} of {@code vfs}. */
    public SkerryEngine(Vfs vfs, String path) {
        try {
            this.vfs = vfs;
            connection = HostLoop.open(vfs, path);
        } catch (SqliteException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Skerry on a fresh database {@code differential.db} of {@code vfs}. */
    public SkerryEngine(Vfs vfs) {
        this(vfs, "differential.db");
    }

    /** The VFS of the connection under test (to drive its statements with {@link HostLoop}). */
    public Vfs vfs() {
        return vfs;
    }

    /** The connection under test (for settings a test changes, such as the sort memory limit). */
    public Connection connection() {
        return connection;
    }

    /** Runs one statement and returns its rows or its error. */
    public Outcome run(String sql) {
        Statement st = null;
        try {
            st = connection.prepare(sql);
            if (st == null) {
                return Outcome.rows(new ArrayList<>(), new ArrayList<>());
            }
            List<String> columns = new ArrayList<>();
            for (int i = 0; i < st.columnCount(); i++) {
                columns.add(st.columnName(i));
            }
            List<List<String>> rows = new ArrayList<>();
            Mem m = new Mem();
            while (HostLoop.step(st, vfs) == StepResult.ROW) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < st.columnCount(); i++) {
                    st.columnValue(i, m);
                    row.add(render(m));
                }
                rows.add(row);
            }
            return Outcome.rows(columns, rows);
        } catch (SqliteException e) {
            return Outcome.error(e.primaryCode(), e.getMessage());
        } finally {
            if (st != null) {
                try {
                    st.close();
                } catch (SqliteException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static String render(Mem m) {
        switch (m.type()) {
            case Mem.INTEGER: return Outcome.integer(m.longValue());
            case Mem.FLOAT: return Outcome.real(m.doubleValue());
            case Mem.TEXT: return Outcome.text(m.text());
            case Mem.BLOB: return Outcome.blob(m.blob());
            default: return Outcome.nullValue();
        }
    }

    @Override
    public void close() {
        try {
            HostLoop.close(connection, vfs);
        } catch (SqliteException e) {
            throw new IllegalStateException(e);
        }
    }
}
