package dev.skerry.engine.record;

import dev.skerry.engine.value.Mem;

/**
 * Encodes values into SQLite's record format. Integers take the smallest serial type (8 and 9 for 0 and
 * 1), REAL is type 7 unless the VM marked it {@link Mem#isIntReal} (an integral value of REAL affinity,
 * stored as the smallest integer type like SQLite's MEM_IntReal), TEXT is UTF-8. The sizing pass and the writing pass are separate so the caller may write into a buffer of its own
 * ({@link #write}) or get a fresh array ({@link #encode}).
 */
public final class RecordWriter {
    private RecordWriter() {
    }

    /** A new array holding the record of {@code values[first .. first+n)}. */
    public static byte[] encode(Mem[] values, int first, int n) {
        byte[] out = new byte[size(values, first, n)];
        write(values, first, n, out, 0);
        return out;
    }

    /** The serial type of {@code m}; for TEXT the UTF-8 length is {@code textLen}. */
    private static long serialType(Mem m, int textLen) {
        switch (m.type()) {
            case Mem.INTEGER: return SerialType.ofInteger(m.longValue());
            case Mem.FLOAT: return m.isIntReal() ? SerialType.ofInteger((long) m.doubleValue()) : 7;
            case Mem.TEXT: return 13 + 2L * textLen;
            case Mem.BLOB: return 12 + 2L * m.blob().length;
            default: return 0;
        }
    }

    private static int textLen(Mem m) {
        if (m.type() != Mem.TEXT) {
            return 0;
        }
        return m.hasUtf8() ? m.utf8Length() : Utf8.length(m.text());
    }

    private static int headerSize(Mem[] values, int first, int n) {
        int h = 0;
        for (int k = first; k < first + n; k++) {
            h += Varint.size(serialType(values[k], textLen(values[k])));
        }
        // The header size counts its own varint, whose length depends on the total.
        int hs = h + 1;
        while (h + Varint.size(hs) != hs) {
            hs = h + Varint.size(hs);
        }
        return hs;
    }

    /** The size in bytes of the record of {@code values[first .. first+n)}. */
    public static int size(Mem[] values, int first, int n) {
        long body = 0;
        for (int k = first; k < first + n; k++) {
            Mem m = values[k];
            if (m.type() == Mem.TEXT) {
                body += textLen(m);
            } else {
                body += SerialType.bodySize(serialType(m, 0));
            }
        }
        long total = headerSize(values, first, n) + body;
        if (total > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("record too big");
        }
        return (int) total;
    }

    /** Writes the record at {@code out[off]}; returns its size. */
    public static int write(Mem[] values, int first, int n, byte[] out, int off) {
        int hs = headerSize(values, first, n);
        int h = off + Varint.write(out, off, hs);
        int b = off + hs;
        for (int k = first; k < first + n; k++) {
            Mem m = values[k];
            switch (m.type()) {
                case Mem.INTEGER: {
                    long v = m.longValue();
                    int t = SerialType.ofInteger(v);
                    out[h++] = (byte) t;
                    b = putInt(out, b, v, (int) SerialType.bodySize(t));
                    break;
                }
                case Mem.FLOAT:
                    if (m.isIntReal()) {
                        long v = (long) m.doubleValue();
                        int t = SerialType.ofInteger(v);
                        out[h++] = (byte) t;
                        b = putInt(out, b, v, (int) SerialType.bodySize(t));
                    } else {
                        out[h++] = 7;
                        b = putInt(out, b, Double.doubleToRawLongBits(m.doubleValue()), 8);
                    }
                    break;
                case Mem.TEXT: {
                    if (m.hasUtf8()) {
                        int len = m.utf8Length();
                        h += Varint.write(out, h, 13 + 2L * len);
                        System.arraycopy(m.utf8Bytes(), 0, out, b, len);
                        b += len;
                    } else {
                        String s = m.text();
                        int len = Utf8.length(s);
                        h += Varint.write(out, h, 13 + 2L * len);
                        b += Utf8.write(s, out, b);
                    }
                    break;
                }
                case Mem.BLOB: {
                    byte[] v = m.blob();
                    h += Varint.write(out, h, 12 + 2L * v.length);
                    System.arraycopy(v, 0, out, b, v.length);
                    b += v.length;
                    break;
                }
                default:
                    out[h++] = 0;
            }
        }
        return b - off;
    }

    private static int putInt(byte[] out, int off, long v, int n) {
        for (int k = n - 1; k >= 0; k--) {
            out[off + k] = (byte) v;
            v >>= 8;
        }
        return off + n;
    }
}
