package dev.skerry.vfs.opfs;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.io.VfsFile;
import java.nio.ByteBuffer;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * Files of the Origin Private File System, reached through sync access handles the host opened beforehand.
 *
 * <p>The host passes a JS {@code Map} from path to {@code FileSystemSyncAccessHandle}: for a database
 * {@code p}, at least {@code p} and {@code p-wal} (and {@code p-journal} when such a file exists). A path with
 * no handle in the map is a file that does not exist: its operations fail with {@code SQLITE_CANTOPEN}
 * (the pager asks for {@code p-journal} that way). OPFS allows one access handle per file, so the host's
 * failure to open them is how a second tab on the same database learns it is locked.
 *
 * <p>{@link #delete} cannot remove a file whose handle is open: it truncates it to zero bytes and flushes,
 * which SQLite's formats treat exactly as a missing file (an empty WAL is no WAL). The host removes nothing.
 *
 * <p>Every operation completes before it returns, so {@link #runPendingIo()} never has work. Bytes cross
 * between the engine's {@code byte[]} and the handle through one direct buffer that the handle reads into
 * and writes from (a typed-array view of it is rebuilt for every call, since wasm memory may grow).
 */
public final class OpfsVfs implements Vfs {
    private final JSObject handles;
    private ByteBuffer scratch = ByteBuffer.allocateDirect(65536);

    /** A file system over the handles of {@code handles}, a JS {@code Map<string, FileSystemSyncAccessHandle>}. */
    public OpfsVfs(JSObject handles) {
        this.handles = handles;
    }

    @Override
    public VfsFile open(String path, int flags) {
        return new OpfsFile(this, SyncHandles.lookup(handles, path), path);
    }

    @Override
    public Completion delete(String path) {
        JSObject h = SyncHandles.lookup(handles, path);
        if (h == null) {
            return Completion.succeeded(0);
        }
        if (SyncHandles.truncate(h, 0) < 0 || SyncHandles.flush(h) < 0) {
            return Completion.failed(ResultCode.SQLITE_IOERR_DELETE, "disk I/O error");
        }
        return Completion.succeeded(0);
    }

    @Override
    public boolean runPendingIo() {
        return false;
    }

    /** A view of the scratch buffer, made at least {@code len} bytes long; its first {@code len} bytes are used. */
    Uint8Array view(int len) {
        if (scratch.capacity() < len) {
            scratch = ByteBuffer.allocateDirect(Math.max(len, scratch.capacity() * 2));
        }
        scratch.clear();
        scratch.limit(len);
        return Uint8Array.fromJavaBuffer(scratch);
    }

    ByteBuffer scratch() {
        return scratch;
    }
}
