package dev.skerry.engine.func;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.Mem;

/** A scalar SQL function: computes one value from its arguments. */
@FunctionalInterface
public interface ScalarFunction {
    /**
     * Computes the function of {@code args[base .. base+argc)} into {@code result} (which is not one of the
     * argument cells). Throws SQLite's error for the call, such as {@code integer overflow}.
     */
    void invoke(FunctionContext ctx, Mem[] args, int base, int argc, Mem result) throws SqliteException;
}
