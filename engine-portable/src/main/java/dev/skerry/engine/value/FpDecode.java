package dev.skerry.engine.value;

/**
 * The decimal digits of a double, rounded as SQLite 3.50's {@code sqlite3FpDecode} rounds them: the value
 * is scaled into [1e17, 1e19) with double-double arithmetic, its integer part gives up to 19 digits, and
 * these are rounded half-up (on the decimal digits, not the binary value) to the requested count.
 *
 * <p>States: after {@link #decode}, either {@link #special} is 1 (infinity) or 2 (NaN), or the value is
 * {@code sign} · 0.d1d2…dn × 10^iDP where the digits are {@code digits[start .. start+n)} as ASCII, with
 * no trailing zero (n ≥ 1). Zero (of either sign) decodes as sign '+', digits "0", iDP 1. An instance is
 * reused; each decode overwrites it.
 */
final class FpDecode {
    char sign;
    int special;
    final byte[] digits = new byte[24];
    int start;
    int n;
    int iDP;
    private final double[] rr = new double[2];

    /**
     * Decodes {@code r}. {@code iRound} &gt; 0 rounds to that many significant digits; ≤ 0 rounds to
     * {@code -iRound} digits after the decimal point. At most {@code mxRound} digits are kept.
     */
    void decode(double r, int iRound, int mxRound) {
        special = 0;
        if (r < 0.0) {
            sign = '-';
            r = -r;
        } else if (r == 0.0) {
            sign = '+';
            digits[0] = '0';
            start = 0;
            n = 1;
            iDP = 1;
            return;
        } else {
            sign = '+';
        }
        if (Double.isNaN(r)) {
            special = 2;
            n = 0;
            iDP = 0;
            return;
        }
        if (Double.isInfinite(r)) {
            special = 1;
            n = 0;
            iDP = 0;
            return;
        }
        int exp = 0;
        rr[0] = r;
        rr[1] = 0.0;
        if (rr[0] > 9.223372036854774784e+18) {
            while (rr[0] > 9.223372036854774784e+118) {
                exp += 100;
                DoubleDouble.mul(rr, DoubleDouble.EM100, DoubleDouble.EM100_ERR);
            }
            while (rr[0] > 9.223372036854774784e+28) {
                exp += 10;
                DoubleDouble.mul(rr, DoubleDouble.EM10, DoubleDouble.EM10_ERR);
            }
            while (rr[0] > 9.223372036854774784e+18) {
                exp += 1;
                DoubleDouble.mul(rr, DoubleDouble.EM1, DoubleDouble.EM1_ERR);
            }
        } else {
            while (rr[0] < 9.223372036854774784e-83) {
                exp -= 100;
                DoubleDouble.mul(rr, DoubleDouble.E100, DoubleDouble.E100_ERR);
            }
            while (rr[0] < 9.223372036854774784e+07) {
                exp -= 10;
                DoubleDouble.mul(rr, 1.0e+10, 0.0);
            }
            while (rr[0] < 9.22337203685477478e+17) {
                exp -= 1;
                DoubleDouble.mul(rr, 1.0e+01, 0.0);
            }
        }
        long v = rr[1] < 0.0 ? (long) rr[0] - (long) (-rr[1]) : (long) rr[0] + (long) rr[1];

        int i = digits.length - 1;
        while (v != 0) {
            digits[i--] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        n = digits.length - 1 - i;
        iDP = n + exp;
        if (iRound <= 0) {
            iRound = iDP - iRound;
            if (iRound == 0 && digits[i + 1] >= '5') {
                iRound = 1;
                digits[i--] = '0';
                n++;
                iDP++;
            }
        }
        if (iRound > 0 && (iRound < n || n > mxRound)) {
            int z = i + 1;
            if (iRound > mxRound) {
                iRound = mxRound;
            }
            n = iRound;
            if (digits[z + iRound] >= '5') {
                int j = iRound - 1;
                while (true) {
                    digits[z + j]++;
                    if (digits[z + j] <= '9') {
                        break;
                    }
                    digits[z + j] = '0';
                    if (j == 0) {
                        digits[i--] = '1';
                        n++;
                        iDP++;
                        break;
                    }
                    j--;
                }
            }
        }
        start = i + 1;
        while (n > 0 && digits[start + n - 1] == '0') {
            n--;
        }
    }

    /** The i-th significant digit (ASCII), or '0' beyond the last one. */
    byte digit(int k) {
        return k < n ? digits[start + k] : (byte) '0';
    }
}
