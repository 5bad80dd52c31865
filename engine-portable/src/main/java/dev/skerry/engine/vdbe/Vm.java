package dev.skerry.engine.vdbe;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.btree.KeyInfo;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.record.RecordReader;
import dev.skerry.engine.record.RecordWriter;
import dev.skerry.engine.value.Affinity;
import dev.skerry.engine.value.Arithmetic;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.value.Compare;
import dev.skerry.engine.value.Convert;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.value.ValueCompare;

/**
 * Runs one {@link Program}: the register file, the cursor table and the step loop (SQLite's {@code Vdbe} and
 * {@code sqlite3VdbeExec}).
 *
 * <p>States: READY (before the first step, or after {@link #reset()}) → RUNNING (instructions executing;
 * {@link #step()} returns ROW at each ResultRow) → HALTED (Halt reached, or an error thrown; {@link #step()}
 * then returns DONE, or rethrows nothing). {@link #reset()} returns to READY from any state, undoing an
 * unfinished statement's changes.
 *
 * <p>I/O: an instruction that needs I/O throws {@link IoPending} out of {@link #step()} before changing
 * anything lasting; {@code pc} still points at it, so the next {@code step()} runs it again. Instructions
 * whose effect spans several I/O waits (Halt's commit) keep their progress in fields ({@link StatementTxn}).
 *
 * <p>Frames: while a trigger program runs ({@code Program}), {@code program}, the operand arrays, the registers,
 * the cursors and the Once flags are the trigger's, the caller's being saved in {@link #frame}
 * ({@link TriggerFrames}); {@link #program()} is always the statement's. An error, a reset or the statement's
 * end first returns to the statement's level.
 *
 * <p>Invariants: {@code pc} is the address of the next instruction to run; registers {@code r[1..]} are
 * never null; {@code runningVm} is true exactly while this VM is counted in {@link
 * ConnectionState#runningVms}.
 */
public final class Vm {
    private static final int READY = 0;
    private static final int RUNNING = 1;
    private static final int HALTED = 2;

    private final Program root;
    private final ConnectionState db;
    // The program running and its operands: the statement's own, or a trigger's while a frame is entered.
    private Program program;
    private int[] opcode;
    private int[] p1;
    private int[] p2;
    private int[] p3;
    private int[] p5;
    private Object[] p4;

    Mem[] r;
    private VdbeCursor[] cursors;
    /** Closed b-tree cursors kept per slot for the next run (see {@link BTreeVdbeCursor#reopen()}). */
    private BTreeVdbeCursor[] spare;
    /** The innermost frame of a running trigger program (see {@link TriggerFrames}), or null at the statement's level. */
    VdbeFrame frame;
    int frameDepth;
    private final Mem[] params;
    private final StatementTxn txn;

    private int state = READY;
    /** The last step returned a row (the VM waits at a ResultRow boundary, not inside an instruction). */
    private boolean atRow;
    private int pc;
    private int resultStart;
    private int resultCount;
    private boolean[] onceDone;
    private int lastCompare;
    private boolean lastEqual;
    private int[] permutation;
    private boolean runningVm;
    private final Mem scratch = new Mem();
    /** Clear with P3: the cursor counting the rows about to be deleted, and the count once known (-1 before). */
    BTreeVdbeCursor clearCursor;
    long clearCount = -1;
    /** IntegrityCk: the check in progress or handing out its rows (null when none). */
    IntegrityCheck integrityCheck;
    /** Vacuum: the run in progress, kept across IoPending (null when none; see {@link VacuumOp}). */
    dev.skerry.engine.vacuum.Vacuum vacuum;
    /** Checkpoint: the log's frame count taken before a checkpoint that waits for I/O (-1 when none). */
    int checkpointFrames = -1;
    private Mem[] unpacked = new Mem[0];
    private final Mem[] seekKey = {new Mem()};
    private FunctionCalls functions;
    private final RecordReader recordReader = new RecordReader();

