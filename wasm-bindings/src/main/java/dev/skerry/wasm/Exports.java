package dev.skerry.wasm;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.Statement;
import dev.skerry.engine.StepResult;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.value.Mem;
import dev.skerry.vfs.memory.MemoryVfs;
import dev.skerry.vfs.opfs.OpfsVfs;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSBigInt;
import org.teavm.jso.core.JSString;

/**
 * The wasm module's exports, shaped after SQLite's C API for a JS caller that pays for every crossing.
 *
 * <p>Connections and statements are small integer ids. Calls that can fail return a result code
 * ({@code 0} OK, {@code 100} ROW, {@code 101} DONE, else SQLite's (extended) error code) or, for calls that
 * return an id or a value, {@code 0}/{@code null}/{@code -1} as documented; then {@link #errorCode()} and
 * {@link #errorMessage()} tell what went wrong. SQL errors never trap: each export catches the engine's
 * {@link SqliteException}, and any unexpected Java exception or error becomes {@code SQLITE_INTERNAL} with its
 * text, so the instance and its other databases live on. (Integer division by zero and stack exhaustion would
 * still trap in wasm; the engine checks for both itself. The worker reports a trap as {@code SQLITE_INTERNAL}.)
 * Most exports that return a result code hand their body, a constant {@link StatementCall} or {@link DatabaseCall}
 * (no allocation per call), to {@code call}, which looks the handle up and records any failure.
 *
 * <p>Rows cross in bulk: {@link #row} returns the whole current row as one JS array and {@link #rows} steps
 * up to {@code max} rows into an array of arrays. Parameters are bound in one call from a JS array
 * ({@link #bindAll}) or one by one ({@link #bind}).
 */
public final class Exports {
    private static final Handles<Database> DATABASES = new Handles<>();
    private static final Handles<Prepared> STATEMENTS = new Handles<>();
    private static final Mem CELL = new Mem();
    private static int lastCode;
    private static String lastMessage = "not an error";
    private static int lastTail;
    private static int lastStep;

    private Exports() {
    }

    private static int fail(Throwable t) {
        if (t instanceof SqliteException) {
            SqliteException e = (SqliteException) t;
            lastCode = e.code();
            lastMessage = e.getMessage();
        } else {
            lastCode = ResultCode.SQLITE_INTERNAL;
            String m = t.getMessage();
            lastMessage = "internal error: " + t.getClass().getName() + (m == null ? "" : ": " + m);
        }
        return lastCode;
    }

    private static int misuse(String message) {
        lastCode = ResultCode.SQLITE_MISUSE;
        lastMessage = message;
        return lastCode;
    }

    /** The body of an export on a live statement: {@code i} and {@code value} are the export's own arguments. */
    private interface StatementCall {
        int call(Prepared p, int i, JSObject value) throws SqliteException;
    }

    /** The body of an export on an open connection. */
    private interface DatabaseCall {
        int call(Database d, int db, String sql) throws SqliteException;
    }

    /** One entry of a statement's list of names (column {@code i}, parameter {@code i}, …). */
    private interface Namer {
        JSString name(Statement s, int i) throws SqliteException;
    }

    private static final StatementCall BIND = (p, i, value) -> {
        JsValues.bind(p.statement, i, value);
        return ResultCode.SQLITE_OK;
    };
    private static final StatementCall STEP = (p, i, value) ->
        p.database.step(p.statement) == StepResult.ROW ? ResultCode.SQLITE_ROW : ResultCode.SQLITE_DONE;
    private static final StatementCall RUN = (p, i, value) -> {
        while (p.database.step(p.statement) == StepResult.ROW) {
            continue;
        }
        return ResultCode.SQLITE_DONE;
    };
    private static final StatementCall RESET = (p, i, value) -> {
        p.statement.reset();
        return ResultCode.SQLITE_OK;
    };
    private static final StatementCall CLOSE_STATEMENT = (p, i, value) -> {
        p.statement.close();
        return ResultCode.SQLITE_OK;
    };
    private static final DatabaseCall CLOSE_DATABASE = (d, db, sql) -> {
        d.close();
        DATABASES.release(db);
        for (int id = 1; id < STATEMENTS.limit(); id++) {
            Prepared p = STATEMENTS.get(id);
            if (p != null && p.database == d) {
                STATEMENTS.release(id);
            }
        }
        return ResultCode.SQLITE_OK;
    };
    private static final DatabaseCall EXEC = (d, db, sql) -> {
        int offset = 0;
        while (offset < sql.length()) {
            Statement s = d.connection.prepare(sql, offset);
            if (s == null) {
                break;
            }
            try {
                while (d.step(s) == StepResult.ROW) {
                    continue;
                }
                offset = s.tailOffset();
            } finally {
                s.close();
            }
        }
        return ResultCode.SQLITE_OK;
    };
    private static final Namer COLUMN_NAME = (s, i) -> JSString.valueOf(s.columnName(i));
    private static final Namer COLUMN_DECLTYPE = (s, i) -> text(s.columnDecltype(i));
    private static final Namer PARAMETER_NAME = (s, i) -> text(s.parameterName(i));

