package dev.skerry.engine.wal;

import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.io.VfsFile;
import dev.skerry.testkit.DeferredVfs;
import dev.skerry.testkit.MemFiles;
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
        MemFiles.put(memory, path, content);
    }

    /** The file's bytes, or null if it does not exist. */
    byte[] get(String path) {
        return MemFiles.get(memory, path);
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
