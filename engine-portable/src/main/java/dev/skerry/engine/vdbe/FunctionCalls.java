package dev.skerry.engine.vdbe;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.func.Accumulator;
import dev.skerry.engine.func.FunctionContext;
import dev.skerry.engine.func.FunctionDef;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.value.Mem;

/**
 * Calls of SQL functions for one VM: Function (scalar), AggStep/AggFinal (aggregates), and the {@link
 * FunctionContext} functions see (the connection's counters, random bytes, the collation of a preceding
 * CollSeq).
 *
 * <p>State: one {@link Accumulator} per accumulator register ({@code accumulators[reg]}, null while the
 * register holds no running aggregate: before the first AggStep, after AggFinal, after Null or Move wrote
 * the register); likewise the {@link RowSet} a register holds (RowSetAdd/RowSetRead/RowSetTest, gone after
 * Null wrote the register or RowSetRead found it empty); the collation of the current call; the random
 * generator's state; while a PureFunc runs, its function and the place of the call (else null).
 */
final class FunctionCalls implements FunctionContext {
    private final ConnectionState db;
    private final StepClock clock;
    private final Accumulator[] accumulators;
    /** The RowSet each register holds (RowSetAdd/Read/Test), allocated at the first; null entries: none. */
    private RowSet[] rowSets;
    private final Mem result = new Mem();
    private Collation collation = Collation.BINARY;
    private long random;
    /** While a PureFunc runs: its function, for {@link #notPure()}; null otherwise. */
    private FunctionDef pureFunction;
    /** While a PureFunc runs: the place SQLite's message names ("an index", …). */
    private String pureSite;

    FunctionCalls(ConnectionState db, StepClock clock, int registers) {
        this.db = db;
        this.clock = clock;
        this.accumulators = new Accumulator[registers];
        this.random = System.currentTimeMillis() * 0x9E3779B97F4A7C15L + System.identityHashCode(this);
    }

    /** Function: {@code out = f(r[base .. base+argc))} with the collation {@code coll} (null: BINARY). */
    void call(Object p4, Mem[] r, int base, int argc, Mem out, Collation coll) throws SqliteException {
        collation = coll == null ? Collation.BINARY : coll;
        ((FunctionDef) p4).scalar().invoke(this, r, base, argc, result);
        out.copyFrom(result);
    }

    /** PureFunc: {@link #call} for a call in an index, CHECK or generated column ({@code site}: Opcode.PURE_*). */
    void callPure(Object p4, int site, Mem[] r, int base, int argc, Mem out, Collation coll) throws SqliteException {
        pureFunction = (FunctionDef) p4;
        pureSite = site == Opcode.PURE_CHECK ? "a CHECK constraint"
                : site == Opcode.PURE_GENCOL ? "a generated column" : "an index";
        try {
            call(p4, r, base, argc, out, coll);
        } finally {
            pureFunction = null;
        }
    }

    @Override
    public void notPure() throws SqliteException {
        if (pureFunction != null) {
            throw SqliteException.error("non-deterministic use of " + pureFunction.name() + "() in " + pureSite);
        }
    }

    /** AggStep: feeds one row to the aggregate in register {@code acc}; returns {@link Accumulator#lastStepChosen()}. */
    boolean step(Object p4, int acc, Mem[] r, int base, int argc, Collation coll) throws SqliteException {
        collation = coll == null ? Collation.BINARY : coll;
        Accumulator a = accumulators[acc];
        if (a == null) {
            a = ((FunctionDef) p4).aggregate().newAccumulator();
            accumulators[acc] = a;
        }
        a.step(this, r, base, argc);
        return a.lastStepChosen();
    }

    /** AggFinal: replaces the accumulator in register {@code acc} by the aggregate's value. */
    void finish(Object p4, int acc, Mem out) throws SqliteException {
        Accumulator a = accumulators[acc];
        if (a == null) {
            a = ((FunctionDef) p4).aggregate().newAccumulator();
        }
        a.finalizeInto(result);
        accumulators[acc] = null;
        out.copyFrom(result);
    }

    /** The register {@code reg} was overwritten: it holds no running aggregate or RowSet any more. */
    void forget(int reg) {
        accumulators[reg] = null;
        if (rowSets != null) {
            rowSets[reg] = null;
        }
    }

    /** The RowSet register {@code reg} holds; with {@code create}, a new empty one if it holds none, else null. */
    RowSet rowSet(int reg, boolean create) {
        if (rowSets == null) {
            if (!create) {
                return null;
            }
            rowSets = new RowSet[accumulators.length];
        }
        if (rowSets[reg] == null && create) {
            rowSets[reg] = new RowSet();
        }
        return rowSets[reg];
    }

    /** Move of an accumulator register from {@code from} to {@code to}. */
    void move(int from, int to) {
        accumulators[to] = accumulators[from];
        accumulators[from] = null;
    }

    void clear() {
        for (int i = 0; i < accumulators.length; i++) {
            accumulators[i] = null;
        }
        rowSets = null;
    }

    /** {@code name(nArg)}, as EXPLAIN shows a function P4. */
    static String describe(Object p4, int nArg) {
        return p4 instanceof FunctionDef ? ((FunctionDef) p4).name() + "(" + nArg + ")" : String.valueOf(p4);
    }

    @Override
    public long lastInsertRowid() {
        return db.lastInsertRowid;
    }

    @Override
    public long changes() {
        return db.changes;
    }

    @Override
    public long totalChanges() {
        return db.totalChanges;
    }

    @Override
    public void randomBytes(byte[] out) {
        for (int i = 0; i < out.length; i++) {
            random ^= random << 13;
            random ^= random >>> 7;
            random ^= random << 17;
            out[i] = (byte) (random >>> 24);
        }
    }

    @Override
    public long stepTimeMillis() {
        return clock.millis();
    }

    @Override
    public int localOffsetSeconds(long utcMillis) {
        return clock.localOffsetSeconds(utcMillis);
    }

    /** The clock of the statement's steps, shared with the function calls of its trigger programs. */
    StepClock stepClock() {
        return clock;
    }

    @Override
    public Collation collation() {
        return collation;
    }
}
