package dev.skerry.engine.compat;

import dev.skerry.engine.Connection;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.Statement;
import dev.skerry.engine.StepResult;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.pager.Pager;
import dev.skerry.testkit.HostLoop;
import dev.skerry.testkit.TestVfs;
import dev.skerry.vfs.file.FileVfs;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Skerry through its public API ({@link Connection}, {@link Statement}) driven by {@link HostLoop}; prepared
 * statements are cached by SQL text and reset before each use.
 */
final class SkerryDb implements Db {
    private final Vfs vfs;
    private final Connection connection;
    private final Map<String, Statement> cache = new HashMap<>();

    private SkerryDb(Vfs vfs, Connection connection) {
        this.vfs = vfs;
        this.connection = connection;
    }

    static SkerryDb open(Vfs vfs, String path) throws SqliteException {
        return new SkerryDb(vfs, HostLoop.open(vfs, path));
    }

    /** Skerry on the database file {@code file} through {@code FileVfs} (deferred when the suite is). */
    static SkerryDb openFile(Path file) throws SqliteException {
        return open(TestVfs.wrap(new FileVfs()), file.toString());
    }

    /**
     * Creates an empty database of {@code pageSize} at {@code path} and opens it. Neither SQL
     * ({@code PRAGMA page_size} is not translated) nor {@link Connection} can set the page size of a new
     * database, so this goes through the pager: set the size while the file is empty, commit the empty page 1,
     * close; then the connection opens it.
     */
    static SkerryDb create(Vfs vfs, String path, int pageSize) throws SqliteException {
        createEmpty(vfs, path, pageSize);
        return open(vfs, path);
    }

    /** {@link #create} on the database file {@code file} through {@code FileVfs} (deferred when the suite is). */
    static SkerryDb createFile(Path file, int pageSize) throws SqliteException {
        return create(TestVfs.wrap(new FileVfs()), file.toString(), pageSize);
    }

    private static void createEmpty(Vfs vfs, String path, int pageSize) throws SqliteException {
        Pager p = Pager.open(vfs, path);
        TestVfs.run(vfs, p::openStep);
        p.setPageSize(pageSize);
        TestVfs.run(vfs, p::beginWrite);
        TestVfs.run(vfs, p::commit);
        TestVfs.run(vfs, p::close);
    }

    Connection connection() {
        return connection;
    }

    private Statement prepare(String sql, Object[] params) throws SqliteException {
        Statement st = cache.get(sql);
        if (st == null) {
            st = connection.prepare(sql);
            cache.put(sql, st);
        } else {
            st.reset();
        }
        for (int i = 0; i < params.length; i++) {
            Object v = params[i];
            if (v == null) {
                st.bindNull(i + 1);
            } else if (v instanceof Long) {
                st.bindLong(i + 1, (Long) v);
            } else if (v instanceof Double) {
                st.bindDouble(i + 1, (Double) v);
            } else if (v instanceof String) {
                st.bindText(i + 1, (String) v);
            } else {
                st.bindBlob(i + 1, (byte[]) v);
            }
        }
        return st;
    }

    @Override
    public void exec(String sql, Object... params) throws SqliteException {
        Statement st = prepare(sql, params);
        try {
            while (HostLoop.step(st, vfs) == StepResult.ROW) {
                // rows of a statement run for its effect are discarded
            }
        } finally {
            st.reset();
        }
    }

    @Override
    public List<List<Object>> query(String sql, Object... params) throws SqliteException {
        Statement st = prepare(sql, params);
        try {
            return HostLoop.rows(st, vfs);
        } finally {
            st.reset();
        }
    }

    /** Closes the statements, then drives the connection's close (checkpoint and close of the files). */
    @Override
    public void close() throws SqliteException {
        for (Statement st : cache.values()) {
            st.close();
        }
        cache.clear();
        HostLoop.close(connection, vfs);
    }

    /** Forgets the connection without closing it: what a crash does to a process. */
    void abandon() {
        cache.clear();
    }
}
