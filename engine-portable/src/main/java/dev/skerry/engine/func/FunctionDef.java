package dev.skerry.engine.func;

/**
 * One registered function: name, the argument count it accepts ({@code -1} for any), whether it is
 * deterministic (same arguments, same result within a statement), and its implementation, scalar or
 * aggregate (exactly one is non-null). Immutable.
 */
public final class FunctionDef {
    private final String name;
    private final int nArg;
    private final int minArgs;
    private final boolean deterministic;
    private final ScalarFunction scalar;
    private final AggregateFunction aggregate;

    private FunctionDef(String name, int nArg, int minArgs, boolean deterministic, ScalarFunction scalar,
            AggregateFunction aggregate) {
        this.name = name;
        this.nArg = nArg;
        this.minArgs = minArgs;
        this.deterministic = deterministic;
        this.scalar = scalar;
        this.aggregate = aggregate;
    }

    public static FunctionDef scalar(String name, int nArg, boolean deterministic, ScalarFunction f) {
        return new FunctionDef(name, nArg, nArg < 0 ? 0 : nArg, deterministic, f, null);
    }

    /** A scalar taking any number of arguments from {@code minArgs} up. */
    public static FunctionDef variadic(String name, int minArgs, boolean deterministic, ScalarFunction f) {
        return new FunctionDef(name, -1, minArgs, deterministic, f, null);
    }

    public static FunctionDef aggregate(String name, int nArg, AggregateFunction f) {
        return new FunctionDef(name, nArg, nArg, true, null, f);
    }

    /** The name in lower case. */
    public String name() {
        return name;
    }

    /** The accepted argument count, or -1 for any. */
    public int nArg() {
        return nArg;
    }

    /** The least argument count accepted (equal to {@link #nArg} unless variadic). */
    public int minArgs() {
        return minArgs;
    }

    public boolean isDeterministic() {
        return deterministic;
    }

    public boolean isAggregate() {
        return aggregate != null;
    }

    /** The scalar implementation, or null for an aggregate. */
    public ScalarFunction scalar() {
        return scalar;
    }

    /** The aggregate implementation, or null for a scalar. */
    public AggregateFunction aggregate() {
        return aggregate;
    }
}