    /** Runs {@code c} on statement {@code p} (MISUSE when null): its result code, or the failure's. */
    private static int call(Prepared p, int i, JSObject value, StatementCall c) {
        if (p == null) {
            return misuse("no such statement handle");
        }
        try {
            return c.call(p, i, value);
        } catch (SqliteException | RuntimeException | Error e) {
            return fail(e);
        }
    }

    /** Runs {@code c} on connection {@code db} (MISUSE when there is none): its result code, or the failure's. */
    private static int call(int db, String sql, DatabaseCall c) {
        Database d = DATABASES.get(db);
        if (d == null) {
            return misuse("no such database handle");
        }
        try {
            return c.call(d, db, sql);
        } catch (SqliteException | RuntimeException | Error e) {
            return fail(e);
        }
    }

    /**
     * The names {@code namer} gives for a statement's columns ({@code parameters} false: indexes from 0) or
     * parameters (true: indexes from 1, slot 0 null); on failure, those gathered so far.
     */
    private static JSArray<JSString> names(int st, boolean parameters, Namer namer) {
        Prepared p = STATEMENTS.get(st);
        JSArray<JSString> names = new JSArray<>();
        if (p == null) {
            misuse("no such statement handle");
            return names;
        }
        Statement s = p.statement;
        int first = 0;
        int end = s.columnCount();
        if (parameters) {
            names.push(null);
            first = 1;
            end = s.parameterCount() + 1;
        }
        try {
            for (int i = first; i < end; i++) {
                names.push(namer.name(s, i));
            }
        } catch (SqliteException | RuntimeException | Error e) {
            fail(e);
        }
        return names;
    }

    private static JSString text(String s) {
        return s == null ? null : JSString.valueOf(s);
    }

    /** The code of the last failure (SQLite's extended result code). */
    @JSExport
    public static int errorCode() {
        return lastCode;
    }

    /** The message of the last failure, as {@code sqlite3_errmsg} gives it. */
    @JSExport
    public static String errorMessage() {
        return lastMessage;
    }

    /** SQLite's {@code sqlite3_errstr}: the text of a result code. */
    @JSExport
    public static String errorString(int code) {
        return ResultCode.describe(code);
    }

    /**
     * Opens the database at {@code path} through the VFS named {@code vfs}: {@code "memory"} (a fresh
     * in-memory file system) or {@code "opfs"} ({@code handles} is the JS {@code Map} from path to
     * {@code FileSystemSyncAccessHandle} described in {@link OpfsVfs}). Returns the connection id, or 0.
     */
    @JSExport
    public static int open(String path, String vfs, JSObject handles) {
        try {
            Vfs v;
            if ("memory".equals(vfs)) {
                v = new MemoryVfs();
            } else if ("opfs".equals(vfs)) {
                v = new OpfsVfs(handles);
            } else {
                misuse("no such vfs: " + vfs);
                return 0;
            }
            return DATABASES.add(Database.open(v, path));
        } catch (SqliteException | RuntimeException | Error e) {
            fail(e);
            return 0;
        }
    }

    /** Closes a connection (its statements are finalized and their ids freed, the log checkpointed). Result code. */
    @JSExport
    public static int close(int db) {
        return call(db, null, CLOSE_DATABASE);
    }

    /**
     * Compiles the first statement of {@code sql} at or after {@code offset}: its id, 0 when only whitespace
     * or comments remain, -1 on error. {@link #tail()} then tells where the rest of the text begins.
     */
    @JSExport
    public static int prepare(int db, String sql, int offset) {
        Database d = DATABASES.get(db);
        if (d == null) {
            misuse("no such database handle");
            return -1;
        }
        try {
            Statement st = d.connection.prepare(sql, offset);
            if (st == null) {
                lastTail = sql.length();
                return 0;
            }
            lastTail = st.tailOffset();
            return STATEMENTS.add(new Prepared(d, st));
        } catch (SqliteException | RuntimeException | Error e) {
            fail(e);
            return -1;
        }
    }

    /** Where the text after the statement of the last successful {@link #prepare} begins. */
    @JSExport
    public static int tail() {
        return lastTail;
    }

    /** The result column names of a statement. */
    @JSExport
    public static JSArray<JSString> columns(int st) {
        return names(st, false, COLUMN_NAME);
    }

    /** The declared types of the result columns (null where a column is not a table column). */
    @JSExport
    public static JSArray<JSString> decltypes(int st) {
        return names(st, false, COLUMN_DECLTYPE);
    }

    /** The parameter names of a statement, by index from 1 (slot 0 unused); null for a plain {@code ?}. */
    @JSExport
    public static JSArray<JSString> parameters(int st) {
        return names(st, true, PARAMETER_NAME);
    }

