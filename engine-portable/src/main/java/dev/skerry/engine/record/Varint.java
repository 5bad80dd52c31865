package dev.skerry.engine.record;

/**
 * SQLite's variable-length integer: 1 to 9 bytes, big-endian. Each of the first eight bytes gives 7 bits and
 * has its high bit set when another byte follows; a ninth byte, when present, gives all 8 of its bits. Any
 * 64-bit value fits; values 0..127 take one byte. Stateless helpers over byte arrays.
 */
public final class Varint {
    private Varint() {
    }

    /** The value of the varint that starts at {@code buf[off]}. */
    public static long read(byte[] buf, int off) {
        int b = buf[off];
        if (b >= 0) {
            return b;
        }
        long v = b & 0x7f;
        for (int k = 1; k < 8; k++) {
            b = buf[off + k];
            v = (v << 7) | (b & 0x7f);
            if (b >= 0) {
                return v;
            }
        }
        return (v << 8) | (buf[off + 8] & 0xff);
    }

    /** The number of bytes of the varint that starts at {@code buf[off]}. */
    public static int sizeAt(byte[] buf, int off) {
        for (int k = 0; k < 8; k++) {
            if (buf[off + k] >= 0) {
                return k + 1;
            }
        }
        return 9;
    }

    /** The number of bytes {@link #write} uses for {@code v}. */
    public static int size(long v) {
        if ((v & ~0x7fL) == 0) {
            return 1;
        }
        if ((v & 0xff00000000000000L) != 0) {
            return 9;
        }
        int n = 1;
        long x = v >>> 7;
        while (x != 0) {
            n++;
            x >>>= 7;
        }
        return n;
    }

    /** Writes {@code v} at {@code buf[off]}; returns the number of bytes written. */
    public static int write(byte[] buf, int off, long v) {
        if ((v & ~0x7fL) == 0) {
            buf[off] = (byte) v;
            return 1;
        }
        if ((v & 0xff00000000000000L) != 0) {
            buf[off + 8] = (byte) v;
            long x = v >>> 8;
            for (int k = 7; k >= 0; k--) {
                buf[off + k] = (byte) ((x & 0x7f) | 0x80);
                x >>>= 7;
            }
            return 9;
        }
        int n = size(v);
        long x = v;
        buf[off + n - 1] = (byte) (x & 0x7f);
        x >>>= 7;
        for (int k = n - 2; k >= 0; k--) {
            buf[off + k] = (byte) ((x & 0x7f) | 0x80);
            x >>>= 7;
        }
        return n;
    }
}
