package dev.skerry.testkit;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.io.Vfs;
import dev.skerry.vfs.memory.MemoryVfs;

/**
 * The VFS a test should use, chosen by the system property {@code skerry.vfs}: {@code inline} (default) is
 * a {@link MemoryVfs}; {@code deferred} is a {@link DeferredVfs} over one. {@link #drive} runs a re-callable
 * operation to its end the way a host does: call it; on {@link IoPending} run the pending I/O and call again.
 */
public final class TestVfs {
    private TestVfs() {
    }

    /** A re-callable operation: may throw {@link IoPending}, and is then called again. */
    public interface Step<T> {
        T run() throws IoPending, SqliteException;
    }

    /** A re-callable operation without a result. */
    public interface VoidStep {
        void run() throws IoPending, SqliteException;
    }

    /** True when the suite runs with deferred completions. */
    public static boolean deferred() {
        return "deferred".equals(System.getProperty("skerry.vfs", "inline"));
    }

    /** A fresh VFS per the {@code skerry.vfs} property. */
    public static Vfs create() {
        return wrap(new MemoryVfs());
    }

    /**
     * A fresh VFS per the {@code skerry.vfs} property; when deferred, reads issued together complete in an
     * order drawn from {@code seed}.
     */
    public static Vfs createShuffled(long seed) {
        return deferred() ? new DeferredVfs(new MemoryVfs(), new java.util.Random(seed)) : new MemoryVfs();
    }

    /** {@code inner} itself, or wrapped in a {@link DeferredVfs} when the suite runs deferred. */
    public static Vfs wrap(Vfs inner) {
        return deferred() ? new DeferredVfs(inner) : inner;
    }

    /** Calls {@code step} until it returns, running {@code vfs}'s pending I/O after each {@link IoPending}. */
    public static <T> T drive(Vfs vfs, Step<T> step) throws SqliteException {
        for (int rounds = 0; ; rounds++) {
            try {
                return step.run();
            } catch (IoPending p) {
                if (!vfs.runPendingIo() && !allDone(p)) {
                    throw new IllegalStateException("IoPending with nothing to run");
                }
                if (rounds > 10_000_000) {
                    throw new IllegalStateException("operation never finishes");
                }
            }
        }
    }

    /** {@link #drive} for an operation without a result. */
    public static void run(Vfs vfs, VoidStep step) throws SqliteException {
        drive(vfs, () -> {
            step.run();
            return null;
        });
    }

    private static boolean allDone(IoPending p) {
        for (int k = 0; k < p.completions().size(); k++) {
            if (!p.completions().get(k).isDone()) {
                return false;
            }
        }
        return true;
    }
}
