package dev.skerry.vfs.opfs;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * The calls on a {@code FileSystemSyncAccessHandle} and on the host's path-to-handle {@code Map}. Each call
 * catches the JavaScript exception and answers a negative number instead: {@link #FAILED}, or
 * {@link #QUOTA} when the origin's storage quota is exhausted.
 */
final class SyncHandles {
    static final double FAILED = -1;
    static final double QUOTA = -2;

    private SyncHandles() {
    }

    @JSBody(params = {"map", "path"}, script = "var h = map.get(path); return h === undefined ? null : h;")
    static native JSObject lookup(JSObject map, String path);

    @JSBody(params = {"h", "view", "len", "at"}, script = "try { return h.read(view.subarray(0, len), {at: at}); } "
            + "catch (e) { return -1; }")
    static native double read(JSObject h, Uint8Array view, int len, double at);

    @JSBody(params = {"h", "view", "len", "at"}, script = "try { return h.write(view.subarray(0, len), {at: at}); } "
            + "catch (e) { return e && e.name === 'QuotaExceededError' ? -2 : -1; }")
    static native double write(JSObject h, Uint8Array view, int len, double at);

    @JSBody(params = "h", script = "try { h.flush(); return 0; } catch (e) { return -1; }")
    static native double flush(JSObject h);

    @JSBody(params = "h", script = "try { return h.getSize(); } catch (e) { return -1; }")
    static native double size(JSObject h);

    @JSBody(params = {"h", "size"}, script = "try { h.truncate(size); return 0; } catch (e) { "
            + "return e && e.name === 'QuotaExceededError' ? -2 : -1; }")
    static native double truncate(JSObject h, double size);
}
