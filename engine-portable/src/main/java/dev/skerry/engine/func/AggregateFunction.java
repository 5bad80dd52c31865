package dev.skerry.engine.func;

/** An aggregate SQL function: a factory of per-group {@link Accumulator}s. */
@FunctionalInterface
public interface AggregateFunction {
    Accumulator newAccumulator();
}
