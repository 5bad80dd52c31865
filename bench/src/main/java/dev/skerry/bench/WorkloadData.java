package dev.skerry.bench;

/**
 * Every bound value of the workload, generated before timing starts, exactly as {@code workload.mjs}
 * generates it (mulberry32, seed 42), so the result checks agree with the browser contestants'.
 */
final class WorkloadData {
    static final int N_ROWS = 100_000;
    static final int N_AUTOCOMMIT = 1_000;
    static final int N_POINT = 50_000;
    static final int N_RANGE = 10_000;
    static final int N_UPDATE = 10_000;
    static final int N_DELETE = 10_000;
    static final int RANGE_WIDTH = 99;
    static final int N_SCAN = 100;
    static final int N_DIM = 1_000;
    static final int N_JOIN = 10;
    static final int B_MAX = 1_000_000;
    private static final String ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ";

    final Object[][] rows;
    final Object[][] auto;
    final Object[][] point;
    final Object[][] range;
    final Object[][] update;
    final Object[][] del;
    final Object[][] dim;

    /** mulberry32, bit for bit as in JavaScript. */
    private static final class Prng {
        private int s;

        Prng(int seed) {
            s = seed;
        }

        double next() {
            s += 0x6D2B79F5;
            int t = s;
            t = (t ^ (t >>> 15)) * (t | 1);
            t ^= t + (t ^ (t >>> 7)) * (t | 61);
            return ((t ^ (t >>> 14)) & 0xffffffffL) / 4294967296.0;
        }

        int below(int n) {
            return (int) Math.floor(next() * n);
        }

        String text(int minLen, int maxLen) {
            int n = minLen + below(maxLen - minLen + 1);
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append(ALPHA.charAt(below(ALPHA.length())));
            }
            return sb.toString();
        }
    }

    WorkloadData(int seed, double scale) {
        Prng rnd = new Prng(seed);
        int nRows = scaled(N_ROWS, scale);
        rows = new Object[nRows][];
        for (int i = 0; i < nRows; i++) {
            rows[i] = new Object[] {(long) (i + 1), (long) rnd.below(B_MAX), rnd.text(50, 110)};
        }
        auto = new Object[scaled(N_AUTOCOMMIT, scale)][];
        for (int i = 0; i < auto.length; i++) {
            auto[i] = new Object[] {(long) rnd.below(B_MAX), rnd.text(50, 110)};
        }
        point = new Object[scaled(N_POINT, scale)][];
        for (int i = 0; i < point.length; i++) {
            point[i] = new Object[] {(long) (1 + rnd.below(nRows))};
        }
        range = new Object[scaled(N_RANGE, scale)][];
        for (int i = 0; i < range.length; i++) {
            long lo = rnd.below(B_MAX - RANGE_WIDTH);
            range[i] = new Object[] {lo, lo + RANGE_WIDTH};
        }
        update = new Object[scaled(N_UPDATE, scale)][];
        for (int i = 0; i < update.length; i++) {
            update[i] = new Object[] {(long) rnd.below(B_MAX), rnd.text(50, 110), (long) (1 + rnd.below(nRows))};
        }
        del = new Object[scaled(N_DELETE, scale)][];
        for (int i = 0; i < del.length; i++) {
            del[i] = new Object[] {(long) (10 * i + 5)};
        }
        dim = new Object[N_DIM][];
        for (int i = 0; i < N_DIM; i++) {
            dim[i] = new Object[] {(long) i, rnd.text(8, 16), (long) (i % 50)};
        }
    }

    private static int scaled(int n, double scale) {
        return Math.max(1, (int) Math.round(n * scale));
    }
}
