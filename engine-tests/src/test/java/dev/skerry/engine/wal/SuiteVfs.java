package dev.skerry.engine.wal;

import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.io.VfsFile;
import dev.skerry.testkit.DeferredVfs;
import dev.skerry.testkit.TestVfs;
import dev.skerry.vfs.memory.MemoryVfs;
import java.util.Random;

/**
 * The VFS of one WAL test: a {@link MemoryVfs}, seen through a {@link DeferredVfs} (reads in seeded random
 * order) when the suite runs with {@code skerry.vfs=deferred}; plus whole-file access to the memory files,
 * to load files SQLite made and to hand Skerry's files back to SQLite.
 */
final class SuiteVfs implements Vfs {
    private final MemoryVfs memory = new MemoryVfs();
    private final Vfs vfs;

    private SuiteVfs(boolean deferred) {
        vfs = deferred ? new DeferredVfs(memory, new Random(42)) : memory;
    }

    static SuiteVfs create() {
        return new SuiteVfs(TestVfs.deferred());
    }

    static SuiteVfs inline() {
        return new SuiteVfs(false);
    }

    /** Replaces the file's content. */
    void put(String path, byte[] content) {
        VfsFile f = memory.open(path, CREATE);
        done(f.truncate(0));
        done(f.write(0, content, 0, content.length));
        f.close();
    }

    /** The file's bytes, or null if it does not exist. */
    byte[] get(String path) {
        if (!memory.exists(path)) {
            return null;
        }
        VfsFile f = memory.open(path, 0);
        byte[] b = new byte[(int) done(f.size())];
        done(f.read(0, b, 0, b.length));
        f.close();
        return b;
    }

    private static long done(Completion c) {
        if (!c.isDone() || c.isFailed()) {
            throw new AssertionError("memory VFS operation did not succeed inline");
        }
        return c.result();
    }

    @Override
    public VfsFile open(String path, int flags) {
        return vfs.open(path, flags);
    }

    @Override
    public Completion delete(String path) {
        return vfs.delete(path);
    }

    @Override
    public boolean runPendingIo() {
        return vfs.runPendingIo();
    }
}
