package dev.skerry.server.hrana;

import dev.skerry.engine.Connection;
import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.Statement;
import dev.skerry.engine.StepResult;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.parser.Parser;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.vdbe.Opcode;
import dev.skerry.engine.vdbe.Program;
import dev.skerry.server.db.HostIo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs statements on a connection the caller holds: one statement with its arguments ({@link #execute}),
 * a script ({@link #sequence}), or only its description ({@link #describe}). A statement that fails is reset,
 * which undoes what it changed (SQLite's statement rollback), and the failure becomes a {@link RequestError}.
 * Pending I/O is completed through {@link HostIo}.
 */
final class StmtRunner {
    /** Receives a statement's columns (after its first step, so a re-prepared statement shows its new ones) and rows. */
    interface Rows {
        void begin(List<StmtResult.Col> cols) throws IOException;

        void row(Mem[] row) throws IOException;
    }

    /**
     * What the rows of one HTTP request may weigh in memory (an estimate of their encoded size): a request
     * whose rows pass it fails with RESPONSE_TOO_LARGE instead of filling the server's heap.
     */
    static final class Budget {
        private long left;

        Budget(long bytes) {
            left = bytes;
        }

        void charge(Mem[] row) throws RequestError {
            long size = 2;
            for (Mem m : row) {
                size += 24;
                if (m.type() == Mem.TEXT) {
                    size += m.text().length() * 3L;
                } else if (m.type() == Mem.BLOB) {
                    size += (m.blob().length + 2) / 3 * 4L;
                }
            }
            left -= size;
            if (left < 0) {
                throw new RequestError(RequestError.RESPONSE_TOO_LARGE, "The response is too large");
            }
        }
    }

    private final Connection connection;
    private final Vfs vfs;
    private final Budget budget;
    private final boolean readOnly;
    private final Deadline deadline;

    /**
     * @param readOnly when true, a statement that starts a write transaction fails with
     *     SQLITE_AUTH before it runs
     * @param deadline checked before each step
     */
    StmtRunner(Connection connection, Vfs vfs, Budget budget, boolean readOnly, Deadline deadline) {
        this.connection = connection;
        this.readOnly = readOnly;
        this.deadline = deadline;
        this.vfs = vfs;
        this.budget = budget;
    }

    /** Runs {@code stmt} (its text is {@code sql}) and returns its result with its columns and rows. */
    StmtResult execute(String sql, Proto.Stmt stmt) throws RequestError {
        try {
            return collect(sql, stmt);
        } catch (IOException e) {
            throw new IllegalStateException("collecting rows in memory cannot fail", e);
        }
    }

    private StmtResult collect(String sql, Proto.Stmt stmt) throws RequestError, IOException {
        List<Mem[]> collected = new ArrayList<>();
        List<List<StmtResult.Col>> cols = new ArrayList<>(1);
        StmtResult r = execute(sql, stmt, new Rows() {
            @Override
            public void begin(List<StmtResult.Col> c) {
                cols.add(c);
            }

            @Override
            public void row(Mem[] row) {
                collected.add(row);
            }
        });
        return new StmtResult(cols.get(0), collected, r.affectedRowCount(), r.lastInsertRowid(), r.durationMs());
    }

    /**
     * Runs {@code stmt} (its text is {@code sql}); its columns and (when wanted) rows go to {@code rows}; the
     * result returned has no columns or rows.
     */
    StmtResult execute(String sql, Proto.Stmt stmt, Rows rows) throws RequestError, IOException {
        long start = System.nanoTime();
        Statement st = prepareOne(sql);
        try {
            admit(st);
            bind(st, stmt);
            long changesBefore = connection.totalChanges();
            boolean begun = false;
            while (true) {
                deadline.check();
                StepResult r = st.step();
                if (r == StepResult.IO) {
                    HostIo.await(vfs, st.pendingIo());
                    continue;
                }
                if (!begun) {
                    rows.begin(cols(st));
                    begun = true;
                }
                if (r == StepResult.DONE) {
                    break;
                }
                if (stmt.wantRows()) {
                    Mem[] row = row(st);
                    budget.charge(row);
                    rows.row(row);
                }
            }
            long affected = connection.totalChanges() != changesBefore ? connection.changes() : 0;
            Long rowid = st.isReadOnly() ? null : connection.lastInsertRowid();
            return new StmtResult(List.of(), List.of(), affected, rowid, (System.nanoTime() - start) / 1e6);
        } catch (SqliteException e) {
            throw RequestError.of(e);
        } catch (RuntimeException e) {
            throw internal(e);
        } finally {
            closeQuietly(st);
        }
    }

    /** Runs every statement of {@code sql} in order, ignoring rows; stops at the first error. */
    void sequence(String sql) throws RequestError {
        int offset = 0;
        while (true) {
            Statement st;
            try {
                st = connection.prepare(sql, offset);
            } catch (SqliteException e) {
                throw RequestError.of(e);
            } catch (RuntimeException e) {
                throw internal(e);
            }
            if (st == null) {
                return;
            }
            try {
                admit(st);
                StepResult r;
                while (true) {
                    deadline.check();
                    r = st.step();
                    if (r == StepResult.DONE) {
                        break;
                    }
                    if (r == StepResult.IO) {
                        HostIo.await(vfs, st.pendingIo());
                    }
                }
                offset = st.tailOffset();
            } catch (SqliteException e) {
                throw RequestError.of(e);
            } catch (RuntimeException e) {
                throw internal(e);
            } finally {
                closeQuietly(st);
            }
        }
    }

    /**
     * Refuses a statement that may write when the request is read-only (SQLite's authorizer error): one whose
     * program starts a write transaction. That is {@code sqlite3_stmt_readonly}'s rule, under which BEGIN
     * (deferred), COMMIT and ROLLBACK are read-only, so the clients' read batches work; the engine's
     * {@link Statement#isReadOnly()} also counts those as writing, so it is not used here.
     */
    private void admit(Statement st) throws RequestError {
        if (readOnly && writes(st.program())) {
            throw new RequestError(RequestError.codeName(ResultCode.SQLITE_AUTH), "not authorized");
        }
    }

    private static boolean writes(Program program) {
        for (int a = 0; a < program.size(); a++) {
            if (program.opcode(a) == Opcode.TRANSACTION && program.p2(a) != Opcode.TXN_READ) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code sqlite3_stmt_readonly}, which sqld reports as {@code is_readonly}: false when the program starts a
     * write transaction, so true for BEGIN (deferred), COMMIT, ROLLBACK, SAVEPOINT and RELEASE; false for BEGIN
     * IMMEDIATE and EXCLUSIVE, whose programs start one in SQLite (the engine's do not: it takes the lock at the
     * first write).
     */
    private static boolean stmtReadonly(String sql, Statement st) throws SqliteException {
        Stmt parsed = Parser.parseFirst(sql).statement();
        if (parsed instanceof Stmt.Begin) {
            return ((Stmt.Begin) parsed).type() == Stmt.TransactionType.DEFERRED;
        }
        return !writes(st.program());
    }

    /** What {@code describe} reports of a statement: parameter names (null for {@code ?}), columns, kind. */
    record Description(List<String> params, List<StmtResult.Col> cols, boolean isExplain, boolean isReadonly) {
    }

    /** Describes {@code sql} (parameters, columns, EXPLAIN, read-only) without running it. */
    Description describe(String sql) throws RequestError {
        Statement st = prepareOne(sql);
        try {
            List<String> params = new ArrayList<>();
            for (int i = 1; i <= st.parameterCount(); i++) {
                params.add(st.parameterName(i));
            }
            return new Description(params, cols(st), st.program().explainMode() != Program.EXPLAIN_NONE,
                    stmtReadonly(sql, st));
        } catch (SqliteException e) {
            throw RequestError.of(e);
        } finally {
            closeQuietly(st);
        }
    }

    /** Prepares the single statement of {@code sql}; none, or more than one, is an error. */
    private Statement prepareOne(String sql) throws RequestError {
        Statement st;
        try {
            st = connection.prepare(sql);
        } catch (SqliteException e) {
            throw RequestError.of(e);
        } catch (RuntimeException e) {
            throw internal(e);
        }
        if (st == null) {
            throw new RequestError(RequestError.SQL_NO_STATEMENT, "SQL string does not contain any statement");
        }
        try {
            if (Parser.parseFirst(sql, st.tailOffset()).statement() != null) {
                throw new RequestError(RequestError.SQL_MANY_STATEMENTS,
                        "SQL string contains more than one statement");
            }
        } catch (SqliteException e) {
            closeQuietly(st);
            throw RequestError.of(e);
        } catch (RequestError e) {
            closeQuietly(st);
            throw e;
        }
        return st;
    }

    /**
     * Binds positional arguments to parameters 1, 2, … and named ones by name, with or without their
     * prefix ({@code :}, {@code @}, {@code $}); a name the statement does not have is ignored, as sqld does.
     */
    private static void bind(Statement st, Proto.Stmt stmt) throws SqliteException, RequestError {
        if (!stmt.args().isEmpty() && !stmt.namedArgs().isEmpty()) {
            throw new RequestError(RequestError.ARGS_BOTH_POSITIONAL_AND_NAMED,
                    "Specifying both positional and named arguments is not supported");
        }
        if (stmt.args().size() > st.parameterCount()) {
            throw new RequestError(RequestError.ARGS_INVALID, "Arguments do not match SQL parameters: "
                    + stmt.args().size() + " arguments given, the statement has " + st.parameterCount()
                    + " parameters");
        }
        for (int i = 0; i < stmt.args().size(); i++) {
            st.bindValue(i + 1, stmt.args().get(i));
        }
        for (Proto.NamedArg arg : stmt.namedArgs()) {
            int index = parameterIndex(st, arg.name());
            if (index > 0) {
                st.bindValue(index, arg.value());
            }
        }
    }

    private static int parameterIndex(Statement st, String name) {
        if (name.isEmpty()) {
            return 0;
        }
        char c = name.charAt(0);
        if (c == ':' || c == '@' || c == '$' || c == '?') {
            return st.parameterIndex(name);
        }
        for (String prefix : new String[] {":", "@", "$", "?"}) {
            int index = st.parameterIndex(prefix + name);
            if (index > 0) {
                return index;
            }
        }
        return 0;
    }

    private static List<StmtResult.Col> cols(Statement st) throws SqliteException {
        List<StmtResult.Col> cols = new ArrayList<>(st.columnCount());
        for (int i = 0; i < st.columnCount(); i++) {
            cols.add(new StmtResult.Col(st.columnName(i), st.columnDecltype(i)));
        }
        return cols;
    }

    private static Mem[] row(Statement st) throws SqliteException {
        Mem[] row = new Mem[st.columnCount()];
        for (int i = 0; i < row.length; i++) {
            Mem m = new Mem();
            st.columnValue(i, m);
            if (m.type() == Mem.BLOB) {
                m.setBlob(m.blob().clone());
            }
            row[i] = m;
        }
        return row;
    }

    private static RequestError internal(RuntimeException e) {
        return new RequestError(RequestError.codeName(ResultCode.SQLITE_INTERNAL),
                "internal error: " + e);
    }

    private static void closeQuietly(Statement st) {
        try {
            st.close();
        } catch (SqliteException e) {
            // Closing only resets; a statement that cannot reset has nothing left to undo.
        }
    }
}
