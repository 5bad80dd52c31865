package dev.skerry.engine.value;

/**
 * Dekker's double-double multiplication as SQLite 3.50 uses it to move decimal exponents in and out of a
 * binary64 value without losing the low-order bits ({@code dekkerMul2} in SQLite's {@code util.c}).
 *
 * <p>A value is the unevaluated sum {@code x[0] + x[1]} with {@code |x[1]|} far below one ulp of
 * {@code x[0]}. Java evaluates doubles in strict binary64, which the algorithm needs (SQLite forces it with
 * {@code volatile}).
 */
final class DoubleDouble {
    private DoubleDouble() {
    }

    private static final long SPLIT_MASK = 0xfffffffffc000000L;

    /** 1e+100 and the error of its binary64 rounding. */
    static final double E100 = 1.0e+100;
    static final double E100_ERR = -1.5902891109759918046e+83;
    /** 1e-100, 1e-10, 1e-1 and their rounding errors (1e+10 and 1e+1 are exact). */
    static final double EM100 = 1.0e-100;
    static final double EM100_ERR = -1.99918998026028836196e-117;
    static final double EM10 = 1.0e-10;
    static final double EM10_ERR = -3.6432197315497741579e-27;
    static final double EM1 = 1.0e-01;
    static final double EM1_ERR = -5.5511151231257827021e-18;

    /** {@code x = x * (y + yy)} in double-double arithmetic. */
    static void mul(double[] x, double y, double yy) {
        double x0 = x[0];
        double hx = Double.longBitsToDouble(Double.doubleToRawLongBits(x0) & SPLIT_MASK);
        double tx = x0 - hx;
        double hy = Double.longBitsToDouble(Double.doubleToRawLongBits(y) & SPLIT_MASK);
        double ty = y - hy;
        double p = hx * hy;
        double q = hx * ty + tx * hy;
        double c = p + q;
        double cc = p - c + q + tx * ty;
        cc = x0 * yy + x[1] * y + cc;
        double r0 = c + cc;
        x[0] = r0;
        x[1] = (c - r0) + cc;
    }
}