    public Vm(Program program, ConnectionState db) {
        this.root = program;
        this.db = db;
        switchTo(program, newRegisters(program), new VdbeCursor[program.cursorCount],
                new BTreeVdbeCursor[program.cursorCount], null);
        this.params = new Mem[program.parameterCount()];
        for (int i = 0; i < params.length; i++) {
            params[i] = new Mem();
        }
        this.txn = new StatementTxn(db, scanCountsChanges(program));
        this.functions = new FunctionCalls(db, new StepClock(db), r.length);
    }

    /** A zeroed register file for {@code p} (register 0 unused). */
    static Mem[] newRegisters(Program p) {
        Mem[] regs = new Mem[p.registerCount + 1];
        for (int i = 0; i < regs.length; i++) {
            regs[i] = new Mem();
        }
        return regs;
    }

    /** Makes {@code p} the running program, with its registers, cursors and Once flags. */
    void switchTo(Program p, Mem[] regs, VdbeCursor[] curs, BTreeVdbeCursor[] spares, boolean[] once) {
        program = p;
        opcode = p.opcode;
        p1 = p.p1;
        p2 = p.p2;
        p3 = p.p3;
        p4 = p.p4;
        p5 = p.p5;
        r = regs;
        cursors = curs;
        spare = spares;
        onceDone = once;
    }

    boolean[] onceDone() {
        return onceDone;
    }

    FunctionCalls functions() {
        return functions;
    }

    void setFunctions(FunctionCalls f) {
        functions = f;
    }

    StatementTxn txn() {
        return txn;
    }

    private static boolean scanCountsChanges(Program p) {
        for (int a = 0; a < p.size; a++) {
            int op = p.opcode[a];
            if ((op == Opcode.INSERT && (p.p5[a] & Opcode.OPFLAG_NCHANGE) != 0)
                    || (op == Opcode.DELETE && (p.p2[a] & Opcode.OPFLAG_NCHANGE) != 0)
                    || (op == Opcode.CLEAR && p.p3[a] != 0)) {
                return true;
            }
        }
        return false;
    }

    public Program program() {
        return root;
    }

    /** The program running now: the statement's, or the trigger program of the innermost frame. */
    Program current() {
        return program;
    }

    /** The value bound to parameter {@code i} (1-based); the caller may change it while the VM is READY. */
    public Mem parameter(int i) {
        return params[i - 1];
    }

    public boolean isReady() {
        return state == READY;
    }

    public boolean isHalted() {
        return state == HALTED;
    }

    /** The first register of the current result row (valid after step() returned ROW). */
    public int resultStart() {
        return resultStart;
    }

    public int resultCount() {
        return resultCount;
    }

    /** Register {@code i} (for reading the result row). */
    public Mem register(int i) {
        return r[i];
    }

    /**
     * Runs until a result row (true) or the end (false). Throws {@link IoPending} to wait for I/O (call again
     * afterwards), {@link SqliteException} on error (the statement's changes are then undone as its Halt
     * operand or the error says, and the VM is HALTED).
     */
    public boolean step() throws IoPending, SqliteException {
        if (state == HALTED) {
            return false;
        }
        if (state == READY) {
            db.finishPendingCommit();
            functions.stepClock().newRun();
            state = RUNNING;
            pc = 0;
            if (!runningVm) {
                runningVm = true;
                db.runningVms++;
            }
        }
        try {
            atRow = false;
            atRow = run();
            return atRow;
        } catch (SqliteException e) {
            if (state != HALTED) {
                abort(Opcode.OE_ABORT, e.code());
            }
            throw e;
        } catch (RuntimeException e) {
            if (state != HALTED) {
                abort(Opcode.OE_ABORT, ResultCode.SQLITE_INTERNAL);
            }
            throw new SqliteException(ResultCode.SQLITE_INTERNAL, "internal error at " + pc + " ("
                    + (pc < program.size ? Opcode.name(opcode[pc]) : "end") + "): " + e);
        }
    }

