package dev.skerry.engine.wal;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.io.Vfs;

/** The host's blocking loop for tests: re-runs a re-callable step until it stops throwing IoPending. */
final class Io {
    private Io() {
    }

    interface Step {
        void run() throws IoPending, SqliteException;
    }

    static void drive(Vfs vfs, Step step) throws SqliteException {
        int rounds = 0;
        for (;;) {
            try {
                step.run();
                return;
            } catch (IoPending p) {
                for (Completion c : p.completions()) {
                    awaitDone(vfs, c);
                }
            }
            if (++rounds > 1_000_000) {
                throw new AssertionError("step does not finish");
            }
        }
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
