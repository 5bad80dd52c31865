package dev.skerry.engine.func;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.Affinity;
import dev.skerry.engine.value.Arithmetic;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.value.Convert;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.value.ValueCompare;

/**
 * Computes the window functions of one {@link WindowSpec} for every row of one partition, the rows given
 * in window order (SQLite's {@code window.c} does the same work with cursors over the partition buffer).
 *
 * <p>How: the rows are first divided into peer groups (runs of rows equal on the ORDER BY keys). The frame
 * of each row is then a half-open range of row numbers {@code [frameStart[i], frameEnd[i])}, from ROWS
 * offsets, GROUPS offsets counted in peer groups, or RANGE offsets added to the ORDER BY value and found by
 * binary search; both bounds never decrease from one row to the next. An EXCLUDE clause removes one
 * contiguous run (the row, its peer group, or the group but the row) from each frame.
 *
 * <p>Costs: ranking functions, lag/lead and first/last/nth_value are O(1) per row. An aggregate is stepped
 * once per row entering the frame and, when the frame's start moves, inverted once per row leaving it
 * ({@link Accumulator#inverse}); min() and max() keep a deque of candidates instead; another aggregate
 * without an inverse is stepped from scratch for each row unless the frame starts at UNBOUNDED PRECEDING,
 * as is every aggregate when EXCLUDE removes rows (SQLite re-scans the frame in that case too).
 */
public final class WindowEvaluator {
    private final WindowSpec spec;
    private final Mem[][] rows;
    private final int n;
    private final FunctionContext ctx;
    /** Peer group number of each row; the groups' first row and the row after their last. */
    private final int[] group;
    private int[] groupStart;
    private int[] groupEnd;
    private int nGroups;
    private int[] frameStart;
    private int[] frameEnd;

    private WindowEvaluator(WindowSpec spec, Mem[][] rows, FunctionContext ctx) {
        this.spec = spec;
        this.rows = rows;
        this.n = rows.length;
        this.ctx = ctx;
        this.group = new int[n];
    }

    /**
     * Writes each call's value for row {@code i} into {@code rows[i][call.result]}. {@code startOffset}
     * and {@code endOffset} are the frame's offsets (read only for PRECEDING/FOLLOWING bounds); an offset
     * that is not a non-negative integer (a number, for RANGE) is SQLite's error.
     */
    public static void evaluate(WindowSpec spec, Mem[][] rows, Mem startOffset, Mem endOffset, FunctionContext ctx)
            throws SqliteException {
        if (rows.length == 0) {
            return;
        }
        restoreSubtypes(spec, rows);
        WindowEvaluator w = new WindowEvaluator(spec, rows, ctx);
        w.peerGroups();
        boolean frames = false;
        for (WindowSpec.Call c : spec.calls) {
            frames |= WindowFunctions.usesFrame(c.kind);
        }
        if (frames) {
            Mem start = w.offset(spec.start, startOffset, "starting");
            Mem end = w.offset(spec.end, endOffset, "ending");
            w.frames(start, end);
        }
        for (WindowSpec.Call c : spec.calls) {
            w.compute(c);
        }
        storeResultSubtypes(spec, rows);
    }

