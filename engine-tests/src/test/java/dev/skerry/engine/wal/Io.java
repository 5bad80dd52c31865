package dev.skerry.engine.wal;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.Vfs;
import dev.skerry.testkit.TestVfs;
import java.util.List;

/** Host-side blocking helpers for the WAL tests. */
final class Io {
    private Io() {
    }

    /** A re-callable step. */
    interface Step extends TestVfs.VoidStep {
    }

    /** Runs a re-callable step to its end, as a host does (see {@link TestVfs#run}). */
    static void drive(Vfs vfs, TestVfs.VoidStep step) throws SqliteException {
        TestVfs.run(vfs, step);
    }

    /**
     * Commits the pages {@code pgnos} of the database image {@code image} to {@code wal}, the database being
     * {@code dbSize} pages after it, driven to its end.
     */
    static void commitPages(Vfs vfs, Wal wal, byte[] image, int pageSize, List<Integer> pgnos, int dbSize)
            throws SqliteException {
        int[] numbers = SqliteFiles.numbers(pgnos);
        byte[][] pages = SqliteFiles.pages(image, pgnos, pageSize);
        drive(vfs, () -> wal.commit(numbers, pages, numbers.length, dbSize));
    }

    /** Runs the VFS until {@code c} is done, failed or not. */
    static void awaitDone(Vfs vfs, Completion c) {
        while (!c.isDone()) {
            if (!vfs.runPendingIo()) {
                throw new AssertionError("completion pending but the VFS has nothing to run");
            }
        }
    }

    /** Runs the VFS until {@code c} is done; it must have succeeded. */
    static long await(Vfs vfs, Completion c) {
        awaitDone(vfs, c);
        if (c.isFailed()) {
            throw new AssertionError("I/O failed: " + c.errorCode());
        }
        return c.result();
    }
}
