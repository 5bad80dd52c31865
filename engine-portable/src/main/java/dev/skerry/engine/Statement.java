package dev.skerry.engine;

import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.value.Convert;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.vdbe.Explainer;
import dev.skerry.engine.vdbe.Opcode;
import dev.skerry.engine.vdbe.Program;
import dev.skerry.engine.vdbe.Vm;
import java.util.Collections;
import java.util.List;

/**
 * A prepared statement (SQLite's {@code sqlite3_stmt}): {@link #step()} runs it to the next result row or
 * to its end; column accessors read the current row; {@code bind*} set parameters before the first step;
 * {@link #reset()} makes it ready to run again (bindings kept, no re-planning); {@link #close()} ends it.
 *
 * <p>States: READY → RUNNING (step returned ROW or IO) → DONE (step returned DONE, or threw) → READY
 * (reset, or automatically when step is called again after DONE, as SQLite does) ; any → CLOSED. Binding is
 * allowed only in READY (else SQLITE_MISUSE). When step returns IO, {@link #pendingIo()} lists the
 * completions to wait for; the host completes them and calls step again.
 *
 * <p>EXPLAIN and EXPLAIN QUERY PLAN statements do not run their program: their rows describe it.
 */
public final class Statement {
    private static final int READY = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    private static final int CLOSED = 3;

    private final Connection connection;
    private Program program;
    private Vm vm;
    private final int tailOffset;
    /** The SQL text and offset this statement was prepared from (null for a prebuilt program): for re-preparing. */
    private String source;
    private int sourceOffset;
    private int state = READY;
    private boolean schemaRetried;
    /** {@code PRAGMA foreign_keys} when the program was compiled (SQLite expires statements when it changes). */
    private boolean compiledForeignKeys;
    private boolean hasRow;
    private List<Completion> pending = Collections.emptyList();
    /** EXPLAIN modes: the next instruction to describe, and the row cells. */
    private int explainAddr;
    private Mem[] explainRow;

    Statement(Connection connection, Program program, Vm vm, int tailOffset) {
        this.connection = connection;
        this.program = program;
        this.vm = vm;
        this.tailOffset = tailOffset;
    }

    void setSource(String sql, int offset) {
        this.source = sql;
        this.sourceOffset = offset;
        this.compiledForeignKeys = connection.foreignKeysOn();
    }

    /**
     * A statement about to run from its start that was compiled under another {@code PRAGMA foreign_keys}
     * setting is compiled again first, as SQLite's pragma expires every prepared statement. Bindings are kept.
     */
    private void recompileIfExpired() throws SqliteException {
        if (source == null || !vm.isReady() || compiledForeignKeys == connection.foreignKeysOn()) {
            return;
        }
        Program fresh = connection.recompile(source, sourceOffset);
        Vm next = connection.newVm(fresh);
        for (int i = 1; i <= Math.min(fresh.parameterCount(), program.parameterCount()); i++) {
            next.parameter(i).copyFrom(vm.parameter(i));
        }
        program = fresh;
        vm = next;
        compiledForeignKeys = connection.foreignKeysOn();
    }

    /** Where the SQL text after this statement begins (in the string given to prepare). */
    public int tailOffset() {
        return tailOffset;
    }

    /** The SQL text of this statement, or null. */
    public String sql() {
        return program.sql();
    }

    /** The program this statement runs (for EXPLAIN-like inspection in tools and tests). */
    public Program program() {
        return program;
    }

    /** True when the statement cannot write the database. */
    public boolean isReadOnly() {
        for (int a = 0; a < program.size(); a++) {
            int op = program.opcode(a);
            if ((op == Opcode.TRANSACTION && program.p2(a) != Opcode.TXN_READ) || op == Opcode.AUTO_COMMIT) {
                return false;
            }
        }
        return true;
    }

