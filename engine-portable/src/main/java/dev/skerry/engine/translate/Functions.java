package dev.skerry.engine.translate;

/**
 * What the translator needs from the SQL function registry: the function object a {@code Function},
 * {@code AggStep} or {@code AggFinal} instruction carries in P4, found by name (ASCII case ignored) and
 * argument count.
 */
interface Functions {
    /** The scalar function {@code name} taking {@code nArg} arguments, or null. */
    Object scalar(String name, int nArg);

    /** The aggregate function {@code name} taking {@code nArg} arguments, or null. */
    Object aggregate(String name, int nArg);

    /** True when some function (scalar or aggregate, any argument count) is called {@code name}. */
    boolean exists(String name);

    /** The rows of {@code PRAGMA function_list} for these functions. */
    java.util.List<Object[]> functionList();
}
