package dev.skerry.engine.memdb;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.io.VfsFile;
import java.util.HashMap;

/**
 * A VFS whose files are growable byte arrays, every operation completing before it returns (so a pager on it
 * never throws {@code IoPending}). The engine gives each connection's TEMP database one instance; the
 * {@code vfs-memory} module's {@code MemoryVfs} (for {@code :memory:} and tests) is one too. The files
 * disappear with the instance.
 *
 * <p>Invariant: a path maps to at most one file's data, which every open handle of that path reads and writes;
 * {@link #delete} unlinks the name (open handles keep their bytes, as on POSIX); for each file,
 * {@code size <= bytes.length} and the bytes past {@code size} are zero.
 */
public final class MemoryFiles implements Vfs {
    /** The contents of one file. */
    private static final class Data {
        byte[] bytes = new byte[0];
        int size;
    }

    private final HashMap<String, Data> files = new HashMap<>();

    @Override
    public VfsFile open(String path, int flags) {
        Data d = files.get(path);
        if (d == null && (flags & CREATE) != 0) {
            d = new Data();
            files.put(path, d);
        }
        return new File(d, path);
    }

    @Override
    public Completion delete(String path) {
        files.remove(path);
        return Completion.succeeded(0);
    }

    @Override
    public boolean runPendingIo() {
        return false;
    }

    /** True when a file of this name exists. */
    public boolean exists(String path) {
        return files.containsKey(path);
    }

    /** One open file; a file opened without CREATE that did not exist fails every operation. */
    private static final class File implements VfsFile {
        private final Data data;
        private final String path;

        File(Data data, String path) {
            this.data = data;
            this.path = path;
        }

        private Completion missing() {
            return Completion.failed(ResultCode.SQLITE_CANTOPEN, "unable to open database file: " + path);
        }

        @Override
        public Completion read(long pos, byte[] buf, int off, int len) {
            if (data == null) {
                return missing();
            }
            int avail = (int) Math.max(0, Math.min(len, data.size - pos));
            if (avail > 0) {
                System.arraycopy(data.bytes, (int) pos, buf, off, avail);
            }
            java.util.Arrays.fill(buf, off + avail, off + len, (byte) 0);
            return Completion.succeeded(avail);
        }

        @Override
        public Completion write(long pos, byte[] buf, int off, int len) {
            if (data == null) {
                return missing();
            }
            if (pos + len > Integer.MAX_VALUE - 16) {
                return Completion.failed(ResultCode.SQLITE_FULL, "database or disk is full");
            }
            int end = (int) pos + len;
            if (end > data.bytes.length) {
                long cap = Math.min(Integer.MAX_VALUE - 16, Math.max(end, (long) data.bytes.length * 2));
                data.bytes = java.util.Arrays.copyOf(data.bytes, (int) cap);
            }
            System.arraycopy(buf, off, data.bytes, (int) pos, len);
            data.size = Math.max(data.size, end);
            return Completion.succeeded(len);
        }

        @Override
        public Completion sync() {
            return data == null ? missing() : Completion.succeeded(0);
        }

        @Override
        public Completion truncate(long size) {
            if (data == null) {
                return missing();
            }
            int n = (int) Math.min(size, Integer.MAX_VALUE - 16);
            if (n < data.size) {
                java.util.Arrays.fill(data.bytes, n, data.size, (byte) 0);
            } else if (n > data.bytes.length) {
                data.bytes = java.util.Arrays.copyOf(data.bytes, n);
            }
            data.size = n;
            return Completion.succeeded(0);
        }

        @Override
        public Completion size() {
            return data == null ? missing() : Completion.succeeded(data.size);
        }

        @Override
        public void close() {
        }
    }
}
