package dev.skerry.engine.func;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.ByteText;
import dev.skerry.engine.value.Convert;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.value.ValueCompare;

/**
 * Built-in aggregates: count(*), count(X), sum, total, avg, min, max, group_concat(X[,SEP]),
 * string_agg(X,SEP). NULL arguments are skipped (count(*) counts rows). DISTINCT is the VM's business.
 */
final class AggregateFunctions {
    private AggregateFunctions() {
    }

    static void register(FunctionRegistry r) {
        r.register(FunctionDef.aggregate("count", 0, CountRows::new));
        r.register(FunctionDef.aggregate("count", 1, CountValues::new));
        r.register(FunctionDef.aggregate("sum", 1, () -> new Sum(Sum.SUM)));
        r.register(FunctionDef.aggregate("total", 1, () -> new Sum(Sum.TOTAL)));
        r.register(FunctionDef.aggregate("avg", 1, () -> new Sum(Sum.AVG)));
        r.register(FunctionDef.aggregate("min", 1, () -> new MinMax(false)));
        r.register(FunctionDef.aggregate("max", 1, () -> new MinMax(true)));
        r.register(FunctionDef.aggregate("group_concat", 1, GroupConcat::new));
        r.register(FunctionDef.aggregate("group_concat", 2, GroupConcat::new));
        r.register(FunctionDef.aggregate("string_agg", 2, GroupConcat::new));
    }

    /** count(*): the number of rows stepped. */
    static final class CountRows implements Accumulator {
        private long n;

        @Override
        public void step(FunctionContext ctx, Mem[] args, int base, int argc) {
            n++;
        }

        @Override
        public boolean hasInverse() {
            return true;
        }

        @Override
        public void inverse(FunctionContext ctx, Mem[] args, int base, int argc) {
            n--;
        }

        @Override
        public void finalizeInto(Mem result) {
            result.setLong(n);
        }
    }

    /** count(X): the number of non-NULL X. */
    static final class CountValues implements Accumulator {
        private long n;

        @Override
        public void step(FunctionContext ctx, Mem[] args, int base, int argc) {
            if (!args[base].isNull()) {
                n++;
            }
        }

        @Override
        public boolean hasInverse() {
            return true;
        }

        @Override
        public void inverse(FunctionContext ctx, Mem[] args, int base, int argc) {
            if (!args[base].isNull()) {
                n--;
            }
        }

        @Override
        public void finalizeInto(Mem result) {
            result.setLong(n);
        }
    }

    /**
     * sum/total/avg (SQLite's {@code SumCtx}). States: exact (all inputs INTEGER, {@code iSum} exact) until
     * a non-INTEGER input or an integer overflow switches to approximate, a Kahan-Babuska-Neumaier sum
     * {@code rSum + rErr}. {@code overflow} records that the switch came from an integer overflow and no
     * REAL has been seen since: sum() then fails with {@code integer overflow}.
     */
    static final class Sum implements Accumulator {
        static final int SUM = 0;
        static final int TOTAL = 1;
        static final int AVG = 2;

        private final int kind;
        private double rSum;
        private double rErr;
        private long iSum;
        private long cnt;
        private boolean approx;
        private boolean overflow;

        Sum(int kind) {
            this.kind = kind;
        }

        private void kbnStep(double r) {
            double s = rSum;
            double t = s + r;
            if (Math.abs(s) > Math.abs(r)) {
                rErr += (s - t) + r;
            } else {
                rErr += (r - t) + s;
            }
            rSum = t;
        }

        private void kbnStepLong(long v) {
            if (v <= -4503599627370496L || v >= 4503599627370496L) {
                long small = v % 16384;
                kbnStep((double) (v - small));
                kbnStep((double) small);
            } else {
                kbnStep((double) v);
            }
        }

        private void kbnInit(long v) {
            if (v <= -4503599627370496L || v >= 4503599627370496L) {
                long small = v % 16384;
                rSum = (double) (v - small);
                rErr = (double) small;
            } else {
                rSum = (double) v;
                rErr = 0.0;
            }
        }

        @Override
        public void step(FunctionContext ctx, Mem[] args, int base, int argc) {
            Mem m = Args.numeric(args[base]);
            int type = m.type();
            if (type == Mem.NULL) {
                return;
            }
            cnt++;
            if (!approx) {
                if (type != Mem.INTEGER) {
                    kbnInit(iSum);
                    approx = true;
                    kbnStep(Convert.toDouble(m));
                } else {
                    long x = iSum;
                    long y = m.longValue();
                    long r = x + y;
                    if (((x ^ r) & (y ^ r)) >= 0) {
                        iSum = r;
                    } else {
                        overflow = true;
                        kbnInit(iSum);
                        approx = true;
                        kbnStepLong(y);
                    }
                }
            } else if (type == Mem.INTEGER) {
                kbnStepLong(m.longValue());
            } else {
                overflow = false;
                kbnStep(Convert.toDouble(m));
            }
        }

        @Override
        public boolean hasInverse() {
            return true;
        }

