package dev.skerry.testkit;

import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.io.VfsFile;
import dev.skerry.vfs.memory.MemoryVfs;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whole-file access to a {@link MemoryVfs} (its operations complete inline): snapshots in, copies out to disk. */
public final class MemFiles {
    private MemFiles() {
    }

    /** The file's bytes, or null when it does not exist. */
    public static byte[] get(MemoryVfs vfs, String path) {
        if (!vfs.exists(path)) {
            return null;
        }
        VfsFile f = vfs.open(path, 0);
        byte[] out = new byte[(int) done(f.size())];
        done(f.read(0, out, 0, out.length));
        f.close();
        return out;
    }

    /** Creates or replaces the file with {@code content}. */
    public static void put(MemoryVfs vfs, String path, byte[] content) {
        VfsFile f = vfs.open(path, Vfs.CREATE);
        done(f.truncate(0));
        done(f.write(0, content, 0, content.length));
        f.close();
    }

    /** Writes the memory file (if it exists) to {@code target} on disk. */
    public static void copyOut(MemoryVfs vfs, String path, Path target) throws Exception {
        byte[] b = get(vfs, path);
        if (b != null) {
            Files.write(target, b);
        }
    }

    private static long done(Completion c) {
        if (!c.isDone() || c.isFailed()) {
            throw new IllegalStateException("memory file operation did not complete: " + c.errorCode());
        }
        return c.result();
    }
}
