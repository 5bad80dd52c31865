package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.func.FunctionDef;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.value.Affinity;
import dev.skerry.engine.value.Convert;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.vdbe.Opcode;

/**
 * {@code generate_series(start [, stop [, step]])} as SQLite 3.50 documents it (https://sqlite.org/series.html):
 * one visible column {@code value}, hidden columns {@code start}, {@code stop}, {@code step}. The values are
 * {@code start + n*step} for n = 0, 1, … not passing {@code stop} (counting down when step is negative); stop
 * defaults to 4294967295, step to 1, and a step of 0 counts as 1; all are taken as 64-bit integers; a NULL
 * argument gives no rows; start is required (or a lower bound on value standing in for it). Comparisons of
 * {@code value} with =, >, >=, <, <= narrow the series before it is walked (so
 * {@code generate_series(1) WHERE value < 10} stops at 9), with SQLite's handling of REAL bounds (rounded
 * inward) and of the 64-bit limits.
 *
 * <p>The series is planned (first value, last value, step size and direction) by a function the bytecode
 * calls with the arguments and bounds; another gives each next value. Both recompute the plan, which takes a
 * few integer operations.
 */
final class SeriesFunction implements TableFunction {
    private static final String[] COLUMNS = {"value", "start", "stop", "step"};
    /** Bound slot of {@code value =}, {@code >}, {@code >=}. */
    private static final int LOWER = 0;
    /** Bound slot of {@code value <}, {@code <=}. */
    private static final int UPPER = 1;
    /** Argument block: start, stop, step, lower bound, upper bound. */
    private static final int BLOCK = 5;

    @Override
    public String[] columns() {
        return COLUMNS;
    }

    @Override
    public int visibleColumns() {
        return 1;
    }

    @Override
    public int bounds(int column, Expr.BinaryOp op) {
        if (column != 0) {
            return -1;
        }
        switch (op) {
            case EQ: case GT: case GE:
                return LOWER;
            case LT: case LE:
                return UPPER;
            default:
                return -1;
        }
    }

    @Override
    public int boundSlots() {
        return 2;
    }

    @Override
    public void first(Parse p, int[] args, int[] bounds, Expr.BinaryOp[] boundOps, int row, int empty)
            throws SqliteException {
        if (args[0] == 0 && bounds[LOWER] == 0) {
            throw SqliteException.error("first argument to \"generate_series()\" missing or unusable");
        }
        Shape shape = new Shape(args, bounds, boundOps);
        int block = block(p, args, bounds, 0);
        call(p, FunctionDef.scalar("generate_series", BLOCK, true, (ctx, r, base, n, out) -> {
            Plan plan = shape.plan(r, base);
            if (plan == null) {
                out.setNull();
            } else {
                out.setLong(plan.first);
            }
        }), block, BLOCK, row);
        p.v.addOp(Opcode.IS_NULL, row, empty);
        for (int k = 0; k < 3; k++) {
            int column = k;
            call(p, FunctionDef.scalar("generate_series", BLOCK, true, (ctx, r, base, n, out) ->
                    out.setLong(shape.original(r, base, column))), block, BLOCK, row + 1 + k);
        }
    }

    @Override
    public void next(Parse p, int[] args, int[] bounds, Expr.BinaryOp[] boundOps, int row, int more) {
        Shape shape = new Shape(args, bounds, boundOps);
        int block = block(p, args, bounds, 1);
        p.v.addOp(Opcode.SCOPY, row, block);
        int next = p.reg();
        call(p, FunctionDef.scalar("generate_series", BLOCK + 1, true, (ctx, r, base, n, out) -> {
            Plan plan = shape.plan(r, base + 1);
            long v = r[base].longValue();
            if (plan == null || v == plan.last) {
                out.setNull();
            } else {
                out.setLong(plan.descending ? v - plan.step : v + plan.step);
            }
        }), block, BLOCK + 1, next);
        int done = p.v.addOp(Opcode.IS_NULL, next, 0);
        p.v.addOp(Opcode.SCOPY, next, row);
        p.v.addOp(Opcode.GOTO, 0, more);
        p.v.jumpHere(done);
    }

