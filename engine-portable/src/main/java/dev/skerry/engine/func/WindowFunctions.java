package dev.skerry.engine.func;

/**
 * SQLite's built-in window functions (those that are not aggregates): their names, the argument counts
 * they accept, and whether they read the window frame. Aggregate functions used with {@code OVER} are
 * the registry's aggregates ({@link FunctionRegistry}); their kind here is {@link #AGGREGATE}.
 */
public final class WindowFunctions {
    private WindowFunctions() {
    }

    /** An aggregate function computed over the frame. */
    public static final int AGGREGATE = 0;
    public static final int ROW_NUMBER = 1;
    public static final int RANK = 2;
    public static final int DENSE_RANK = 3;
    public static final int PERCENT_RANK = 4;
    public static final int CUME_DIST = 5;
    public static final int NTILE = 6;
    public static final int LAG = 7;
    public static final int LEAD = 8;
    public static final int FIRST_VALUE = 9;
    public static final int LAST_VALUE = 10;
    public static final int NTH_VALUE = 11;

    private static final String[] NAMES = {null, "row_number", "rank", "dense_rank", "percent_rank", "cume_dist",
        "ntile", "lag", "lead", "first_value", "last_value", "nth_value"};
    private static final int[] MIN_ARGS = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2};
    private static final int[] MAX_ARGS = {0, 0, 0, 0, 0, 0, 1, 3, 3, 1, 1, 2};

    /** The number of kinds (built-in window functions are kinds 1 .. count-1). */
    public static int kinds() {
        return NAMES.length;
    }

    /** The name of kind {@code kind} (1 ..). */
    public static String name(int kind) {
        return NAMES[kind];
    }

    /** The least argument count of kind {@code kind}. */
    public static int minArgs(int kind) {
        return MIN_ARGS[kind];
    }

    /** The largest argument count of kind {@code kind}. */
    public static int maxArgs(int kind) {
        return MAX_ARGS[kind];
    }

    /** The kind of the built-in window function {@code name} (ASCII case ignored), or -1. */
    public static int kind(String name) {
        String n = FunctionRegistry.lower(name);
        for (int k = 1; k < NAMES.length; k++) {
            if (NAMES[k].equals(n)) {
                return k;
            }
        }
        return -1;
    }

    /** True when the built-in window function of kind {@code kind} takes {@code nArg} arguments. */
    public static boolean accepts(int kind, int nArg) {
        return nArg >= MIN_ARGS[kind] && nArg <= MAX_ARGS[kind];
    }

    /** True when the value depends on the frame (aggregates, first_value, last_value, nth_value). */
    public static boolean usesFrame(int kind) {
        return kind == AGGREGATE || kind == FIRST_VALUE || kind == LAST_VALUE || kind == NTH_VALUE;
    }
}