    /**
     * Back to READY. A statement reset after it returned a row ends as if it had halted there (SQLite's
     * sqlite3_reset: INSERT ... RETURNING read for its first row only keeps its rows; in autocommit mode the
     * commit, which needs I/O, is done by the connection's next step); one reset while waiting for I/O in
     * the middle of an instruction is abandoned and its changes undone.
     */
    public void reset() throws SqliteException {
        if (state == RUNNING) {
            if (atRow) {
                txn.endAtRow();
                closeCursors();
                state = HALTED;
                leave();
            } else {
                abort(Opcode.OE_ABORT, ResultCode.SQLITE_ABORT);
            }
        }
        atRow = false;
        closeCursors();
        for (int i = 0; i < r.length; i++) {
            r[i].setNull();
        }
        onceDone = null;
        permutation = null;
        integrityCheck = null;
        VacuumOp.abandon(this);
        checkpointFrames = -1;
        functions.clear();
        state = READY;
        leave();
    }

    private void leave() throws SqliteException {
        if (runningVm) {
            runningVm = false;
            db.runningVms--;
            if (db.runningVms == 0) {
                db.interrupted = false;
            }
            db.endReadIfIdle();
        }
    }

    private void closeCursors() {
        TriggerFrames.unwind(this);
        for (int i = 0; i < cursors.length; i++) {
            if (cursors[i] != null) {
                cursors[i].close();
                if (cursors[i] instanceof BTreeVdbeCursor) {
                    spare[i] = (BTreeVdbeCursor) cursors[i];
                }
                cursors[i] = null;
            }
        }
    }

    VdbeCursor[] cursorArray() {
        return cursors;
    }

    BTreeVdbeCursor[] spareArray() {
        return spare;
    }

    /** Closes the cursors of the running trigger program (its frame is being left). */
    void closeFrameCursors() {
        for (int i = 0; i < cursors.length; i++) {
            if (cursors[i] != null) {
                cursors[i].close();
                cursors[i] = null;
            }
        }
    }

    /** A closed b-tree cursor of slot {@code i} from an earlier run that fits the new open, or null. */
    BTreeVdbeCursor spareCursor(int i, int iDb, int root, KeyInfo keyInfo) {
        BTreeVdbeCursor c = spare[i];
        if (c == null || !c.reusableFor(iDb, root, keyInfo)) {
            return null;
        }
        spare[i] = null;
        c.reopen();
        return c;
    }

    /** Ends the statement after an error: undo per {@code onError}, close cursors, HALTED. No I/O. */
    private void abort(int onError, int code) throws SqliteException {
        TriggerFrames.unwind(this);
        txn.undo(onError, code);
        closeCursors();
        state = HALTED;
        leave();
    }

    /** Runs frame after frame until a row or the end: true at a ResultRow. */
    private boolean run() throws IoPending, SqliteException {
        for (;;) {
            int k = runFrame();
            if (k != FRAME_SWITCHED) {
                return k == AT_ROW;
            }
        }
    }

    private static final int AT_END = 0;
    private static final int AT_ROW = 1;
    /** {@link #runFrame()}: a trigger program was entered or left; run again with its arrays. */
    private static final int FRAME_SWITCHED = 2;

