package dev.skerry.engine.func;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.Mem;

/**
 * The running state of one aggregate over one group: created empty by
 * {@link AggregateFunction#newAccumulator()}, fed each row's arguments by {@link #step}, read once by
 * {@link #finalizeInto} (SQLite's {@code xStep}/{@code xFinal}; the state is SQLite's aggregate context).
 */
public interface Accumulator {
    /** Adds one row's arguments {@code args[base .. base+argc)}. */
    void step(FunctionContext ctx, Mem[] args, int base, int argc) throws SqliteException;

    /** Writes the aggregate's value for the rows stepped so far (possibly none) into {@code result}. */
    void finalizeInto(Mem result) throws SqliteException;

    /**
     * True when the aggregate can serve a sliding window frame: {@link #inverse} removes the oldest row
     * still in the frame and {@link #valueInto} reads the current value (SQLite's {@code xInverse} and
     * {@code xValue}). min() and max() have none: SQLite computes their sliding frames differently.
     */
    default boolean hasInverse() {
        return false;
    }

    /** Removes the arguments of the oldest row stepped and not yet removed (only when {@link #hasInverse}). */
    default void inverse(FunctionContext ctx, Mem[] args, int base, int argc) throws SqliteException {
        throw new UnsupportedOperationException("no inverse");
    }

    /** The current value without ending the accumulation (a window function's {@code xValue}). */
    default void valueInto(Mem result) throws SqliteException {
        finalizeInto(result);
    }

    /**
     * For min()/max(): false when the last {@link #step} did not change the chosen row (SQLite's
     * {@code sqlite3SkipAccumulatorLoad}), so bare columns keep the values of the row that set the
     * extreme. True for every other aggregate.
     */
    default boolean lastStepChosen() {
        return true;
    }
}
