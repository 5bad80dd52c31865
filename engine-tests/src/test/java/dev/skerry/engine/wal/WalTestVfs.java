package dev.skerry.engine.wal;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.io.VfsFile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal in-memory VFS for the WAL tests until team storage's MemoryVfs and DeferredVfs land. With
 * {@code deferred} set, every operation is queued and runs only when the host calls {@link #runPendingIo}
 * (the suite's {@code skerry.vfs=deferred} run), in a seeded random order among those pending; otherwise
 * each completes before returning.
 */
final class WalTestVfs implements Vfs {
    private static final class Data {
        byte[] bytes = new byte[0];
        int size;
    }

    private final Map<String, Data> files = new HashMap<>();
    private final List<Runnable> queue = new ArrayList<>();
    private final java.util.Random order = new java.util.Random(42);
    private final boolean deferred;

    WalTestVfs(boolean deferred) {
        this.deferred = deferred;
    }

    /** Deferred when the suite runs with {@code skerry.vfs=deferred}. */
    static WalTestVfs forSuite() {
        return new WalTestVfs("deferred".equals(System.getProperty("skerry.vfs")));
    }

    void put(String path, byte[] content) {
        Data d = new Data();
        d.bytes = content.clone();
        d.size = content.length;
        files.put(path, d);
    }

    /** The file's bytes, or null if it does not exist. */
    byte[] get(String path) {
        Data d = files.get(path);
        return d == null ? null : Arrays.copyOf(d.bytes, d.size);
    }

    @Override
    public VfsFile open(String path, int flags) {
        Data existing = files.get(path);
        if (existing == null && (flags & CREATE) != 0) {
            existing = new Data();
            files.put(path, existing);
        }
        final Data d = existing;
        return new VfsFile() {
            private Completion run(Op op) {
                Completion c = new Completion();
                Runnable r = () -> {
                    if (d == null) {
                        c.fail(ResultCode.SQLITE_CANTOPEN, "unable to open database file");
                    } else {
                        c.succeed(op.apply(d));
                    }
                };
                if (deferred) {
                    queue.add(r);
                } else {
                    r.run();
                }
                return c;
            }

            @Override
            public Completion read(long pos, byte[] buf, int off, int len) {
                return run(f -> {
                    int have = (int) Math.max(0, Math.min(len, f.size - pos));
                    if (have > 0) {
                        System.arraycopy(f.bytes, (int) pos, buf, off, have);
                    }
                    Arrays.fill(buf, off + have, off + len, (byte) 0);
                    return have;
                });
            }

            @Override
            public Completion write(long pos, byte[] buf, int off, int len) {
                return run(f -> {
                    int end = (int) pos + len;
                    ensure(f, end);
                    System.arraycopy(buf, off, f.bytes, (int) pos, len);
                    f.size = Math.max(f.size, end);
                    return len;
                });
            }

            @Override
            public Completion sync() {
                return run(f -> 0);
            }

            @Override
            public Completion truncate(long size) {
                return run(f -> {
                    ensure(f, (int) size);
                    if (size < f.size) {
                        Arrays.fill(f.bytes, (int) size, f.size, (byte) 0);
                    }
                    f.size = (int) size;
                    return 0;
                });
            }

            @Override
            public Completion size() {
                return run(f -> f.size);
            }

            @Override
            public void close() {
            }
        };
    }

    private interface Op {
        long apply(Data d);
    }

    private static void ensure(Data d, int size) {
        if (d.bytes.length < size) {
            d.bytes = Arrays.copyOf(d.bytes, Math.max(size, d.bytes.length * 2));
        }
    }

    @Override
    public Completion delete(String path) {
        files.remove(path);
        return Completion.succeeded(0);
    }

    @Override
    public boolean runPendingIo() {
        if (queue.isEmpty()) {
            return false;
        }
        queue.remove(order.nextInt(queue.size())).run();
        return true;
    }
}