    private int runFrame() throws IoPending, SqliteException {
        final Mem[] r = this.r;
        final int[] opcode = this.opcode;
        final int[] p1 = this.p1;
        final int[] p2 = this.p2;
        final int[] p3 = this.p3;
        // The program counter lives in a local inside the loop; the field is written at the top of every
        // instruction, so helpers, errors and IoPending see the address of the instruction running.
        int pc = this.pc;
        for (;;) {
            this.pc = pc;
            if (pc >= program.size) {
                halt(0);
                return AT_END;
            }
            if (db.interrupted) {
                throw new SqliteException(ResultCode.SQLITE_INTERRUPT, "interrupted");
            }
            switch (opcode[pc]) {
                case Opcode.INIT:
                case Opcode.GOTO:
                    pc = p2[pc];
                    continue;
                case Opcode.GOSUB:
                    r[p1[pc]].setLong(pc);
                    pc = p2[pc];
                    continue;
                case Opcode.RETURN:
                    pc = (int) r[p1[pc]].longValue() + 1;
                    continue;
                case Opcode.INIT_COROUTINE:
                    r[p1[pc]].setLong(p3[pc] - 1);
                    pc = p2[pc] != 0 ? p2[pc] : pc + 1;
                    continue;
                case Opcode.YIELD: {
                    int dest = (int) r[p1[pc]].longValue();
                    r[p1[pc]].setLong(pc);
                    pc = dest + 1;
                    continue;
                }
                case Opcode.END_COROUTINE: {
                    int caller = (int) r[p1[pc]].longValue();
                    r[p1[pc]].setLong(pc - 1);
                    pc = p2[caller];
                    continue;
                }
                case Opcode.HALT_IF_NULL:
                    if (!r[p3[pc]].isNull()) {
                        pc++;
                        continue;
                    }
                    halt(p1[pc]);
                    return AT_END;
                case Opcode.HALT:
                    if (frame != null && p1[pc] == 0) {
                        TriggerFrames.leave(this, p2[pc] == Opcode.OE_IGNORE);
                        return FRAME_SWITCHED;
                    }
                    halt(p1[pc]);
                    return AT_END;
                case Opcode.PROGRAM:
                    if (TriggerFrames.enter(this, pc)) {
                        return FRAME_SWITCHED;
                    }
                    break;
                case Opcode.PARAM:
                    r[p2[pc]].copyFrom(frame.registers[frame.paramBase + p1[pc]]);
                    break;
                case Opcode.INTEGER:
                    r[p2[pc]].setLong(p1[pc]);
                    break;
                case Opcode.INT64:
                    r[p2[pc]].setLong(((Long) p4[pc]).longValue());
                    break;
                case Opcode.REAL:
                    r[p2[pc]].setDouble(((Double) p4[pc]).doubleValue());
                    break;
                case Opcode.STRING8:
                    r[p2[pc]].setText((String) p4[pc]);
                    break;
                case Opcode.NULL: {
                    int last = Math.max(p2[pc], p3[pc]);
                    for (int i = p2[pc]; i <= last; i++) {
                        r[i].setNull();
                        functions.forget(i);
                    }
                    break;
                }
                case Opcode.BLOB:
                    r[p2[pc]].setBlob((byte[]) p4[pc]);
                    break;
                case Opcode.VARIABLE:
                    r[p2[pc]].copyFrom(params[p1[pc] - 1]);
                    break;
                case Opcode.MOVE:
                    for (int i = 0; i < p3[pc]; i++) {
                        r[p2[pc] + i].copyFrom(r[p1[pc] + i]);
                        r[p1[pc] + i].setNull();
                        functions.move(p1[pc] + i, p2[pc] + i);
                    }
                    break;
                case Opcode.COPY:
                    for (int i = 0; i <= p3[pc]; i++) {
                        r[p2[pc] + i].copyFrom(r[p1[pc] + i]);
                    }
                    break;
                case Opcode.GET_SUBTYPE:
                    r[p1[pc]].subtypeTo(r[p2[pc]]);
                    break;
                case Opcode.SET_SUBTYPE:
                    r[p2[pc]].setSubtypeFrom(r[p1[pc]]);
                    break;
                case Opcode.SCOPY:
                    r[p2[pc]].copyFrom(r[p1[pc]]);
                    break;
                case Opcode.INT_COPY:
                    r[p2[pc]].setLong(r[p1[pc]].longValue());
                    break;
                case Opcode.RESULT_ROW:
                    resultStart = p1[pc];
                    resultCount = p2[pc];
                    this.pc = pc + 1;
                    return AT_ROW;
                case Opcode.CONCAT:
                    Arithmetic.concat(r[p2[pc]], r[p1[pc]], r[p3[pc]]);
                    break;
                case Opcode.ADD:
                    Arithmetic.add(r[p1[pc]], r[p2[pc]], r[p3[pc]]);
                    break;
                case Opcode.SUBTRACT:
                    Arithmetic.subtract(r[p2[pc]], r[p1[pc]], r[p3[pc]]);
                    break;
                case Opcode.MULTIPLY:
                    Arithmetic.multiply(r[p1[pc]], r[p2[pc]], r[p3[pc]]);
                    break;
                case Opcode.DIVIDE:
                    Arithmetic.divide(r[p2[pc]], r[p1[pc]], r[p3[pc]]);
                    break;
                case Opcode.REMAINDER:
                    Arithmetic.remainder(r[p2[pc]], r[p1[pc]], r[p3[pc]]);
                    break;
                case Opcode.BIT_AND:
                    Arithmetic.bitAnd(r[p1[pc]], r[p2[pc]], r[p3[pc]]);
                    break;
                case Opcode.BIT_OR:
                    Arithmetic.bitOr(r[p1[pc]], r[p2[pc]], r[p3[pc]]);
                    break;
                case Opcode.SHIFT_LEFT:
                    Arithmetic.shiftLeft(r[p2[pc]], r[p1[pc]], r[p3[pc]]);
                    break;
                case Opcode.SHIFT_RIGHT:
                    Arithmetic.shiftRight(r[p2[pc]], r[p1[pc]], r[p3[pc]]);
                    break;
                case Opcode.ADD_IMM: {
                    Mem m = r[p1[pc]];
                    m.setLong(Convert.toLong(m) + p2[pc]);
                    break;
                }
                case Opcode.MUST_BE_INT: {
                    Mem m = r[p1[pc]];
                    if (m.type() != Mem.INTEGER) {
                        Affinity.apply(m, Affinity.NUMERIC);
                        if (m.type() != Mem.INTEGER) {
                            if (p2[pc] == 0) {
                                throw new SqliteException(ResultCode.SQLITE_MISMATCH, "datatype mismatch");
                            }
                            pc = p2[pc];
                            continue;
                        }
                    }
                    break;
                }
                case Opcode.REAL_AFFINITY: {
                    Mem m = r[p1[pc]];
                    if (m.type() == Mem.INTEGER) {
                        m.setDouble((double) m.longValue());
                    }
                    break;
                }
                case Opcode.CAST:
                    Convert.cast(r[p1[pc]], (char) p2[pc]);
                    break;
                case Opcode.EQ:
                case Opcode.NE:
                case Opcode.LT:
                case Opcode.LE:
                case Opcode.GT:
                case Opcode.GE:
                    if (compareJump(opcode[pc], r[p3[pc]], r[p1[pc]])) {
                        pc = p2[pc];
                        continue;
                    }
                    break;
                case Opcode.ELSE_EQ:
                    if (lastEqual) {
                        pc = p2[pc];
                        continue;
                    }
                    break;
                case Opcode.PERMUTATION:
                    permutation = (int[]) p4[pc];
                    break;
                case Opcode.COMPARE:
                    lastCompare = compareRanges(p1[pc], p2[pc], p3[pc], (KeyInfo) p4[pc],
                            (p5[pc] & Opcode.OPFLAG_PERMUTE) != 0 ? permutation : null);
                    break;
                case Opcode.JUMP:
                    pc = lastCompare < 0 ? p1[pc] : (lastCompare == 0 ? p2[pc] : p3[pc]);
                    continue;
                case Opcode.AND:
                case Opcode.OR:
                    logic(opcode[pc] == Opcode.AND, r[p1[pc]], r[p2[pc]], r[p3[pc]]);
                    break;
                case Opcode.IS_TRUE: {
                    Mem m = r[p1[pc]];
                    boolean v = m.isNull() ? p3[pc] != 0 : Convert.toBoolean(m, false);
                    r[p2[pc]].setLong((v ? 1 : 0) ^ (p4[pc] == null ? 0 : ((Integer) p4[pc]).intValue()));
                    break;
                }
                case Opcode.NOT: {
                    Mem m = r[p1[pc]];
                    if (m.isNull()) {
                        r[p2[pc]].setNull();
                    } else {
                        r[p2[pc]].setLong(Convert.toBoolean(m, false) ? 0 : 1);
                    }
                    break;
                }
                case Opcode.BIT_NOT:
                    Arithmetic.bitNot(r[p1[pc]], r[p2[pc]]);
                    break;
                case Opcode.IF_POS: {
                    Mem m = r[p1[pc]];
                    if (m.longValue() > 0) {
                        m.setLong(m.longValue() - p3[pc]);
                        pc = p2[pc];
                        continue;
                    }
                    break;
                }
                case Opcode.IF_NOT_ZERO: {
                    Mem m = r[p1[pc]];
                    long v = m.longValue();
                    if (v != 0) {
                        if (v > 0) {
                            m.setLong(v - 1);
                        }
                        pc = p2[pc];
                        continue;
                    }
                    break;
                }
                case Opcode.DECR_JUMP_ZERO: {
                    Mem m = r[p1[pc]];
                    long v = m.longValue();
                    if (v > Long.MIN_VALUE) {
                        v--;
                        m.setLong(v);
                    }
                    if (v == 0) {
                        pc = p2[pc];
                        continue;
                    }
                    break;
                }
                case Opcode.ONCE:
                    if (onceDone == null) {
                        onceDone = new boolean[program.size];
                    }
                    if (onceDone[pc]) {
                        pc = p2[pc];
                        continue;
                    }
                    onceDone[pc] = true;
                    break;
                case Opcode.IF:
                case Opcode.IF_NOT: {
                    Mem m = r[p1[pc]];
                    boolean jump;
                    if (m.isNull()) {
                        jump = p3[pc] != 0;
                    } else {
                        jump = Convert.toBoolean(m, false) == (opcode[pc] == Opcode.IF);
                    }
                    if (jump) {
                        pc = p2[pc];
                        continue;
                    }
                    break;
                }
                case Opcode.IS_NULL:
                    if (r[p1[pc]].isNull()) {
                        pc = p2[pc];
                        continue;
                    }
                    break;
                case Opcode.NOT_NULL:
                    if (!r[p1[pc]].isNull()) {
                        pc = p2[pc];
                        continue;
                    }
                    break;
                case Opcode.AFFINITY: {
                    String aff = (String) p4[pc];
                    for (int i = 0; i < p2[pc]; i++) {
                        applyForRecord(r[p1[pc] + i], aff.charAt(i));
                    }
                    break;
                }
                case Opcode.MAKE_RECORD: {
                    String aff = (String) p4[pc];
                    if (aff != null) {
                        for (int i = 0; i < aff.length() && i < p2[pc]; i++) {
                            applyForRecord(r[p1[pc] + i], aff.charAt(i));
                        }
                    }
                    r[p3[pc]].setBlob(RecordWriter.encode(r, p1[pc], p2[pc]));
                    break;
                }
                case Opcode.OFFSET_LIMIT: {
                    long limit = r[p1[pc]].longValue();
                    long offset = r[p3[pc]].longValue();
                    r[p2[pc]].setLong(limit > 0 ? limit + Math.max(0, offset) : -1);
                    break;
                }
                case Opcode.RESET_COUNT:
                    txn.resetCount();
                    break;
                case Opcode.NOOP:
                case Opcode.EXPLAIN:
                    break;
                case Opcode.COLL_SEQ:
                    if (p1[pc] != 0) {
                        r[p1[pc]].setLong(0);
                    }
                    break;
                case Opcode.FUNCTION:
                    functions.call(p4[pc], r, p2[pc], p5[pc], r[p3[pc]], precedingCollation());
                    break;
                case Opcode.PURE_FUNC:
                    functions.callPure(p4[pc], p1[pc], r, p2[pc], p5[pc], r[p3[pc]], precedingCollation());
                    break;
                case Opcode.AGG_STEP:
                    if (!functions.step(p4[pc], p3[pc], r, p2[pc], p5[pc], precedingCollation())
                            && pc > 0 && opcode[pc - 1] == Opcode.COLL_SEQ && p1[pc - 1] != 0) {
                        r[p1[pc - 1]].setLong(1);
                    }
                    break;
                case Opcode.AGG_FINAL:
                    functions.finish(p4[pc], p1[pc], r[p1[pc]]);
                    break;
                case Opcode.WINDOW:
                    WindowOp.run(cursors[p1[pc]], r[p2[pc]], r[p3[pc]], p4[pc], functions);
                    break;
                case Opcode.ROW_SET_ADD:
                    functions.rowSet(p1[pc], true).add(Convert.toLong(r[p2[pc]]));
                    break;
                case Opcode.ROW_SET_READ:
                    if (!RowSetOps.read(functions, p1[pc], r, p3[pc])) {
                        pc = p2[pc];
                        continue;
                    }
                    break;
                case Opcode.ROW_SET_TEST:
                    if (functions.rowSet(p1[pc], true).testAndAdd(Convert.toLong(r[p3[pc]]), (Integer) p4[pc])) {
                        pc = p2[pc];
                        continue;
                    }
                    break;
                case Opcode.COLUMN:
                    CursorOps.column(cursors[p1[pc]], p2[pc], r[p3[pc]], p4[pc]);
                    break;
                case Opcode.TYPE_CHECK:
                    ((TypeCheck) p4[pc]).run(r, p1[pc]);
                    break;
                case Opcode.NEXT:
                    if (cursors[p1[pc]].next()) {
                        pc = p2[pc];
                        continue;
                    }
                    break;
                case Opcode.TRANSACTION:
                    txn.begin(p1[pc], p2[pc], p3[pc], p5[pc]);
                    if (p5[pc] != 0 && p4[pc] instanceof Integer
                            && (Integer) p4[pc] != db.schemaLoader().tempVersion()) {
                        throw new SqliteException(ResultCode.SQLITE_SCHEMA, "database schema has changed");
                    }
                    break;
                case Opcode.SAVEPOINT:
                    if (txn.savepoint(p1[pc], (String) p4[pc])) {
                        finishHalt();
                        return AT_END;
                    }
                    break;
                case Opcode.AUTO_COMMIT:
                    txn.autoCommit(p1[pc] != 0, p2[pc] != 0);
                    finishHalt();
                    return AT_END;
                case Opcode.READ_COOKIE:
                    r[p2[pc]].setLong(txn.readCookie(p1[pc], p3[pc]));
                    break;
                case Opcode.SET_COOKIE:
                    txn.setCookie(p1[pc], p2[pc], p3[pc]);
                    break;
                default:
                    if (!CursorOps.run(this, pc) && !ForeignKeyOps.run(this, pc) && !PragmaOps.run(this, pc)
                            && !VacuumOp.run(this, pc)) {
                        throw new SqliteException(ResultCode.SQLITE_INTERNAL,
                                "opcode " + Opcode.name(opcode[pc]) + " is not implemented");
                    }
                    pc = this.pc;
                    continue;
            }
            pc++;
        }
    }