    /** Runs to the next row (ROW), the end (DONE), or a wait for I/O (IO). */
    public StepResult step() throws SqliteException {
        checkOpen();
        if (state == DONE) {
            resetQuietly();
        }
        recompileIfExpired();
        state = RUNNING;
        hasRow = false;
        if (program.explainMode() != Program.EXPLAIN_NONE) {
            return explainStep();
        }
        try {
            boolean row = vm.step();
            pending = Collections.emptyList();
            if (row) {
                hasRow = true;
                return StepResult.ROW;
            }
            state = DONE;
            return StepResult.DONE;
        } catch (IoPending io) {
            pending = io.completions();
            return StepResult.IO;
        } catch (SqliteException e) {
            pending = Collections.emptyList();
            state = DONE;
            if (e.code() == ResultCode.SQLITE_SCHEMA && source != null && !schemaRetried) {
                return reprepareAndStep();
            }
            throw e;
        }
    }

    /**
     * The schema changed since this statement was compiled (its Transaction found another schema cookie):
     * compile it again and run it, as sqlite3_prepare_v2 statements do. Bindings are carried over.
     */
    private StepResult reprepareAndStep() throws SqliteException {
        Program fresh = connection.recompile(source, sourceOffset);
        Vm next = connection.newVm(fresh);
        for (int i = 1; i <= Math.min(fresh.parameterCount(), program.parameterCount()); i++) {
            next.parameter(i).copyFrom(vm.parameter(i));
        }
        vm.reset();
        program = fresh;
        vm = next;
        compiledForeignKeys = connection.foreignKeysOn();
        state = READY;
        schemaRetried = true;
        try {
            return step();
        } finally {
            schemaRetried = false;
        }
    }

    private StepResult explainStep() {
        if (explainRow == null) {
            explainRow = new Mem[Explainer.EXPLAIN_COLUMNS.length];
            for (int i = 0; i < explainRow.length; i++) {
                explainRow[i] = new Mem();
            }
        }
        if (program.explainMode() == Program.EXPLAIN) {
            if (explainAddr < program.size()) {
                Explainer.explainRow(program, explainAddr++, explainRow);
                hasRow = true;
                return StepResult.ROW;
            }
        } else {
            while (explainAddr < program.size()) {
                int a = explainAddr++;
                if (program.opcode(a) == Opcode.EXPLAIN) {
                    Explainer.queryPlanRow(program, a, explainRow);
                    hasRow = true;
                    return StepResult.ROW;
                }
            }
        }
        state = DONE;
        return StepResult.DONE;
    }

    /** The completions the last IO result waits for. */
    public List<Completion> pendingIo() {
        return pending;
    }

    // ---- result columns ----

    public int columnCount() {
        switch (program.explainMode()) {
            case Program.EXPLAIN: return Explainer.EXPLAIN_COLUMNS.length;
            case Program.EXPLAIN_QUERY_PLAN: return Explainer.QUERY_PLAN_COLUMNS.length;
            default: return program.columnCount();
        }
    }

    public String columnName(int i) throws SqliteException {
        checkColumn(i);
        switch (program.explainMode()) {
            case Program.EXPLAIN: return Explainer.EXPLAIN_COLUMNS[i];
            case Program.EXPLAIN_QUERY_PLAN: return Explainer.QUERY_PLAN_COLUMNS[i];
            default: return program.columnName(i);
        }
    }

    /** The declared type of a result column that is a table column, else null. */
    public String columnDecltype(int i) throws SqliteException {
        checkColumn(i);
        return program.explainMode() == Program.EXPLAIN_NONE ? program.columnDecltype(i) : null;
    }

    private Mem cell(int i) throws SqliteException {
        checkColumn(i);
        if (!hasRow) {
            throw new SqliteException(ResultCode.SQLITE_MISUSE, "no row available");
        }
        if (program.explainMode() != Program.EXPLAIN_NONE) {
            return explainRow[i];
        }
        return vm.register(vm.resultStart() + i);
    }

    /** The storage class of column {@code i} of the current row: {@link Mem#INTEGER} … {@link Mem#NULL}. */
    public int columnType(int i) throws SqliteException {
        return cell(i).type();
    }

    public long columnLong(int i) throws SqliteException {
        return Convert.toLong(cell(i));
    }