        /** SQLite's {@code sumInverse}. */
        @Override
        public void inverse(FunctionContext ctx, Mem[] args, int base, int argc) {
            Mem m = Args.numeric(args[base]);
            int type = m.type();
            if (type == Mem.NULL) {
                return;
            }
            cnt--;
            if (!approx) {
                long x = iSum;
                long y = Convert.toLong(m);
                long r = x - y;
                if (((x ^ y) & (x ^ r)) < 0) {
                    overflow = true;
                    approx = true;
                } else {
                    iSum = r;
                }
            } else if (type == Mem.INTEGER) {
                long v = m.longValue();
                if (v != Long.MIN_VALUE) {
                    kbnStepLong(-v);
                } else {
                    kbnStepLong(Long.MAX_VALUE);
                    kbnStepLong(1);
                }
            } else {
                kbnStep(-Convert.toDouble(m));
            }
        }

        private double approxValue() {
            double r = rSum;
            if (!Double.isInfinite(rErr) && !Double.isNaN(rErr)) {
                r += rErr;
            }
            return r;
        }

        /** A REAL result; NaN (such as Inf - Inf) becomes NULL, as {@code sqlite3_result_double} makes it. */
        private static void setReal(Mem result, double r) {
            if (Double.isNaN(r)) {
                result.setNull();
            } else {
                result.setDouble(r);
            }
        }

        @Override
        public void finalizeInto(Mem result) throws SqliteException {
            switch (kind) {
                case SUM:
                    if (cnt == 0) {
                        result.setNull();
                    } else if (approx) {
                        if (overflow) {
                            throw SqliteException.error("integer overflow");
                        }
                        setReal(result, approxValue());
                    } else {
                        result.setLong(iSum);
                    }
                    return;
                case TOTAL:
                    setReal(result, approx ? approxValue() : (double) iSum);
                    return;
                default:
                    if (cnt == 0) {
                        result.setNull();
                    } else {
                        setReal(result, (approx ? approxValue() : (double) iSum) / (double) cnt);
                    }
            }
        }
    }

    /** min(X)/max(X): the least/greatest non-NULL value in SQLite's order (BINARY or the call's collation). */
    static final class MinMax implements Accumulator {
        private final boolean max;
        private final Mem best = new Mem();
        private boolean chosen;

        MinMax(boolean max) {
            this.max = max;
        }

        @Override
        public void step(FunctionContext ctx, Mem[] args, int base, int argc) {
            Mem v = args[base];
            if (v.isNull()) {
                chosen = best.isNull();
                return;
            }
            if (best.isNull()) {
                best.copyFrom(v);
                chosen = true;
                return;
            }
            int c = ValueCompare.compare(best, v, ctx.collation());
            if (max ? c < 0 : c > 0) {
                best.copyFrom(v);
                chosen = true;
            } else {
                chosen = false;
            }
        }

        @Override
        public boolean lastStepChosen() {
            return chosen;
        }

        @Override
        public void finalizeInto(Mem result) {
            result.copyFrom(best);
        }
    }

    /**
     * group_concat(X[,SEP]) / string_agg(X,SEP): non-NULL X as text joined by SEP (',' by default). Keeps
     * each value with the separator given on its row (the one placed before it), so that {@link #inverse}
     * can drop the oldest value and the separator after it. Invariant: {@code values.size() ==
     * separators.size()}; the first entry's separator is never output.
     */
    static final class GroupConcat implements Accumulator {
        private final java.util.ArrayDeque<byte[]> values = new java.util.ArrayDeque<>();
        private final java.util.ArrayDeque<byte[]> separators = new java.util.ArrayDeque<>();
        private long length;

        private static final byte[] COMMA = {','};
        private static final byte[] NONE = {};

        @Override
        public void step(FunctionContext ctx, Mem[] args, int base, int argc) throws SqliteException {
            Mem v = args[base];
            if (v.isNull()) {
                return;
            }
            byte[] sep = argc == 1 ? COMMA : Convert.toTextBytes(args[base + 1]);
            if (sep == null) {
                sep = NONE;
            }
            byte[] text = Convert.toTextBytes(v);
            length += text.length + (values.isEmpty() ? 0 : sep.length);
            if (length > ByteText.MAX_LENGTH) {
                throw new SqliteException(dev.skerry.engine.ResultCode.SQLITE_TOOBIG, "string or blob too big");
            }
            values.addLast(text);
            separators.addLast(sep);
        }

        @Override
        public boolean hasInverse() {
            return true;
        }

        @Override
        public void inverse(FunctionContext ctx, Mem[] args, int base, int argc) {
            if (args[base].isNull() || values.isEmpty()) {
                return;
            }
            length -= values.removeFirst().length;
            separators.removeFirst();
            if (!separators.isEmpty()) {
                length -= separators.peekFirst().length;
            }
        }

        /**
         * As SQLite's {@code groupConcatValue}: values present but all empty give a one-character text
         * holding NUL (SQLite returns its terminator); no values give NULL.
         */
        @Override
        public void valueInto(Mem result) throws SqliteException {
            if (values.isEmpty()) {
                result.setNull();
            } else if (length == 0) {
                result.setText("\u0000");
            } else {
                finalizeInto(result);
            }
        }

        @Override
        public void finalizeInto(Mem result) throws SqliteException {
            if (values.isEmpty()) {
                result.setNull();
                return;
            }
            ByteText text = new ByteText();
            boolean first = true;
            java.util.Iterator<byte[]> seps = separators.iterator();
            for (byte[] v : values) {
                byte[] sep = seps.next();
                if (!first) {
                    text.append(sep);
                }
                text.append(v);
                first = false;
            }
            result.setText(text.toText());
        }
    }
}
