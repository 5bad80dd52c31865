package dev.skerry.wasm;

import dev.skerry.engine.Connection;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.Statement;
import dev.skerry.engine.StepResult;
import dev.skerry.engine.io.Vfs;

/**
 * One open database of the module: its connection and the VFS the connection's files live in. The blocking
 * helpers here drive the engine's I/O results to completion with {@link Vfs#runPendingIo()}; with the memory
 * and OPFS VFSs every completion is already done, so the loops never spin.
 */
final class Database {
    final Vfs vfs;
    final Connection connection;

    private Database(Vfs vfs, Connection connection) {
        this.vfs = vfs;
        this.connection = connection;
    }

    static Database open(Vfs vfs, String path) throws SqliteException {
        Connection c = Connection.open(vfs, path);
        c.setClock(BrowserClock.INSTANCE);
        while (c.openStep() == StepResult.IO) {
            vfs.runPendingIo();
        }
        return new Database(vfs, c);
    }

    /** Steps {@code st} past any I/O waits: ROW or DONE. */
    StepResult step(Statement st) throws SqliteException {
        StepResult r = st.step();
        while (r == StepResult.IO) {
            vfs.runPendingIo();
            r = st.step();
        }
        return r;
    }

    void close() throws SqliteException {
        while (connection.closeStep() == StepResult.IO) {
            vfs.runPendingIo();
        }
    }
}
