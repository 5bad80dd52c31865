package dev.skerry.vfs.opfs;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.VfsFile;
import java.nio.ByteBuffer;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * One file of an {@link OpfsVfs}: a sync access handle, or null for a file that does not exist. The handle
 * belongs to the host, which closes it after the database is closed; {@link #close()} releases nothing.
 */
final class OpfsFile implements VfsFile {
    private final OpfsVfs vfs;
    private final JSObject handle;
    private final String path;

    OpfsFile(OpfsVfs vfs, JSObject handle, String path) {
        this.vfs = vfs;
        this.handle = handle;
        this.path = path;
    }

    private Completion missing() {
        return Completion.failed(ResultCode.SQLITE_CANTOPEN, "unable to open database file: " + path);
    }

    @Override
    public Completion read(long pos, byte[] buf, int off, int len) {
        if (handle == null) {
            return missing();
        }
        double n = SyncHandles.read(handle, vfs.view(len), len, pos);
        if (n < 0) {
            return Completion.failed(ResultCode.SQLITE_IOERR_READ, "disk I/O error");
        }
        int got = (int) n;
        ByteBuffer b = vfs.scratch();
        b.position(0);
        b.get(buf, off, got);
        for (int k = off + got; k < off + len; k++) {
            buf[k] = 0;
        }
        return Completion.succeeded(got);
    }

    @Override
    public Completion write(long pos, byte[] buf, int off, int len) {
        if (handle == null) {
            return missing();
        }
        Uint8Array view = vfs.view(len);
        ByteBuffer b = vfs.scratch();
        b.position(0);
        b.put(buf, off, len);
        double n = SyncHandles.write(handle, view, len, pos);
        if (n == SyncHandles.QUOTA) {
            return Completion.failed(ResultCode.SQLITE_FULL, "database or disk is full");
        }
        if (n != len) {
            return Completion.failed(ResultCode.SQLITE_IOERR_WRITE, "disk I/O error");
        }
        return Completion.succeeded(len);
    }

    @Override
    public Completion sync() {
        if (handle == null) {
            return missing();
        }
        if (SyncHandles.flush(handle) < 0) {
            return Completion.failed(ResultCode.SQLITE_IOERR_FSYNC, "disk I/O error");
        }
        return Completion.succeeded(0);
    }

    @Override
    public Completion truncate(long size) {
        if (handle == null) {
            return missing();
        }
        double r = SyncHandles.truncate(handle, size);
        if (r == SyncHandles.QUOTA) {
            return Completion.failed(ResultCode.SQLITE_FULL, "database or disk is full");
        }
        if (r < 0) {
            return Completion.failed(ResultCode.SQLITE_IOERR_TRUNCATE, "disk I/O error");
        }
        return Completion.succeeded(0);
    }

    @Override
    public Completion size() {
        if (handle == null) {
            return missing();
        }
        double n = SyncHandles.size(handle);
        if (n < 0) {
            return Completion.failed(ResultCode.SQLITE_IOERR_FSTAT, "disk I/O error");
        }
        return Completion.succeeded((long) n);
    }

    @Override
    public void close() {
    }
}