    private void peerGroups() throws SqliteException {
        int nOrder = spec.orderCollations.length;
        int[] starts = new int[n + 1];
        int g = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || !peers(rows[i - 1], rows[i], nOrder)) {
                g++;
                starts[g] = i;
            }
            group[i] = g;
        }
        nGroups = g + 1;
        groupStart = new int[nGroups];
        groupEnd = new int[nGroups];
        for (int k = 0; k < nGroups; k++) {
            groupStart[k] = starts[k];
            groupEnd[k] = k + 1 < nGroups ? starts[k + 1] : n;
        }
    }

    private boolean peers(Mem[] a, Mem[] b, int nOrder) {
        for (int k = 0; k < nOrder; k++) {
            int f = spec.orderBase + k;
            if (ValueCompare.compare(a[f], b[f], spec.orderCollations[k]) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Stores the subtype of each call's value beside it, for the record the value leaves in. */
    private static void storeResultSubtypes(WindowSpec spec, Mem[][] rows) {
        for (WindowSpec.Call c : spec.calls) {
            if (c.resultSubtype < 0) {
                continue;
            }
            for (Mem[] row : rows) {
                row[c.result].subtypeTo(row[c.resultSubtype]);
            }
        }
    }

    /** Gives each argument back the subtype stored beside it (JSON from {@code json_object()}, …). */
    private static void restoreSubtypes(WindowSpec spec, Mem[][] rows) {
        for (WindowSpec.Call c : spec.calls) {
            if (c.subtypeBase < 0) {
                continue;
            }
            for (Mem[] row : rows) {
                for (int a = 0; a < c.nArg; a++) {
                    row[c.argBase + a].setSubtypeFrom(row[c.subtypeBase + a]);
                }
            }
        }
    }

    /** The checked offset of a PRECEDING/FOLLOWING bound (SQLite's {@code windowCheckValue}), else null. */
    private Mem offset(int kind, Mem value, String which) throws SqliteException {
        if (kind != WindowSpec.PRECEDING && kind != WindowSpec.FOLLOWING) {
            return null;
        }
        Mem m = new Mem();
        m.copyFrom(value);
        Affinity.apply(m, Affinity.NUMERIC);
        if (spec.unit == WindowSpec.RANGE) {
            boolean number = m.type() == Mem.INTEGER || m.type() == Mem.FLOAT;
            if (!number || (m.type() == Mem.INTEGER ? m.longValue() < 0 : !(m.doubleValue() >= 0))) {
                throw SqliteException.error("frame " + which + " offset must be a non-negative number");
            }
        } else if (m.type() != Mem.INTEGER || m.longValue() < 0) {
            throw SqliteException.error("frame " + which + " offset must be a non-negative integer");
        }
        return m;
    }

    private void frames(Mem startOff, Mem endOff) throws SqliteException {
        frameStart = new int[n];
        frameEnd = new int[n];
        for (int i = 0; i < n; i++) {
            int s = bound(spec.start, startOff, i, true);
            int e = bound(spec.end, endOff, i, false);
            frameStart[i] = s;
            frameEnd[i] = Math.max(s, e);
        }
    }

    /** The first row of the frame of row {@code i} ({@code first}), or the row after its last. */
    private int bound(int kind, Mem off, int i, boolean first) throws SqliteException {
        int g = group[i];
        switch (kind) {
            case WindowSpec.UNBOUNDED_PRECEDING:
                return 0;
            case WindowSpec.UNBOUNDED_FOLLOWING:
                return n;
            case WindowSpec.CURRENT_ROW:
                if (spec.unit == WindowSpec.ROWS) {
                    return first ? i : i + 1;
                }
                return first ? groupStart[g] : groupEnd[g];
            default:
                break;
        }
        boolean preceding = kind == WindowSpec.PRECEDING;
        if (spec.unit == WindowSpec.ROWS) {
            long at = preceding ? i - off.longValue() : i + Math.min(off.longValue(), (long) n);
            if (!first) {
                at++;
            }
            return (int) Math.max(0, Math.min(n, at));
        }
        if (spec.unit == WindowSpec.GROUPS) {
            long target = preceding ? g - off.longValue() : g + Math.min(off.longValue(), (long) nGroups);
            if (target < 0) {
                return 0;
            }
            if (target >= nGroups) {
                return n;
            }
            return first ? groupStart[(int) target] : groupEnd[(int) target];
        }
        return rangeBound(preceding, off, i, first);
    }

    /**
     * A RANGE bound {@code off PRECEDING/FOLLOWING}: the first row of the frame ({@code first}) or the row after
     * its last. A row whose value is not a number (NULL, text, blob) has its peer group's bounds. NULLs that sort
     * against the direction ({@code orderBigNull}) are larger than any number here.
     *
     * <p>Membership is decided as SQLite's {@code windowCodeRangeTest} decides it, which differs from plain
     * arithmetic only when adding the offset overflows into a REAL that rounds. "Shifting" a value moves it
     * later in window order by the offset (adds it; subtracts it for DESC). A row {@code v} is in the frame of
     * the current row {@code cur} when
     * <ul>
     * <li>start {@code off PRECEDING}: {@code v} is not before {@code cur}, or shifted {@code v} is not before it;
     * <li>start {@code off FOLLOWING}: {@code v} is not before shifted {@code cur};
     * <li>end {@code off PRECEDING}: shifted {@code v} is not after {@code cur};
     * <li>end {@code off FOLLOWING}: {@code v} is not after {@code cur}, or not after shifted {@code cur}.
     * </ul>
     * So at the integer extremes a row can fall inside its own {@code N PRECEDING} frame, as in SQLite. Each
     * condition holds on a prefix or a suffix of the partition, so the bound is found by binary search.
     */
    private int rangeBound(boolean preceding, Mem off, int i, boolean first) throws SqliteException {
        Mem cur = rows[i][spec.orderBase];
        int t = cur.type();
        if (t != Mem.INTEGER && t != Mem.FLOAT) {
            int g = group[i];
            return first ? groupStart[g] : groupEnd[g];
        }
        Mem shiftedCur = preceding ? null : shift(cur, off, new Mem());
        Mem shiftedRow = new Mem();
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            Mem v = rows[mid][spec.orderBase];
            boolean in;
            if (first) {
                in = preceding ? windowOrder(v, cur) >= 0 || windowOrder(shift(v, off, shiftedRow), cur) >= 0
                        : windowOrder(v, shiftedCur) >= 0;
            } else {
                in = preceding ? windowOrder(shift(v, off, shiftedRow), cur) <= 0
                        : windowOrder(v, cur) <= 0 || windowOrder(v, shiftedCur) <= 0;
            }
            // The start condition holds on a suffix (find its first row); the end condition on a prefix.
            if (first != in) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** {@code v} moved later in window order by {@code off} (SQL + or -, overflowing into a REAL), or v if no number. */
    private Mem shift(Mem v, Mem off, Mem out) {
        if (v.type() != Mem.INTEGER && v.type() != Mem.FLOAT) {
            return v;
        }
        if (spec.orderDesc[0]) {
            Arithmetic.subtract(v, off, out);
        } else {
            Arithmetic.add(v, off, out);
        }
        return out;
    }

    /** Negative, zero or positive as {@code a} comes before, with or after {@code b} in window order. */
    private int windowOrder(Mem a, Mem b) {
        int c;
        if (spec.orderBigNull[0] && (a.isNull() || b.isNull())) {
            c = a.isNull() == b.isNull() ? 0 : a.isNull() ? 1 : -1;
        } else {
            c = ValueCompare.compare(a, b, spec.orderCollations[0]);
        }
        return spec.orderDesc[0] ? -c : c;
    }

    private void compute(WindowSpec.Call c) throws SqliteException {
        switch (c.kind) {
            case WindowFunctions.ROW_NUMBER:
                for (int i = 0; i < n; i++) {
                    rows[i][c.result].setLong(i + 1);
                }
                return;
            case WindowFunctions.RANK:
                for (int i = 0; i < n; i++) {
                    rows[i][c.result].setLong(groupStart[group[i]] + 1);
                }
                return;
            case WindowFunctions.DENSE_RANK:
                for (int i = 0; i < n; i++) {
                    rows[i][c.result].setLong(group[i] + 1);
                }
                return;
            case WindowFunctions.PERCENT_RANK:
                for (int i = 0; i < n; i++) {
                    rows[i][c.result].setDouble(n > 1 ? groupStart[group[i]] / (double) (n - 1) : 0.0);
                }
                return;
            case WindowFunctions.CUME_DIST:
                for (int i = 0; i < n; i++) {
                    rows[i][c.result].setDouble(groupEnd[group[i]] / (double) n);
                }
                return;
            case WindowFunctions.NTILE:
                ntile(c);
                return;
            case WindowFunctions.LAG:
            case WindowFunctions.LEAD:
                lagLead(c);
                return;
            case WindowFunctions.FIRST_VALUE:
            case WindowFunctions.LAST_VALUE:
            case WindowFunctions.NTH_VALUE:
                frameValue(c);
                return;
            default:
                aggregate(c);
        }
    }

    /** ntile(N): N from the partition's first row (SQLite's {@code ntileStepFunc}); buckets as SQLite sizes them. */
    private void ntile(WindowSpec.Call c) throws SqliteException {
        long buckets = Convert.toLong(rows[0][c.argBase]);
        if (buckets <= 0) {
            throw SqliteException.error("argument of ntile must be a positive integer");
        }
        long size = n / buckets;
        for (int i = 0; i < n; i++) {
            long v;
            if (size == 0) {
                v = i + 1;
            } else {
                long large = n - buckets * size;
                long small = large * (size + 1);
                v = i < small ? 1 + i / (size + 1) : 1 + large + (i - small) / size;
            }
            rows[i][c.result].setLong(v);
        }
    }

    /**
     * lag/lead(X, OFFSET, DEFAULT): X of the row OFFSET rows before/after, or DEFAULT (NULL) when there is
     * none. As in SQLite the row is found by adding the offset to the row's position with SQL arithmetic, so
     * a NULL or non-integral offset finds no row. SQLite returns a lag() row as soon as the row after it
     * is buffered, so a negative lag() offset reaches at most one row ahead.
     */
    private void lagLead(WindowSpec.Call c) {
        Mem position = new Mem();
        Mem target = new Mem();
        Mem one = new Mem();
        one.setLong(1);
        for (int i = 0; i < n; i++) {
            Mem[] row = rows[i];
            Mem off = c.nArg >= 2 ? row[c.argBase + 1] : one;
            position.setLong(i + 1);
            int visible = c.kind == WindowFunctions.LAG ? Math.min(n, i + 2) : n;
            if (c.kind == WindowFunctions.LAG) {
                Arithmetic.subtract(position, off, target);
            } else {
                Arithmetic.add(position, off, target);
            }
            Affinity.apply(target, Affinity.NUMERIC);
            Mem out = row[c.result];
            if (target.type() == Mem.INTEGER && target.longValue() >= 1 && target.longValue() <= visible) {
                out.copyFrom(rows[(int) target.longValue() - 1][c.argBase]);
            } else if (c.nArg >= 3) {
                out.copyFrom(row[c.argBase + 2]);
            } else {
                out.setNull();
            }
        }
    }

    /** The rows of the frame of row {@code i} after EXCLUDE, in order: {@code [s, x0) ++ [i if kept] ++ [x1, e)}. */
    private final class Frame {
        int s;
        int x0;
        int x1;
        int e;
        boolean keepCurrent;
        int current;

        void of(int i) {
            s = frameStart[i];
            e = frameEnd[i];
            current = i;
            keepCurrent = false;
            int g = group[i];
            switch (spec.exclude) {
                case WindowSpec.EXCLUDE_CURRENT_ROW:
                    x0 = i;
                    x1 = i + 1;
                    break;
                case WindowSpec.EXCLUDE_GROUP:
                    x0 = groupStart[g];
                    x1 = groupEnd[g];
                    break;
                case WindowSpec.EXCLUDE_TIES:
                    x0 = groupStart[g];
                    x1 = groupEnd[g];
                    keepCurrent = i >= s && i < e;
                    break;
                default:
                    x0 = e;
                    x1 = e;
            }
            x0 = Math.max(s, Math.min(e, x0));
            x1 = Math.max(x0, Math.min(e, x1));
        }

        int size() {
            return (x0 - s) + (keepCurrent ? 1 : 0) + (e - x1);
        }

        /** The row number of the k-th row (from 0) of the frame. */
        int row(int k) {
            if (k < x0 - s) {
                return s + k;
            }
            k -= x0 - s;
            if (keepCurrent) {
                if (k == 0) {
                    return current;
                }
                k--;
            }
            return x1 + k;
        }
    }

    /**
     * first_value, last_value, nth_value. nth_value's N is, as SQLite reads it, the current row's (checked
     * for every row, even one with an empty frame); with an EXCLUDE clause SQLite steps through the frame
     * instead, still with the current row's N, which is then checked only when the frame (after the exclusion)
     * has rows.
     */
    private void frameValue(WindowSpec.Call c) throws SqliteException {
        Frame f = new Frame();
        boolean scan = spec.exclude != WindowSpec.EXCLUDE_NO_OTHERS;
        for (int i = 0; i < n; i++) {
            f.of(i);
            int size = f.size();
            Mem out = rows[i][c.result];
            out.setNull();
            if (c.kind == WindowFunctions.NTH_VALUE && !scan) {
                long k = nthArgument(rows[i][c.argBase + 1]);
                if (k <= size) {
                    out.copyFrom(rows[f.row((int) k - 1)][c.argBase]);
                }
            } else if (c.kind == WindowFunctions.NTH_VALUE) {
                long k = size == 0 ? 0 : nthArgument(rows[i][c.argBase + 1]);
                if (k >= 1 && k <= size) {
                    out.copyFrom(rows[f.row((int) k - 1)][c.argBase]);
                }
            } else if (size > 0) {
                out.copyFrom(rows[f.row(c.kind == WindowFunctions.FIRST_VALUE ? 0 : size - 1)][c.argBase]);
            }
        }
    }

    /** nth_value's N ({@code nth_valueStepFunc}): an integer, or an integral real, at least 1. */
    private static long nthArgument(Mem m) throws SqliteException {
        Mem v = Args.numeric(m);
        long k;
        if (v.type() == Mem.INTEGER) {
            k = v.longValue();
        } else if (v.type() == Mem.FLOAT && v.doubleValue() < 0x1p63
                && (double) (long) v.doubleValue() == v.doubleValue()) {
            // Below 2^63: SQLite's (i64) cast of a larger double does not give it back (9223372036854775807.0 is 2^63).
            k = (long) v.doubleValue();
        } else {
            k = 0;
        }
        if (k <= 0) {
            throw SqliteException.error("second argument to nth_value must be a positive integer");
        }
        return k;
    }

    /** An aggregate over each row's frame; see the class comment for the strategy. */
    private void aggregate(WindowSpec.Call c) throws SqliteException {
        FunctionContext cc = new CollationContext(ctx, c.collation);
        AggregateFunction fn = c.aggregate.aggregate();
        Accumulator probe = fn.newAccumulator();
        boolean growOnly = spec.start == WindowSpec.UNBOUNDED_PRECEDING;
        String name = c.aggregate.name();
        if (spec.exclude == WindowSpec.EXCLUDE_NO_OTHERS && !growOnly && !probe.hasInverse() && c.nArg == 1
                && (name.equals("min") || name.equals("max"))) {
            slidingExtreme(c, name.equals("max"));
            return;
        }
        if (spec.exclude != WindowSpec.EXCLUDE_NO_OTHERS || (!probe.hasInverse() && !growOnly)) {
            Frame f = new Frame();
            for (int i = 0; i < n; i++) {
                f.of(i);
                Accumulator a = fn.newAccumulator();
                int size = f.size();
                for (int k = 0; k < size; k++) {
                    step(a, cc, c, f.row(k), false);
                }
                a.valueInto(rows[i][c.result]);
            }
            return;
        }
        Accumulator a = probe;
        int lo = 0;
        int hi = 0;
        for (int i = 0; i < n; i++) {
            while (hi < frameEnd[i]) {
                step(a, cc, c, hi++, false);
            }
            while (lo < frameStart[i]) {
                step(a, cc, c, lo++, true);
            }
            a.valueInto(rows[i][c.result]);
        }
    }

    /**
     * min()/max() over frames whose start moves, as SQLite computes them (an index of the frame's values,
     * value then arrival order): the least/greatest value, and among equal ones the last to enter the
     * frame. Here a deque of candidate rows, values monotonic from its head, gives the same in O(n).
     */
    private void slidingExtreme(WindowSpec.Call c, boolean max) {
        Collation coll = c.collation == null ? Collation.BINARY : c.collation;
        int[] deque = new int[n];
        int head = 0;
        int tail = 0;
        int hi = 0;
        for (int i = 0; i < n; i++) {
            while (hi < frameEnd[i]) {
                Mem[] r = rows[hi];
                Mem v = r[c.argBase];
                if (!v.isNull() && (c.filter < 0 || Convert.toBoolean(r[c.filter], false))) {
                    while (tail > head) {
                        int cmp = ValueCompare.compare(rows[deque[tail - 1]][c.argBase], v, coll);
                        if (max ? cmp > 0 : cmp < 0) {
                            break;
                        }
                        tail--;
                    }
                    deque[tail++] = hi;
                }
                hi++;
            }
            while (head < tail && deque[head] < frameStart[i]) {
                head++;
            }
            Mem out = rows[i][c.result];
            if (head < tail) {
                out.copyFrom(rows[deque[head]][c.argBase]);
            } else {
                out.setNull();
            }
        }
    }

    private void step(Accumulator a, FunctionContext cc, WindowSpec.Call c, int row, boolean inverse)
            throws SqliteException {
        Mem[] r = rows[row];
        if (c.filter >= 0 && !Convert.toBoolean(r[c.filter], false)) {
            return;
        }
        if (inverse) {
            a.inverse(cc, r, c.argBase, c.nArg);
        } else {
            a.step(cc, r, c.argBase, c.nArg);
        }
    }

    /** The calling context with the collation of one aggregate call (what min() and max() compare with). */
    private static final class CollationContext implements FunctionContext {
        private final FunctionContext base;
        private final Collation collation;

        CollationContext(FunctionContext base, Collation collation) {
            this.base = base;
            this.collation = collation == null ? Collation.BINARY : collation;
        }

        @Override
        public long lastInsertRowid() {
            return base.lastInsertRowid();
        }

        @Override
        public long changes() {
            return base.changes();
        }

        @Override
        public long totalChanges() {
            return base.totalChanges();
        }

        @Override
        public void randomBytes(byte[] out) {
            base.randomBytes(out);
        }

        @Override
        public long stepTimeMillis() {
            return base.stepTimeMillis();
        }

        @Override
        public int localOffsetSeconds(long utcMillis) {
            return base.localOffsetSeconds(utcMillis);
        }

        @Override
        public Collation collation() {
            return collation;
        }
    }
}