    /** The collation of a CollSeq just before the current instruction, or null. */
    private Collation precedingCollation() {
        return pc > 0 && opcode[pc - 1] == Opcode.COLL_SEQ ? (Collation) p4[pc - 1] : null;
    }

    // ---- helpers used by CursorOps ----

    VdbeCursor cursor(int i) {
        return cursors[i];
    }

    void setCursor(int i, VdbeCursor c) {
        if (cursors[i] != null && cursors[i] != c) {
            cursors[i].close();
        }
        cursors[i] = c;
    }

    int pc() {
        return pc;
    }

    void jumpTo(int addr) {
        pc = addr;
    }

    void advance() {
        pc++;
    }

    ConnectionState db() {
        return db;
    }

    Mem scratch() {
        return scratch;
    }

    void countChange(boolean count) {
        if (count) {
            countChanges(1);
        }
    }

    void countChanges(long n) {
        txn.countChanges(n);
    }

    /** Decodes a record key into {@link #unpacked()} (Found/NotFound with P4 = 0); returns its field count. */
    int unpack(byte[] record) throws SqliteException {
        recordReader.reset(record, 0, record.length);
        int n = recordReader.columnCount();
        if (unpacked.length < n) {
            Mem[] u = new Mem[n];
            for (int i = 0; i < n; i++) {
                u[i] = i < unpacked.length ? unpacked[i] : new Mem();
            }
            unpacked = u;
        }
        for (int i = 0; i < n; i++) {
            recordReader.column(i, unpacked[i]);
        }
        return n;
    }

