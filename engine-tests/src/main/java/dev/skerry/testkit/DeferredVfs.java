package dev.skerry.testkit;

import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.io.VfsFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Wraps any {@link Vfs} so that no operation completes when it is issued: each returns a pending
 * {@link Completion} and is queued; {@link #runPendingIo()} performs the queued operations on the inner VFS
 * and completes them. In order by default; with a seed, reads may run in a random order among themselves
 * (legal: the engine never issues a read and a write to one range at once), while writes, syncs,
 * truncates and deletes keep their order relative to every other operation. {@code open} is passed through
 * (it does no I/O in the contract). Proves that the engine never depends on inline completion.
 */
public final class DeferredVfs implements Vfs {
    /** One queued operation: what to do on the inner VFS, and the completion to finish with its outcome. */
    private interface Op {
        Completion run();
    }

    private static final class Queued {
        final Op op;
        final Completion done;
        final boolean reorderable;

        Queued(Op op, Completion done, boolean reorderable) {
            this.op = op;
            this.done = done;
            this.reorderable = reorderable;
        }
    }

    private final Vfs inner;
    private final Random random;
    private final List<Queued> queue = new ArrayList<>();

    public DeferredVfs(Vfs inner) {
        this(inner, null);
    }

    /** With a non-null random source, consecutive reads complete in random order. */
    public DeferredVfs(Vfs inner, Random random) {
        this.inner = inner;
        this.random = random;
    }

    public Vfs inner() {
        return inner;
    }

    private Completion enqueue(Op op, boolean reorderable) {
        Completion c = new Completion();
        queue.add(new Queued(op, c, reorderable));
        return c;
    }

    @Override
    public VfsFile open(String path, int flags) {
        VfsFile f = inner.open(path, flags);
        return new VfsFile() {
            @Override
            public Completion read(long pos, byte[] buf, int off, int len) {
                return enqueue(() -> f.read(pos, buf, off, len), true);
            }

            @Override
            public Completion write(long pos, byte[] buf, int off, int len) {
                byte[] copy = new byte[len];
                return enqueue(() -> {
                    System.arraycopy(buf, off, copy, 0, len);
                    return f.write(pos, copy, 0, len);
                }, false);
            }

            @Override
            public Completion sync() {
                return enqueue(f::sync, false);
            }

            @Override
            public Completion truncate(long size) {
                return enqueue(() -> f.truncate(size), false);
            }

            @Override
            public Completion size() {
                return enqueue(f::size, false);
            }

            @Override
            public void close() {
                f.close();
            }
        };
    }

    @Override
    public Completion delete(String path) {
        return enqueue(() -> inner.delete(path), false);
    }

    /** Runs every queued operation (and any queued while running them); true when there was any. */
    @Override
    public boolean runPendingIo() {
        if (queue.isEmpty()) {
            return false;
        }
        while (!queue.isEmpty()) {
            int pick = 0;
            if (random != null && queue.get(0).reorderable) {
                int n = 1;
                while (n < queue.size() && queue.get(n).reorderable) {
                    n++;
                }
                pick = random.nextInt(n);
            }
            Queued q = queue.remove(pick);
            Completion r = q.op.run();
            // The inner VFS is inline by contract of this wrapper's use; a pending inner result would hang.
            if (!r.isDone()) {
                throw new IllegalStateException("DeferredVfs needs an inline inner VFS");
            }
            if (r.isFailed()) {
                q.done.fail(r.errorCode(), r.errorMessage());
            } else {
                q.done.succeed(r.result());
            }
        }
        return true;
    }
}
