package dev.skerry.wasm;

import dev.skerry.engine.Connection;
import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.Statement;
import dev.skerry.engine.StepResult;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.value.Mem;
import dev.skerry.vfs.memory.MemoryVfs;
import org.teavm.jso.JSExport;

/**
 * The wasm module's exports: one in-memory database per module instance, SQL text in, JSON text out.
 *
 * <p>{@link #exec} runs every statement of its argument in order and returns
 * {@code {"columns":[…],"rows":[[…],…]}} for the last statement that has result columns (or empty lists),
 * or {@code {"error":"…","code":N}} at the first error. Numbers are JSON numbers (integers beyond 2^53 and
 * non-finite reals are strings), text is a JSON string, a blob is {@code {"blob":"hex"}}.
 */
public final class Exports {
    private static Vfs vfs;
    private static Connection connection;

    private Exports() {
    }

    /** SQLite's {@code sqlite3_errstr}: the text of a result code. */
    @JSExport
    public static String errorString(int code) {
        return ResultCode.describe(code);
    }

    /** Runs {@code sql} on the module's in-memory database; see the class comment for the result. */
    @JSExport
    public static String exec(String sql) {
        try {
            Connection c = connection();
            StringBuilder last = null;
            int offset = 0;
            while (offset < sql.length()) {
                Statement st = c.prepare(sql, offset);
                if (st == null) {
                    break;
                }
                try {
                    StringBuilder out = run(st);
                    if (st.columnCount() > 0 || last == null) {
                        last = out;
                    }
                    offset = st.tailOffset();
                } finally {
                    st.close();
                }
            }
            return last == null ? "{\"columns\":[],\"rows\":[]}" : last.toString();
        } catch (SqliteException e) {
            StringBuilder sb = new StringBuilder("{\"error\":");
            JsonText.string(sb, e.getMessage());
            return sb.append(",\"code\":").append(e.code()).append('}').toString();
        }
    }

    private static Connection connection() throws SqliteException {
        if (connection == null) {
            vfs = new MemoryVfs();
            Connection c = Connection.open(vfs, ":memory:");
            while (c.openStep() == StepResult.IO) {
                vfs.runPendingIo();
            }
            connection = c;
        }
        return connection;
    }

    private static StringBuilder run(Statement st) throws SqliteException {
        StringBuilder sb = new StringBuilder("{\"columns\":[");
        int n = st.columnCount();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            JsonText.string(sb, st.columnName(i));
        }
        sb.append("],\"rows\":[");
        Mem cell = new Mem();
        boolean first = true;
        while (true) {
            StepResult r = st.step();
            if (r == StepResult.IO) {
                vfs.runPendingIo();
                continue;
            }
            if (r == StepResult.DONE) {
                break;
            }
            sb.append(first ? "[" : ",[");
            first = false;
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                st.columnValue(i, cell);
                JsonText.value(sb, cell);
            }
            sb.append(']');
        }
        return sb.append("]}");
    }
}
