package dev.skerry.wasm;

import dev.skerry.engine.ResultCode;
import org.teavm.jso.JSExport;

/** The wasm module's exports. */
public final class Exports {
    private Exports() {
    }

    /** SQLite's {@code sqlite3_errstr}: the text of a result code. */
    @JSExport
    public static String errorString(int code) {
        return ResultCode.describe(code);
    }
}