    /** The cells {@link #unpack} decoded into. */
    Mem[] unpacked() {
        return unpacked;
    }

    /** One reusable cell array for a rowid seek key. */
    Mem[] seekKey() {
        return seekKey;
    }

    // ---- comparison and logic ----

    private boolean compareJump(int op, Mem left, Mem right) {
        int flags = p5[pc];
        Object p4v = p4[pc];
        if (left.isNull() || right.isNull()) {
            if ((flags & Opcode.NULLEQ) != 0) {
                boolean bothNull = left.isNull() && right.isNull();
                lastEqual = bothNull;
                return op == Opcode.EQ ? bothNull : (op == Opcode.NE ? !bothNull : false);
            }
            lastEqual = false;
            return (flags & Opcode.JUMPIFNULL) != 0;
        }
        char aff = (char) (flags & Opcode.AFF_MASK);
        Collation coll = p4v instanceof Collation ? (Collation) p4v : Collation.BINARY;
        int c = Compare.compare(left, right, aff, coll);
        lastEqual = c == 0;
        switch (op) {
            case Opcode.EQ: return c == 0;
            case Opcode.NE: return c != 0;
            case Opcode.LT: return c < 0;
            case Opcode.LE: return c <= 0;
            case Opcode.GT: return c > 0;
            default: return c >= 0;
        }
    }