    /** Copies the present arguments and bounds into a block of registers after {@code skip} leading ones. */
    private static int block(Parse p, int[] args, int[] bounds, int skip) {
        int block = p.regs(skip + BLOCK);
        int[] from = {args[0], args[1], args[2], bounds[LOWER], bounds[UPPER]};
        for (int k = 0; k < BLOCK; k++) {
            if (from[k] != 0) {
                p.v.addOp(Opcode.SCOPY, from[k], block + skip + k);
            } else {
                p.v.addOp(Opcode.NULL, 0, block + skip + k);
            }
        }
        return block;
    }

    private static void call(Parse p, FunctionDef fn, int args, int n, int target) {
        p.v.addOp(Opcode.FUNCTION, 0, args, target, fn, n);
    }

    /** The series as planned: values from {@link #first} to {@link #last} by {@link #step} (unsigned). */
    private static final class Plan {
        long first;
        long last;
        long step;
        boolean descending;
    }

    /** Which arguments and bounds a scan has; plans the series from their values. */
    private static final class Shape {
        private final boolean hasStart;
        private final boolean hasStop;
        private final boolean hasStep;
        private final Expr.BinaryOp lowerOp;
        private final Expr.BinaryOp upperOp;

        Shape(int[] args, int[] bounds, Expr.BinaryOp[] ops) {
            hasStart = args[0] != 0;
            hasStop = args[1] != 0;
            hasStep = args[2] != 0;
            lowerOp = bounds[LOWER] != 0 ? ops[LOWER] : null;
            upperOp = bounds[UPPER] != 0 ? ops[UPPER] : null;
        }

        /** The value of hidden column {@code k} (start, stop, step as the series uses them). */
        long original(Mem[] r, int base, int k) {
            switch (k) {
                case 0: return startOf(r, base);
                case 1: return stopOf(r, base);
                default: return stepOf(r, base);
            }
        }

        private long startOf(Mem[] r, int base) {
            if (hasStart) {
                return Convert.toLong(r[base]);
            }
            return !hasStep && lowerOp != null ? Long.MIN_VALUE : 0;
        }

        private long stopOf(Mem[] r, int base) {
            if (hasStop) {
                return Convert.toLong(r[base + 1]);
            }
            return !hasStep && (upperOp != null || lowerOp == Expr.BinaryOp.EQ) ? Long.MAX_VALUE : 0xffffffffL;
        }

        private long stepOf(Mem[] r, int base) {
            long s = hasStep ? Convert.toLong(r[base + 2]) : 1;
            return s == 0 ? 1 : s;
        }

        /** The series for the values in {@code r[base..base+5)}, or null when it has no value. */
        Plan plan(Mem[] r, int base) {
            for (int k = 0; k < BLOCK; k++) {
                boolean present = k == 0 ? hasStart : k == 1 ? hasStop : k == 2 ? hasStep
                        : k == 3 ? lowerOp != null : upperOp != null;
                if (present && r[base + k].type() == Mem.NULL) {
                    return null;
                }
            }
            Plan plan = new Plan();
            long oStep = stepOf(r, base);
            plan.first = startOf(r, base);
            plan.last = stopOf(r, base);
            plan.descending = oStep < 0;
            plan.step = oStep > 0 ? oStep : -oStep;
            if (plan.descending ? plan.first < plan.last : plan.first > plan.last) {
                return null;
            }
            if ((lowerOp != null || upperOp != null) && !narrow(plan, r[base + 3], r[base + 4])) {
                return null;
            }
            if (!plan.descending) {
                if (plan.first > plan.last) {
                    return null;
                }
                plan.last -= Long.remainderUnsigned(plan.last - plan.first, plan.step);
            } else {
                if (plan.first < plan.last) {
                    return null;
                }
                plan.last += Long.remainderUnsigned(plan.first - plan.last, plan.step);
            }
            return plan;
        }

