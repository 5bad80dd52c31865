/**
 * SQL functions: the built-in scalar and aggregate functions of SQLite 3.50 and the registry the
 * translator resolves function calls against.
 *
 * <p>How it fits: the translator looks a call up in {@link dev.skerry.engine.func.FunctionRegistry} by name
 * and argument count (getting SQLite's errors for unknown names and wrong counts) and emits
 * {@code OP_Function} with the {@link dev.skerry.engine.func.FunctionDef}, or {@code OP_AggStep} /
 * {@code OP_AggFinal} for aggregates. The VM calls a {@link dev.skerry.engine.func.ScalarFunction} on a run
 * of argument registers, or keeps one {@link dev.skerry.engine.func.Accumulator} per group for an
 * aggregate (with {@code inverse}/{@code valueInto} for sliding window frames where
 * {@link dev.skerry.engine.func.Accumulator#hasInverse} says so); it implements
 * {@link dev.skerry.engine.func.FunctionContext} for the connection state some functions read
 * (last_insert_rowid, changes, random, the call's collation). DISTINCT aggregates are handled by the VM.
 * Window functions: {@link dev.skerry.engine.func.WindowFunctions} names the built-in ones, and
 * {@link dev.skerry.engine.func.WindowEvaluator} computes a {@link dev.skerry.engine.func.WindowSpec}'s
 * functions (built-in or aggregate) over the rows of one partition for the VM's {@code Window} instruction.
 * Date and time functions: {@link dev.skerry.engine.func.DateFunctions} over
 * {@link dev.skerry.engine.func.DateTime} (parser, modifiers, calendar) and
 * {@link dev.skerry.engine.func.Strftime}; 'now' and local time come from the context
 * ({@link dev.skerry.engine.func.FunctionContext#stepTimeMillis}, the connection's {@code Clock}).
 * Values, conversions and formatting come from {@code dev.skerry.engine.value}.
 */
package dev.skerry.engine.func;
