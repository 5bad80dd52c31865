package dev.skerry.engine.func;

import dev.skerry.engine.value.Collation;

/**
 * What one window (one PARTITION BY / ORDER BY / frame) computes over the rows of a partition: the
 * operand of the VM's {@code Window} instruction, built by the translator. Immutable.
 *
 * <p>The rows are records whose fields are numbered as in the partition's buffer: the window's ORDER BY
 * keys are fields {@code orderBase .. orderBase+nOrder-1} (peers are rows equal on all of them under
 * their collations); each {@link Call} reads its arguments from {@code argBase ..} and its FILTER value
 * from {@code filter} (or none), and writes its value into field {@code result}.
 */
public final class WindowSpec {
    public static final int ROWS = 0;
    public static final int RANGE = 1;
    public static final int GROUPS = 2;

    public static final int UNBOUNDED_PRECEDING = 0;
    public static final int PRECEDING = 1;
    public static final int CURRENT_ROW = 2;
    public static final int FOLLOWING = 3;
    public static final int UNBOUNDED_FOLLOWING = 4;

    public static final int EXCLUDE_NO_OTHERS = 0;
    public static final int EXCLUDE_CURRENT_ROW = 1;
    public static final int EXCLUDE_GROUP = 2;
    public static final int EXCLUDE_TIES = 3;

    /** One window function of the window. */
    public static final class Call {
        final int kind;
        final String name;
        final FunctionDef aggregate;
        final int argBase;
        final int nArg;
        final int filter;
        final int result;
        final Collation collation;
        /**
         * The first of {@link #nArg} fields holding the arguments' subtypes (an integer, or NULL for none), which
         * the records between the argument's computation and this call lose; -1 when no argument can have one.
         */
        final int subtypeBase;
        /** The field receiving the subtype of the call's value (an integer, or NULL for none), or -1. */
        final int resultSubtype;

        /**
         * @param kind      a {@link WindowFunctions} kind
         * @param name      the name as written (for EXPLAIN)
         * @param aggregate the aggregate for kind {@link WindowFunctions#AGGREGATE}, else null
         * @param filter    the field holding the FILTER condition, or -1
         * @param collation the collation min()/max() compare with
         * @param subtypeBase the field of the first argument's subtype, or -1
         * @param resultSubtype the field for the subtype of the value, or -1
         */
        public Call(int kind, String name, FunctionDef aggregate, int argBase, int nArg, int filter, int result,
                Collation collation, int subtypeBase, int resultSubtype) {
            this.kind = kind;
            this.name = name;
            this.aggregate = aggregate;
            this.argBase = argBase;
            this.nArg = nArg;
            this.filter = filter;
            this.result = result;
            this.collation = collation;
            this.subtypeBase = subtypeBase;
            this.resultSubtype = resultSubtype;
        }
    }

    final int unit;
    final int start;
    final int end;
    final int exclude;
    final int orderBase;
    final Collation[] orderCollations;
    final boolean[] orderDesc;
    /** Per ORDER BY term: its NULLs sort after the other values ascending, before them descending. */
    final boolean[] orderBigNull;
    final Call[] calls;

    /**
     * @param unit  {@link #ROWS}, {@link #RANGE} or {@link #GROUPS}
     * @param start the kind of the frame's start bound ({@link #UNBOUNDED_PRECEDING} ...)
     * @param end   the kind of the frame's end bound
     * @param orderBigNull per ORDER BY term, true for NULLS LAST ascending or NULLS FIRST descending
     */
    public WindowSpec(int unit, int start, int end, int exclude, int orderBase, Collation[] orderCollations,
            boolean[] orderDesc, boolean[] orderBigNull, Call[] calls) {
        this.unit = unit;
        this.start = start;
        this.end = end;
        this.exclude = exclude;
        this.orderBase = orderBase;
        this.orderCollations = orderCollations;
        this.orderDesc = orderDesc;
        this.orderBigNull = orderBigNull;
        this.calls = calls;
    }

    /** As EXPLAIN shows the operand: the functions computed. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("window(");
        for (int k = 0; k < calls.length; k++) {
            if (k > 0) {
                sb.append(',');
            }
            sb.append(calls[k].name).append('(').append(calls[k].nArg).append(')');
        }
        return sb.append(')').toString();
    }
}
