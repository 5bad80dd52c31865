package dev.skerry.engine.value;

/**
 * SQLite's total order of values ({@code sqlite3MemCompare}): NULL before numbers, numbers (INTEGER and
 * FLOAT compared by numeric value, exactly, also beyond 2^53) before TEXT (ordered by a collation) before
 * BLOB (ordered by {@code memcmp}, then length). This is the order of index keys, ORDER BY, DISTINCT, GROUP
 * BY and min/max; comparison operators in expressions apply affinity first and then use it too.
 */
public final class ValueCompare {
    private ValueCompare() {
    }

    /** Negative, zero or positive as {@code a} orders before, with, or after {@code b}. */
    public static int compare(Mem a, Mem b, Collation collation) {
        int ta = a.type();
        int tb = b.type();
        int ca = classRank(ta);
        int cb = classRank(tb);
        if (ca != cb) {
            return ca - cb;
        }
        switch (ca) {
            case 0:
                return 0;
            case 1:
                return compareNumbers(a, b);
            case 2:
                return collation.compare(a.text(), b.text());
            default:
                return compareBlobs(a.blob(), b.blob());
        }
    }

    private static int classRank(int type) {
        switch (type) {
            case Mem.NULL: return 0;
            case Mem.INTEGER:
            case Mem.FLOAT: return 1;
            case Mem.TEXT: return 2;
            default: return 3;
        }
    }

    private static int compareNumbers(Mem a, Mem b) {
        if (a.type() == Mem.INTEGER) {
            if (b.type() == Mem.INTEGER) {
                return Long.compare(a.longValue(), b.longValue());
            }
            return -compareDoubleToLong(b.doubleValue(), a.longValue());
        }
        if (b.type() == Mem.INTEGER) {
            return compareDoubleToLong(a.doubleValue(), b.longValue());
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        if (x < y) {
            return -1;
        }
        if (x > y) {
            return 1;
        }
        return 0;
    }

    /** Compares a double with a long exactly, as SQLite's {@code sqlite3IntFloatCompare} does (SQLite never stores NaN: it becomes NULL). */
    public static int compareDoubleToLong(double r, long i) {
        if (r < -9223372036854775808.0) {
            return -1;
        }
        if (r >= 9223372036854775808.0) {
            return 1;
        }
        long y = (long) r;
        if (y < i) {
            return -1;
        }
        if (y > i) {
            return 1;
        }
        double s = (double) i;
        if (r < s) {
            return -1;
        }
        if (r > s) {
            return 1;
        }
        return 0;
    }

    /** {@code memcmp} of the common prefix, then the shorter first. */
    public static int compareBlobs(byte[] x, byte[] y) {
        int n = Math.min(x.length, y.length);
        for (int k = 0; k < n; k++) {
            int d = (x[k] & 0xff) - (y[k] & 0xff);
            if (d != 0) {
                return d;
            }
        }
        return x.length - y.length;
    }
}
