package dev.skerry.wasm;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.Statement;
import dev.skerry.engine.value.Mem;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSBigInt;
import org.teavm.jso.core.JSNumber;
import org.teavm.jso.core.JSString;
import org.teavm.jso.typedarrays.Int8Array;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * SQL values to and from JavaScript values. To JS: NULL → {@code null}, INTEGER → number (or BigInt when the
 * caller asks for safe integers), REAL → number, TEXT → string, BLOB → {@code Uint8Array}. From JS (binding):
 * {@code null}/{@code undefined} → NULL, a safe-integer number → INTEGER, another number → REAL, a BigInt
 * → INTEGER (it must fit in 64 bits), a string → TEXT, a boolean → 1/0, a {@code Uint8Array} or other
 * typed array / {@code ArrayBuffer} → BLOB (its bytes).
 */
final class JsValues {
    private static final int KIND_NULL = 0;
    private static final int KIND_INTEGER = 1;
    private static final int KIND_REAL = 2;
    private static final int KIND_BIGINT = 3;
    private static final int KIND_TEXT = 4;
    private static final int KIND_BOOLEAN = 5;
    private static final int KIND_BYTES = 6;
    private static final int KIND_BIGINT_RANGE = 7;

    private JsValues() {
    }

    @JSBody(params = "v", script = "if (v === null || v === undefined) return 0;"
            + "switch (typeof v) {"
            + " case 'number': return Number.isSafeInteger(v) ? 1 : 2;"
            + " case 'bigint': return (v >= -9223372036854775808n && v <= 9223372036854775807n) ? 3 : 7;"
            + " case 'string': return 4;"
            + " case 'boolean': return 5; }"
            + "if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return 6;"
            + "return -1;")
    private static native int kind(JSObject v);

    @JSBody(params = "v", script = "return v;")
    private static native double number(JSObject v);

    @JSBody(params = "v", script = "return v ? 1 : 0;")
    private static native int truth(JSObject v);

    @JSBody(params = "v", script = "return v;")
    private static native String string(JSObject v);

    @JSBody(params = "v", script = "return ArrayBuffer.isView(v) ? new Int8Array(v.buffer, v.byteOffset, v.byteLength)"
            + " : new Int8Array(v);")
    private static native Int8Array bytes(JSObject v);

    /** Binds {@code v} to parameter {@code i} (1-based) of {@code st}. */
    static void bind(Statement st, int i, JSObject v) throws SqliteException {
        switch (kind(v)) {
            case KIND_NULL:
                st.bindNull(i);
                break;
            case KIND_INTEGER:
                st.bindLong(i, (long) number(v));
                break;
            case KIND_REAL:
                st.bindDouble(i, number(v));
                break;
            case KIND_BIGINT:
                st.bindLong(i, v.<JSBigInt>cast().longValue());
                break;
            case KIND_TEXT:
                st.bindText(i, string(v));
                break;
            case KIND_BOOLEAN:
                st.bindLong(i, truth(v));
                break;
            case KIND_BYTES:
                st.bindBlob(i, bytes(v).copyToJavaArray());
                break;
            case KIND_BIGINT_RANGE:
                throw new SqliteException(ResultCode.SQLITE_RANGE, "BigInt value is too large for a 64-bit integer");
            default:
                throw new SqliteException(ResultCode.SQLITE_MISMATCH,
                        "cannot bind a value of this type (parameter " + i + ")");
        }
    }

    /** The JS value of {@code m}; integers as BigInt when {@code safeIntegers}. */
    static JSObject of(Mem m, boolean safeIntegers) {
        switch (m.type()) {
            case Mem.INTEGER:
                return safeIntegers ? JSBigInt.valueOf(m.longValue()) : JSNumber.valueOf((double) m.longValue());
            case Mem.FLOAT:
                return JSNumber.valueOf(m.doubleValue());
            case Mem.TEXT:
                return JSString.valueOf(m.text());
            case Mem.BLOB:
                return Uint8Array.create(Int8Array.copyFromJavaArray(m.blob()).getBuffer());
            default:
                return null;
        }
    }

    /** The current row of {@code st} as a JS array. */
    static JSArray<JSObject> row(Statement st, Mem cell, boolean safeIntegers) throws SqliteException {
        int n = st.columnCount();
        JSArray<JSObject> row = new JSArray<>(n);
        for (int i = 0; i < n; i++) {
            st.columnValue(i, cell);
            row.set(i, of(cell, safeIntegers));
        }
        return row;
    }
}
