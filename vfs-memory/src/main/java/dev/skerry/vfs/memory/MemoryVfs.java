package dev.skerry.vfs.memory;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.io.VfsFile;
import java.util.HashMap;
import java.util.Map;

/**
 * Named files in memory. Every operation completes before it returns; {@link #runPendingIo()} never has
 * anything to do. Invariant: a path maps to at most one {@link Data}; every open handle of that path reads
 * and writes it; {@link #delete} unlinks the name (open handles keep their bytes, as on POSIX).
 */
public final class MemoryVfs implements Vfs {
    /** The bytes of one file: {@code bytes[0 .. size)} is the content, the rest is spare capacity. */
    static final class Data {
        byte[] bytes = new byte[0];
        long size;
    }

    private final Map<String, Data> files = new HashMap<>();

    @Override
    public VfsFile open(String path, int flags) {
        Data d = files.get(path);
        if (d == null && (flags & CREATE) != 0) {
            d = new Data();
            files.put(path, d);
        }
        return new MemoryFile(d, path);
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

    private static final class MemoryFile implements VfsFile {
        private final Data data;
        private final String path;

        MemoryFile(Data data, String path) {
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
            long avail = Math.max(0, Math.min(len, data.size - pos));
            if (avail > 0) {
                System.arraycopy(data.bytes, (int) pos, buf, off, (int) avail);
            }
            for (int k = off + (int) avail; k < off + len; k++) {
                buf[k] = 0;
            }
            return Completion.succeeded(avail);
        }

        private void ensure(long size) {
            if (size > data.bytes.length) {
                long cap = Math.max(size, (long) data.bytes.length * 2);
                if (cap > Integer.MAX_VALUE - 16) {
                    cap = size;
                }
                byte[] nb = new byte[(int) cap];
                System.arraycopy(data.bytes, 0, nb, 0, (int) data.size);
                data.bytes = nb;
            }
        }

        @Override
        public Completion write(long pos, byte[] buf, int off, int len) {
            if (data == null) {
                return missing();
            }
            if (pos + len > Integer.MAX_VALUE - 16) {
                return Completion.failed(ResultCode.SQLITE_FULL, "database or disk is full");
            }
            ensure(pos + len);
            if (pos > data.size) {
                java.util.Arrays.fill(data.bytes, (int) data.size, (int) pos, (byte) 0);
            }
            System.arraycopy(buf, off, data.bytes, (int) pos, len);
            data.size = Math.max(data.size, pos + len);
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
            ensure(size);
            if (size > data.size) {
                java.util.Arrays.fill(data.bytes, (int) data.size, (int) size, (byte) 0);
            }
            data.size = size;
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
