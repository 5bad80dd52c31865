package dev.skerry.vfs.memory;

import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.io.VfsFile;
import dev.skerry.engine.memdb.MemoryFiles;

/**
 * Named files in memory, for {@code :memory:} databases and tests: the engine's own in-memory file store
 * ({@link MemoryFiles}, which also holds every connection's TEMP database) offered as a VFS module. Every
 * operation completes before it returns; {@link #runPendingIo()} never has anything to do. Its states and
 * invariants are {@link MemoryFiles}'.
 */
public final class MemoryVfs implements Vfs {
    private final MemoryFiles files = new MemoryFiles();

    @Override
    public VfsFile open(String path, int flags) {
        return files.open(path, flags);
    }

    @Override
    public Completion delete(String path) {
        return files.delete(path);
    }

    @Override
    public boolean runPendingIo() {
        return files.runPendingIo();
    }

    /** True when a file of this name exists. */
    public boolean exists(String path) {
        return files.exists(path);
    }
}