    /** True when the statement cannot write the database. */
    @JSExport
    public static boolean readonly(int st) {
        Prepared p = STATEMENTS.get(st);
        return p != null && p.statement.isReadOnly();
    }

    /**
     * Resets the statement, then binds {@code values[k]} to parameter {@code k + 1} for every element (see
     * {@link JsValues} for the conversions); parameters beyond the array are NULL. Result code.
     */
    @JSExport
    public static int bindAll(int st, JSArray<JSObject> values) {
        Prepared p = STATEMENTS.get(st);
        if (p == null) {
            return misuse("no such statement handle");
        }
        Statement s = p.statement;
        try {
            s.reset();
            int n = values == null ? 0 : values.getLength();
            if (n > s.parameterCount()) {
                throw new SqliteException(ResultCode.SQLITE_RANGE, "column index out of range");
            }
            s.clearBindings();
            for (int i = 0; i < n; i++) {
                JsValues.bind(s, i + 1, values.get(i));
            }
            return ResultCode.SQLITE_OK;
        } catch (SqliteException | RuntimeException | Error e) {
            return fail(e);
        }
    }

    /** Binds {@code value} to parameter {@code i} (1-based) of a statement that is not running. Result code. */
    @JSExport
    public static int bind(int st, int i, JSObject value) {
        return call(STATEMENTS.get(st), i, value, BIND);
    }

    /** Runs to the next row: ROW (100), DONE (101), or an error code. */
    @JSExport
    public static int step(int st) {
        return call(STATEMENTS.get(st), 0, null, STEP);
    }

    /** The current row as a JS array (integers as BigInt when {@code safeIntegers}); null on error. */
    @JSExport
    public static JSArray<JSObject> row(int st, boolean safeIntegers) {
        Prepared p = STATEMENTS.get(st);
        if (p == null) {
            misuse("no such statement handle");
            return null;
        }
        Statement s = p.statement;
        try {
            return JsValues.row(s, CELL, safeIntegers);
        } catch (SqliteException | RuntimeException | Error e) {
            fail(e);
            return null;
        }
    }

    /**
     * Steps up to {@code max} rows and returns them as an array of row arrays. {@link #lastStep()} then says
     * why it stopped: DONE (the statement finished), ROW (the limit was reached; call again for more), or an
     * error code, in which case the result is null and the rows stepped so far are lost.
     */
    @JSExport
    public static JSArray<JSArray<JSObject>> rows(int st, int max, boolean safeIntegers) {
        Prepared p = STATEMENTS.get(st);
        if (p == null) {
            lastStep = misuse("no such statement handle");
            return null;
        }
        Statement s = p.statement;
        Database d = p.database;
        JSArray<JSArray<JSObject>> out = new JSArray<>();
        try {
            for (int k = 0; k < max; k++) {
                if (d.step(s) == StepResult.DONE) {
                    lastStep = ResultCode.SQLITE_DONE;
                    return out;
                }
                out.push(JsValues.row(s, CELL, safeIntegers));
            }
            lastStep = ResultCode.SQLITE_ROW;
            return out;
        } catch (SqliteException | RuntimeException | Error e) {
            lastStep = fail(e);
            return null;
        }
    }

    /** Why the last {@link #rows} call stopped. */
    @JSExport
    public static int lastStep() {
        return lastStep;
    }

    /** Steps the statement to its end, discarding rows (an INSERT, UPDATE, …). DONE or an error code. */
    @JSExport
    public static int run(int st) {
        return call(STATEMENTS.get(st), 0, null, RUN);
    }

    /** Makes the statement ready to run again (bindings kept). Result code. */
    @JSExport
    public static int reset(int st) {
        return call(STATEMENTS.get(st), 0, null, RESET);
    }

    /** Ends the statement and frees its id. Result code. */
    @JSExport
    public static int finalize(int st) {
        Prepared p = STATEMENTS.get(st);
        if (p != null) {
            STATEMENTS.release(st);
        }
        return call(p, 0, null, CLOSE_STATEMENT);
    }

    /**
     * Runs every statement of {@code sql} in order, discarding result rows; stops at the first error.
     * Result code (OK or the error).
     */
    @JSExport
    public static int exec(int db, String sql) {
        return call(db, sql, EXEC);
    }

    /** Rows changed by the last finished INSERT, UPDATE or DELETE. */
    @JSExport
    public static double changes(int db) {
        Database d = DATABASES.get(db);
        return d == null ? 0 : d.connection.changes();
    }

    /** The rowid of the last successful INSERT, as a BigInt. */
    @JSExport
    public static JSBigInt lastInsertRowid(int db) {
        Database d = DATABASES.get(db);
        return JSBigInt.valueOf(d == null ? 0L : d.connection.lastInsertRowid());
    }

    /** True between BEGIN and COMMIT/ROLLBACK. */
    @JSExport
    public static boolean inTransaction(int db) {
        Database d = DATABASES.get(db);
        return d != null && !d.connection.isAutocommit();
    }
}