        /** Narrows the series to the bounds on value; false when nothing is left. */
        private boolean narrow(Plan plan, Mem lower, Mem upper) {
            long min = Long.MIN_VALUE;
            long max = Long.MAX_VALUE;
            if (lowerOp == Expr.BinaryOp.EQ) {
                Mem v = numeric(lower);
                if (v.type() == Mem.FLOAT) {
                    double d = v.doubleValue();
                    if (d != Math.ceil(d) || d < -9.223372036854775808E18 || d > 9.223372036854775807E18) {
                        return false;
                    }
                    min = (long) d;
                } else {
                    min = Convert.toLong(v);
                }
                max = min;
            } else {
                if (lowerOp != null) {
                    Mem v = numeric(lower);
                    boolean strict = lowerOp == Expr.BinaryOp.GT;
                    if (v.type() == Mem.FLOAT) {
                        double d = v.doubleValue();
                        if (d <= -9.223372036854775808E18) {
                            min = Long.MIN_VALUE;
                        } else if (d > 9.223372036854775807E18) {
                            return false;
                        } else {
                            min = (long) Math.ceil(d);
                            if (min < 0 && d > 0.0) {
                                min = Long.MAX_VALUE;
                            }
                            if (strict && d == Math.ceil(d)) {
                                if (min == Long.MAX_VALUE) {
                                    return false;
                                }
                                min++;
                            }
                        }
                    } else {
                        min = Convert.toLong(v);
                        if (strict) {
                            if (min == Long.MAX_VALUE) {
                                return false;
                            }
                            min++;
                        }
                    }
                }
                if (upperOp != null) {
                    Mem v = numeric(upper);
                    boolean strict = upperOp == Expr.BinaryOp.LT;
                    if (v.type() == Mem.FLOAT) {
                        double d = v.doubleValue();
                        if (d >= 9.223372036854775807E18) {
                            max = Long.MAX_VALUE;
                        } else if (d <= -9.223372036854775808E18 && (strict || d < -9.223372036854775808E18)) {
                            return false;
                        } else {
                            max = (long) Math.floor(d);
                            if (max < 0 && d > 0.0) {
                                max = Long.MAX_VALUE;
                            } else if (strict && d == Math.floor(d)) {
                                max--;
                            }
                        }
                    } else {
                        max = Convert.toLong(v);
                        if (strict) {
                            if (max == Long.MIN_VALUE) {
                                return false;
                            }
                            max--;
                        }
                    }
                }
                if (min > max) {
                    return false;
                }
            }
            if (!plan.descending) {
                if (plan.first < min) {
                    long span = min - plan.first;
                    plan.first += Long.divideUnsigned(span, plan.step) * plan.step;
                    if (plan.first < min) {
                        if (plan.first > Long.MAX_VALUE - plan.step) {
                            return false;
                        }
                        plan.first += plan.step;
                    }
                }
                if (plan.last > max) {
                    plan.last = max;
                }
            } else {
                if (plan.first > max) {
                    long span = plan.first - max;
                    plan.first -= Long.divideUnsigned(span, plan.step) * plan.step;
                    if (plan.first > max) {
                        if (plan.first < Long.MIN_VALUE + plan.step) {
                            return false;
                        }
                        plan.first -= plan.step;
                    }
                }
                if (plan.last < min) {
                    plan.last = min;
                }
            }
            return true;
        }

        /** The value with NUMERIC affinity applied, as {@code sqlite3_value_numeric_type} sees it. */
        private static Mem numeric(Mem m) {
            Mem v = new Mem();
            v.copyFrom(m);
            Affinity.apply(v, Affinity.NUMERIC);
            return v;
        }
    }
}
