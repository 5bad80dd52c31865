package dev.skerry.server.db;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.Vfs;
import java.util.List;

/**
 * The host side of the engine's I/O contract: when a step returns {@code IO}, the host makes the VFS
 * progress ({@link Vfs#runPendingIo()}) until every completion the engine waits for is done, then steps
 * again. With {@code FileVfs} the completions are already done (inline backend), so this returns at once.
 */
public final class HostIo {
    private HostIo() {
    }

    /** Runs the VFS until {@code pending} are all done; a VFS that stops making progress is an I/O error. */
    public static void await(Vfs vfs, List<Completion> pending) throws SqliteException {
        for (Completion c : pending) {
            while (!c.isDone()) {
                if (!vfs.runPendingIo()) {
                    throw new SqliteException(ResultCode.SQLITE_IOERR, "disk I/O error");
                }
            }
        }
    }
}
