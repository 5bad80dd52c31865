package dev.skerry.engine.record;

/**
 * Serial types of the record format: 0 NULL; 1, 2, 3, 4, 6, 8 byte big-endian two's-complement integers
 * (types 1–6); 7 an IEEE 754 big-endian double; 8 and 9 the integers 0 and 1 with no body (schema format
 * 4); even N ≥ 12 a blob of (N−12)/2 bytes; odd N ≥ 13 a text of (N−13)/2 bytes. Types 10 and 11 are
 * reserved and make a record corrupt.
 */
public final class SerialType {
    private SerialType() {
    }

    private static final int[] FIXED_SIZE = {0, 1, 2, 3, 4, 6, 8, 8, 0, 0, 0, 0};

    /** The body size of serial type {@code t}. */
    public static long bodySize(long t) {
        if (t >= 12) {
            return (t - 12) >>> 1;
        }
        return FIXED_SIZE[(int) t];
    }

    /** The serial type that stores integer {@code v} in the fewest bytes. */
    public static int ofInteger(long v) {
        if (v == 0) {
            return 8;
        }
        if (v == 1) {
            return 9;
        }
        long u = v < 0 ? ~v : v;
        if (u <= 127) {
            return 1;
        }
        if (u <= 32767) {
            return 2;
        }
        if (u <= 8388607) {
            return 3;
        }
        if (u <= 2147483647L) {
            return 4;
        }
        if (u <= 140737488355327L) {
            return 5;
        }
        return 6;
    }
}
