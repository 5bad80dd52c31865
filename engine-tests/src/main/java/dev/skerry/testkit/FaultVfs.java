package dev.skerry.testkit;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.io.VfsFile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A VFS wrapper that injects the failures a real disk and a power cut produce, for crash-safety tests.
 *
 * <p>Faults (operations are counted from construction, over all files; "mutations" are writes, truncates and
 * syncs):
 * <ul>
 *   <li>{@link #failWrite(int)}: the n-th write from now fails with {@code SQLITE_IOERR_WRITE}; nothing of it
 *       reaches the file.</li>
 *   <li>{@link #failRead(int)}: the n-th read from now fails with {@code SQLITE_IOERR_READ}.</li>
 *   <li>{@link #failSync(int)}: the n-th sync from now fails with {@code SQLITE_IOERR_FSYNC}; nothing becomes
 *       durable through it.</li>
 *   <li>{@link #powerFailAt(int)}: the power goes at the n-th mutation from now: it does not happen, and it and
 *       every later operation (reads included) fail with {@code SQLITE_IOERR_*} until {@link #crash}.</li>
 *   <li>{@link #tearAt(int)}: the same, except that when the n-th mutation is a write, a seeded prefix of it
 *       reaches the file first (a torn write).</li>
 * </ul>
 * {@link #crash(boolean)} then leaves the files as a power loss would: each write or truncate that no completed
 * sync of its file covers is undone; with {@code partialLoss}, each of them is instead (seeded) lost, kept, or
 * kept only for a random subset of its 512-byte sectors. After it the VFS works again, with no faults armed.
 * {@code delete} is durable at once (its file's unsynced changes are forgotten with it). Only changes made
 * through this FaultVfs are tracked: a test that also writes to the base VFS directly must do so only while
 * nothing is unsynced.
 *
 * <p>How it tracks durability: every mutation reads the bytes (and size) it is about to change from the base
 * file first, then applies itself, then is appended to its file's list of unsynced changes; a sync of the file
 * that completes drops the changes applied before the sync was issued. Undoing the list in reverse order
 * restores the state after the last completed sync. This works over any base VFS, inline or deferred, as long
 * as the engine keeps its promise never to have two overlapping operations in flight. {@link #crash} is
 * host-side and blocking (it drives the base VFS with {@link Vfs#runPendingIo}).
 */
public final class FaultVfs implements Vfs {
    /** Sector size for partial loss and torn writes. */
    public static final int SECTOR = 512;

    private final Vfs base;
    private final Random random;
    private final Map<String, FileLog> logs = new HashMap<>();
    private int reads;
    private int writes;
    private int syncs;
    private int mutations;
    private int failReadAt = -1;
    private int failWriteAt = -1;
    private int failSyncAt = -1;
    private int powerFailAt = -1;
    private boolean tear;
    private boolean poweredOff;

    public FaultVfs(Vfs base, long seed) {
        this.base = base;
        this.random = new Random(seed);
    }

    /** The n-th write from now (1 = the next) fails with {@code SQLITE_IOERR_WRITE}. */
    public void failWrite(int n) {
        failWriteAt = writes + n;
    }

    /** The n-th read from now (1 = the next) fails with {@code SQLITE_IOERR_READ}. */
    public void failRead(int n) {
        failReadAt = reads + n;
    }

    /** The n-th sync from now (1 = the next) fails with {@code SQLITE_IOERR_FSYNC}. */
    public void failSync(int n) {
        failSyncAt = syncs + n;
    }

    /** The power fails at the n-th mutation from now (1 = the next): it and everything after it fail. */
    public void powerFailAt(int n) {
        powerFailAt = mutations + n;
        tear = false;
    }

    /** As {@link #powerFailAt}, and if that mutation is a write, a seeded prefix of it reaches the file. */
    public void tearAt(int n) {
        powerFailAt = mutations + n;
        tear = true;
    }

    /** Mutations (writes, truncates, syncs) issued so far. */
    public int mutations() {
        return mutations;
    }

    /** True once the power failed (until {@link #crash}). */
    public boolean isPoweredOff() {
        return poweredOff;
    }

    /** Disarms every fault not yet triggered. */
    public void clearFaults() {
        failReadAt = -1;
        failWriteAt = -1;
        failSyncAt = -1;
        powerFailAt = -1;
    }

    /**
     * Host side, blocking: finishes pending operations, then drops what was not durable (see the class
     * comment), then clears every fault: the machine has rebooted. With {@code partialLoss} false, every
     * unsynced change is lost.
     */
    public void crash(boolean partialLoss) {
        while (base.runPendingIo()) {
            // drain: the changes still in flight take effect (or not) before the crash is applied
        }
        for (Map.Entry<String, FileLog> e : logs.entrySet()) {
            FileLog log = e.getValue();
            if (log.changes.isEmpty()) {
                continue;
            }
            VfsFile f = base.open(e.getKey(), CREATE);
            for (int i = log.changes.size() - 1; i >= 0; i--) {
                log.changes.get(i).undo(f, this);
            }
            if (partialLoss) {
                for (Change c : log.changes) {
                    c.replayPartly(f, this, random);
                }
            }
            f.close();
            log.changes.clear();
        }
        clearFaults();
        poweredOff = false;
    }

    @Override
    public VfsFile open(String path, int flags) {
        return new FaultFile(base.open(path, flags), logs.computeIfAbsent(path, p -> new FileLog()));
    }

    @Override
    public Completion delete(String path) {
        if (poweredOff) {
            return Completion.failed(ResultCode.SQLITE_IOERR_DELETE, null);
        }
        FileLog log = logs.get(path);
        if (log != null) {
            log.changes.clear();
        }
        return base.delete(path);
    }

    @Override
    public boolean runPendingIo() {
        return base.runPendingIo();
    }

    /** Blocks (host side) until {@code c} is done; returns its result. */
    long await(Completion c) {
        while (!c.isDone()) {
            if (!base.runPendingIo()) {
                throw new IllegalStateException("pending completion, but the base VFS has nothing to run");
            }
        }
        if (c.isFailed()) {
            throw new IllegalStateException("base VFS failed during crash: " + c.errorCode());
        }
        return c.result();
    }

    /** What the next mutation does: 0 = proceed, 1 = fail (injected), 2 = power fails now. */
    private int nextMutation(boolean isWrite, boolean isSync) {
        mutations++;
        if (isWrite) {
            writes++;
        }
        if (isSync) {
            syncs++;
        }
        if (poweredOff) {
            return 1;
        }
        if (mutations == powerFailAt) {
            poweredOff = true;
            return 2;
        }
        if ((isWrite && writes == failWriteAt) || (isSync && syncs == failSyncAt)) {
            return 1;
        }
        return 0;
    }

    /** The unsynced changes of one file path, oldest first. */
    private static final class FileLog {
        final List<Change> changes = new ArrayList<>();
        long applied;
    }

    private final class FaultFile implements VfsFile {
        private final VfsFile file;
        private final FileLog log;

        FaultFile(VfsFile file, FileLog log) {
            this.file = file;
            this.log = log;
        }

        @Override
        public Completion read(long pos, byte[] buf, int off, int len) {
            reads++;
            if (poweredOff || reads == failReadAt) {
                return Completion.failed(ResultCode.SQLITE_IOERR_READ, null);
            }
            return file.read(pos, buf, off, len);
        }

        @Override
        public Completion size() {
            if (poweredOff) {
                return Completion.failed(ResultCode.SQLITE_IOERR_FSTAT, null);
            }
            return file.size();
        }

        @Override
        public Completion write(long pos, byte[] buf, int off, int len) {
            int fate = nextMutation(true, false);
            if (fate == 1 || (fate == 2 && !tear)) {
                return Completion.failed(ResultCode.SQLITE_IOERR_WRITE, null);
            }
            int keep = fate == 2 ? random.nextInt(len + 1) : len;
            byte[] data = new byte[keep];
            System.arraycopy(buf, off, data, 0, keep);
            Completion out = new Completion();
            Change change = new Change(pos, data);
            Completion s = file.size();
            s.onDone(() -> {
                change.oldSize = s.isFailed() ? 0 : s.result();
                change.old = new byte[keep];
                Completion r = file.read(pos, change.old, 0, keep);
                r.onDone(() -> {
                    Completion w = file.write(pos, data, 0, keep);
                    w.onDone(() -> finish(w, change, out, fate == 2 ? ResultCode.SQLITE_IOERR_WRITE : 0, len));
                });
            });
            return out;
        }

        @Override
        public Completion truncate(long size) {
            int fate = nextMutation(false, false);
            if (fate != 0) {
                return Completion.failed(ResultCode.SQLITE_IOERR_TRUNCATE, null);
            }
            Completion out = new Completion();
            Change change = new Change(size);
            Completion s = file.size();
            s.onDone(() -> {
                change.oldSize = s.isFailed() ? 0 : s.result();
                int tail = (int) Math.max(0, change.oldSize - size);
                change.old = new byte[tail];
                Completion r = file.read(size, change.old, 0, tail);
                r.onDone(() -> {
                    Completion t = file.truncate(size);
                    t.onDone(() -> finish(t, change, out, 0, 0));
                });
            });
            return out;
        }

        @Override
        public Completion sync() {
            int fate = nextMutation(false, true);
            if (fate != 0) {
                return Completion.failed(ResultCode.SQLITE_IOERR_FSYNC, null);
            }
            long durableUpTo = log.applied;
            Completion out = new Completion();
            Completion s = file.sync();
            s.onDone(() -> {
                if (s.isFailed()) {
                    out.fail(s.errorCode(), s.errorMessage());
                    return;
                }
                log.changes.removeIf(c -> c.sequence < durableUpTo);
                out.succeed(0);
            });
            return out;
        }

        private void finish(Completion done, Change change, Completion out, int failAfter, long result) {
            if (done.isFailed()) {
                out.fail(done.errorCode(), done.errorMessage());
                return;
            }
            change.sequence = log.applied++;
            log.changes.add(change);
            if (failAfter != 0) {
                out.fail(failAfter, null);
            } else {
                out.succeed(result);
            }
        }

        @Override
        public void close() {
            file.close();
        }
    }

    /** One applied, not yet durable write (data != null) or truncate, with what it replaced. */
    private static final class Change {
        final long pos;
        final byte[] data;
        final long newSize;
        long oldSize;
        byte[] old;
        long sequence;

        Change(long pos, byte[] data) {
            this.pos = pos;
            this.data = data;
            this.newSize = -1;
        }

        Change(long newSize) {
            this.pos = newSize;
            this.data = null;
            this.newSize = newSize;
        }

        void undo(VfsFile f, FaultVfs vfs) {
            if (data != null) {
                vfs.await(f.write(pos, old, 0, old.length));
                vfs.await(f.truncate(Math.max(oldSize, 0)));
            } else {
                vfs.await(f.truncate(oldSize));
                vfs.await(f.write(newSize, old, 0, old.length));
            }
        }

        void replayPartly(VfsFile f, FaultVfs vfs, Random random) {
            int mode = random.nextInt(3);
            if (mode == 0) {
                return;
            }
            if (data == null) {
                vfs.await(f.truncate(newSize));
                return;
            }
            for (int s = 0; s < data.length; s += SECTOR) {
                if (mode == 1 || random.nextBoolean()) {
                    vfs.await(f.write(pos + s, data, s, Math.min(SECTOR, data.length - s)));
                }
            }
        }
    }
}
