package dev.skerry.bench;

import dev.skerry.engine.Connection;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.Statement;
import dev.skerry.engine.StepResult;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.value.Mem;
import dev.skerry.vfs.file.FileVfs;
import java.util.ArrayList;
import java.util.List;

/** Skerry on JVM files, or on memory files (both complete inline, so the I/O loop never spins). */
final class SkerryTarget implements Target {
    private final Vfs vfs;
    private final Connection conn;

    SkerryTarget(String path) throws SqliteException {
        this(new FileVfs(), path);
    }

    SkerryTarget(Vfs vfs, String path) throws SqliteException {
        this.vfs = vfs;
        conn = Connection.open(vfs, path);
        while (conn.openStep() == StepResult.IO) {
            vfs.runPendingIo();
        }
    }

    @Override
    public String name() {
        return "skerry";
    }

    @Override
    public void exec(String sql) throws SqliteException {
        int offset = 0;
        while (offset < sql.length()) {
            Statement st = conn.prepare(sql, offset);
            if (st == null) {
                return;
            }
            try {
                while (step(st)) {
                    // rows of exec'd statements are discarded
                }
                offset = st.tailOffset();
            } finally {
                st.close();
            }
        }
    }

    private boolean step(Statement st) throws SqliteException {
        StepResult r;
        while ((r = st.step()) == StepResult.IO) {
            vfs.runPendingIo();
        }
        return r == StepResult.ROW;
    }

    @Override
    public PreparedStep prepare(String sql) throws SqliteException {
        Statement st = conn.prepare(sql);
        Mem cell = new Mem();
        return new PreparedStep() {
            private void bind(Object[] args) throws SqliteException {
                st.reset();
                for (int i = 0; i < args.length; i++) {
                    Object a = args[i];
                    if (a instanceof Long) {
                        st.bindLong(i + 1, (Long) a);
                    } else if (a instanceof String) {
                        st.bindText(i + 1, (String) a);
                    } else if (a == null) {
                        st.bindNull(i + 1);
                    } else {
                        throw new IllegalArgumentException("unsupported argument " + a);
                    }
                }
            }

            private Object[] row() throws SqliteException {
                int n = st.columnCount();
                Object[] r = new Object[n];
                for (int i = 0; i < n; i++) {
                    st.columnValue(i, cell);
                    switch (cell.type()) {
                        case Mem.INTEGER: r[i] = cell.longValue(); break;
                        case Mem.FLOAT: r[i] = cell.doubleValue(); break;
                        case Mem.TEXT: r[i] = cell.text(); break;
                        case Mem.BLOB: r[i] = cell.blob(); break;
                        default: r[i] = null;
                    }
                }
                return r;
            }

            @Override
            public void run(Object[] args) throws SqliteException {
                bind(args);
                while (step(st)) {
                    // a statement run for its effect
                }
            }

            @Override
            public Object[] get(Object[] args) throws SqliteException {
                bind(args);
                return step(st) ? row() : null;
            }

            @Override
            public List<Object[]> all(Object[] args) throws SqliteException {
                bind(args);
                List<Object[]> rows = new ArrayList<>();
                while (step(st)) {
                    rows.add(row());
                }
                return rows;
            }

            @Override
            public void close() throws SqliteException {
                st.close();
            }
        };
    }

    @Override
    public void close() throws SqliteException {
        while (conn.closeStep() == StepResult.IO) {
            vfs.runPendingIo();
        }
    }
}