    private int compareRanges(int a, int b, int n, KeyInfo keyInfo, int[] perm) {
        for (int i = 0; i < n; i++) {
            int k = perm == null ? i : perm[i];
            int c = ValueCompare.compare(r[a + k], r[b + k], keyInfo.collation(i));
            if (c != 0) {
                return keyInfo.descending(i) ? -c : c;
            }
        }
        return 0;
    }

    /**
     * Affinity as the Affinity and MakeRecord opcodes apply it: REAL affinity also marks an integral result
     * {@link Mem#markIntReal} so the record stores it as an integer (SQLite's MEM_IntReal); reading the
     * column back goes through RealAffinity, so the value is REAL again (and -0.0 reads as 0.0, as in SQLite).
     */
    private static void applyForRecord(Mem m, char affinity) {
        Affinity.apply(m, affinity);
        if (affinity == Affinity.REAL) {
            m.markIntReal();
        }
    }

    private static void logic(boolean and, Mem a, Mem b, Mem out) {
        int x = a.isNull() ? 2 : (Convert.toBoolean(a, false) ? 1 : 0);
        int y = b.isNull() ? 2 : (Convert.toBoolean(b, false) ? 1 : 0);
        int v;
        if (and) {
            v = (x == 0 || y == 0) ? 0 : ((x == 2 || y == 2) ? 2 : 1);
        } else {
            v = (x == 1 || y == 1) ? 1 : ((x == 2 || y == 2) ? 2 : 0);
        }
        if (v == 2) {
            out.setNull();
        } else {
            out.setLong(v);
        }
    }