    public double columnDouble(int i) throws SqliteException {
        return Convert.toDouble(cell(i));
    }

    /** The column as text (numbers rendered as SQLite renders them), or null for NULL. */
    public String columnText(int i) throws SqliteException {
        Mem m = cell(i);
        return m.isNull() ? null : Convert.toText(m);
    }

    /** The column as bytes (text as UTF-8), or null for NULL. */
    public byte[] columnBlob(int i) throws SqliteException {
        Mem m = cell(i);
        return m.isNull() ? null : Convert.toBlob(m);
    }

    /** Copies column {@code i} of the current row into {@code out}. */
    public void columnValue(int i, Mem out) throws SqliteException {
        out.copyFrom(cell(i));
    }

    private void checkColumn(int i) throws SqliteException {
        checkOpen();
        if (i < 0 || i >= columnCount()) {
            throw new SqliteException(ResultCode.SQLITE_RANGE, "column index out of range");
        }
    }

    // ---- parameters ----

    public int parameterCount() {
        return program.parameterCount();
    }

    /** The name of parameter {@code i} (1-based), such as {@code :a} or {@code ?2}; null for a plain {@code ?}. */
    public String parameterName(int i) throws SqliteException {
        checkParameter(i);
        return program.parameterName(i);
    }

    /** The index of the parameter named {@code name} (with its prefix), or 0. */
    public int parameterIndex(String name) {
        for (int i = 1; i <= program.parameterCount(); i++) {
            if (name.equals(program.parameterName(i))) {
                return i;
            }
        }
        return 0;
    }

    private Mem parameter(int i) throws SqliteException {
        checkOpen();
        if (state != READY) {
            throw new SqliteException(ResultCode.SQLITE_MISUSE, "bind on a busy prepared statement");
        }
        checkParameter(i);
        return vm.parameter(i);
    }

    private void checkParameter(int i) throws SqliteException {
        if (i < 1 || i > program.parameterCount()) {
            throw new SqliteException(ResultCode.SQLITE_RANGE, "column index out of range");
        }
    }

    public void bindNull(int i) throws SqliteException {
        parameter(i).setNull();
    }

    public void bindLong(int i, long v) throws SqliteException {
        parameter(i).setLong(v);
    }

    /** Binds a REAL; NaN binds NULL, as in SQLite. */
    public void bindDouble(int i, double v) throws SqliteException {
        if (Double.isNaN(v)) {
            parameter(i).setNull();
        } else {
            parameter(i).setDouble(v);
        }
    }

    /** Binds TEXT (null binds NULL). */
    public void bindText(int i, String v) throws SqliteException {
        parameter(i).setText(v);
    }

    /** Binds a BLOB (null binds NULL); the array is copied. */
    public void bindBlob(int i, byte[] v) throws SqliteException {
        parameter(i).setBlob(v == null ? null : v.clone());
    }

    public void bindValue(int i, Mem v) throws SqliteException {
        parameter(i).copyFrom(v);
    }

    /** Sets every parameter to NULL. */
    public void clearBindings() throws SqliteException {
        for (int i = 1; i <= program.parameterCount(); i++) {
            parameter(i).setNull();
        }
    }

    // ---- life cycle ----

    /** Makes the statement ready to run again from the start; an unfinished statement's changes are undone. */
    public void reset() throws SqliteException {
        checkOpen();
        resetQuietly();
    }

    private void resetQuietly() throws SqliteException {
        vm.reset();
        state = READY;
        hasRow = false;
        explainAddr = 0;
        pending = Collections.emptyList();
    }

    /** Ends the statement (resetting it first); further calls fail with SQLITE_MISUSE. */
    public void close() throws SqliteException {
        if (state == CLOSED) {
            return;
        }
        resetQuietly();
        state = CLOSED;
        connection.forget(this);
    }

    private void checkOpen() throws SqliteException {
        if (state == CLOSED) {
            throw new SqliteException(ResultCode.SQLITE_MISUSE, "statement is closed");
        }
    }
}
