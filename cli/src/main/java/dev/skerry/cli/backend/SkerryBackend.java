package dev.skerry.cli.backend;

import dev.skerry.engine.Connection;
import dev.skerry.engine.TimeZoneClock;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.Statement;
import dev.skerry.engine.StepResult;
import dev.skerry.engine.io.Vfs;
import dev.skerry.vfs.file.FileVfs;
import dev.skerry.vfs.memory.MemoryVfs;

/**
 * The production backend: Skerry's {@link Connection} over {@link FileVfs} for a file, or {@link MemoryVfs}
 * for {@code :memory:} (and an empty name). The shell is the host of the engine's I/O contract: whenever the
 * engine answers {@link StepResult#IO} it runs the VFS's pending I/O and steps again
 * ({@code while ((r = stmt.step()) == StepResult.IO) vfs.runPendingIo();}).
 *
 * <p>States: open after {@link #open} (the connection's {@code openStep} finished); closed after
 * {@link #close()}.
 */
public final class SkerryBackend implements Backend {
    private final Vfs vfs;
    private final Connection conn;

    private SkerryBackend(Vfs vfs, Connection conn) {
        this.vfs = vfs;
        this.conn = conn;
    }

    public static Backend open(String path) throws BackendException {
        boolean memory = path.isEmpty() || path.equals(":memory:");
        Vfs vfs = memory ? new MemoryVfs() : new FileVfs();
        Connection conn = Connection.open(vfs, memory ? ":memory:" : path);
        conn.setClock(new TimeZoneClock());
        try {
            while (conn.openStep() == StepResult.IO) {
                vfs.runPendingIo();
            }
        } catch (SqliteException e) {
            throw error(e);
        }
        return new SkerryBackend(vfs, conn);
    }

    @Override
    public Query prepare(String sql) throws BackendException {
        try {
            Statement st = conn.prepare(sql);
            return st == null ? null : new SkerryQuery(st);
        } catch (SqliteException e) {
            throw error(e);
        }
    }

    @Override
    public void close() {
        try {
            while (conn.closeStep() == StepResult.IO) {
                vfs.runPendingIo();
            }
        } catch (SqliteException e) {
            // the shell is ending; a failed close has nothing left to report to
        }
    }

    static BackendException error(SqliteException e) {
        return new BackendException(e.primaryCode(), e.getMessage(), e.errorOffset());
    }

    /** One Skerry statement; the engine's misuse errors on column access cannot occur on a row. */
    private final class SkerryQuery implements Query {
        private final Statement st;

        SkerryQuery(Statement st) {
            this.st = st;
        }

        @Override
        public int tailOffset() {
            return st.tailOffset();
        }

        @Override
        public int columnCount() {
            return st.columnCount();
        }

        @Override
        public String columnName(int i) {
            try {
                return st.columnName(i);
            } catch (SqliteException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean step() throws BackendException {
            try {
                StepResult r;
                while ((r = st.step()) == StepResult.IO) {
                    vfs.runPendingIo();
                }
                return r == StepResult.ROW;
            } catch (SqliteException e) {
                throw error(e);
            }
        }

        @Override
        public int columnType(int i) {
            try {
                return st.columnType(i);
            } catch (SqliteException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public long columnLong(int i) {
            try {
                return st.columnLong(i);
            } catch (SqliteException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public double columnDouble(int i) {
            try {
                return st.columnDouble(i);
            } catch (SqliteException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String columnText(int i) {
            try {
                return st.columnText(i);
            } catch (SqliteException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public byte[] columnBlob(int i) {
            try {
                return st.columnBlob(i);
            } catch (SqliteException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            try {
                st.close();
            } catch (SqliteException e) {
                // closing a finished statement reports nothing the shell has not already printed
            }
        }
    }
}