    // ---- ending ----

    /** Halt (and HaltIfNull that fired): ends the program with result code {@code code}. */
    private void halt(int code) throws IoPending, SqliteException {
        if (code != 0) {
            String msg = opcode[pc] == Opcode.HALT && p3[pc] != 0 ? Convert.toText(r[p3[pc]]) : (String) p4[pc];
            int kind = p5[pc];
            if (kind >= Opcode.P5_CONSTRAINT_NOTNULL && kind <= Opcode.P5_CONSTRAINT_FK) {
                String[] names = {"NOT NULL", "UNIQUE", "CHECK", "FOREIGN KEY"};
                msg = names[kind - 1] + " constraint failed" + (msg == null ? "" : ": " + msg);
            }
            SqliteException e = new SqliteException(code, msg);
            SqliteException fk = p2[pc] == Opcode.OE_FAIL ? txn.foreignKeyFailure() : null;
            if (fk != null) {
                // SQLite's vdbeHalt: an OR FAIL error keeps the changes before it only if they break no foreign key.
                abort(Opcode.OE_ABORT, fk.code());
                throw fk;
            }
            if (p2[pc] == Opcode.OE_FAIL && txn.commitAfterFailure()) {
                finishHalt();
                throw e;
            }
            abort(p2[pc], code);
            throw e;
        }
        SqliteException fk = txn.foreignKeyFailure();
        if (fk != null) {
            abort(Opcode.OE_ABORT, fk.code());
            throw fk;
        }
        txn.haltSucceeded();
        finishHalt();
    }

    private void finishHalt() throws SqliteException {
        TriggerFrames.unwind(this);
        txn.end();
        closeCursors();
        state = HALTED;
        leave();
    }
}
