package dev.skerry.engine.record;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.Mem;

/**
 * A lazy view of one record held in a byte range (a page's local payload, or an assembled buffer when the
 * payload overflows). {@link #reset} points the view at a record without reading anything; the header is
 * parsed once, on the first column access, into reusable arrays of serial types and body offsets; each
 * {@link #column} decodes one field on demand. A column at or beyond {@link #columnCount()} reads as NULL
 * (the VM supplies defaults of columns added by ALTER TABLE).
 *
 * <p>States: EMPTY (after construction) → POINTED (after {@code reset}) → PARSED (header read). The viewed
 * bytes must not change while the view is in use; the owner calls {@code reset} again when they may have.
 */
public final class RecordReader {
    private byte[] buf;
    private int start;
    private int end;
    private boolean parsed;
    private int count;
    private long[] types = new long[16];
    private int[] offsets = new int[17];

    /** Points the view at the record in {@code buf[off .. off+len)}. */
    public void reset(byte[] buf, int off, int len) {
        this.buf = buf;
        this.start = off;
        this.end = off + len;
        this.parsed = false;
    }

    private void parse() throws SqliteException {
        if (start >= end) {
            count = 0;
            parsed = true;
            return;
        }
        long hs = Varint.read(buf, start);
        int h = start + Varint.sizeAt(buf, start);
        if (hs < 1 || hs > end - start) {
            throw SqliteException.corrupt("record header size " + hs);
        }
        int hend = start + (int) hs;
        long body = hend;
        int n = 0;
        while (h < hend) {
            long t = Varint.read(buf, h);
            h += Varint.sizeAt(buf, h);
            if (t == 10 || t == 11 || t < 0) {
                throw SqliteException.corrupt("serial type " + t);
            }
            if (n == types.length) {
                long[] nt = new long[n * 2];
                System.arraycopy(types, 0, nt, 0, n);
                types = nt;
                int[] no = new int[n * 2 + 1];
                System.arraycopy(offsets, 0, no, 0, n + 1);
                offsets = no;
            }
            types[n] = t;
            offsets[n] = (int) body;
            body += SerialType.bodySize(t);
            n++;
        }
        if (h != hend || body > end) {
            throw SqliteException.corrupt("record body overruns payload");
        }
        offsets[n] = (int) body;
        count = n;
        parsed = true;
    }

    /** The number of fields the record holds. */
    public int columnCount() throws SqliteException {
        if (!parsed) {
            parse();
        }
        return count;
    }

    /** The serial type of field {@code i} (0 for a field beyond the record). */
    public long serialType(int i) throws SqliteException {
        if (!parsed) {
            parse();
        }
        return i < count ? types[i] : 0;
    }

    /** Decodes field {@code i} into {@code out}. */
    public void column(int i, Mem out) throws SqliteException {
        if (!parsed) {
            parse();
        }
        if (i >= count) {
            out.setNull();
            return;
        }
        decode(types[i], buf, offsets[i], out);
    }

    /** Decodes one field body of serial type {@code t} at {@code buf[p]} into {@code out}. */
    public static void decode(long t, byte[] buf, int p, Mem out) {
        switch ((int) Math.min(t, 12)) {
            case 0: out.setNull(); return;
            case 1: out.setLong(buf[p]); return;
            case 2: out.setLong((buf[p] << 8) | (buf[p + 1] & 0xff)); return;
            case 3: out.setLong((buf[p] << 16) | ((buf[p + 1] & 0xff) << 8) | (buf[p + 2] & 0xff)); return;
            case 4: out.setLong(int32(buf, p)); return;
            case 5: out.setLong(((long) ((buf[p] << 8) | (buf[p + 1] & 0xff)) << 32) | (int32(buf, p + 2) & 0xffffffffL)); return;
            case 6: out.setLong(int64(buf, p)); return;
            case 7: {
                double d = Double.longBitsToDouble(int64(buf, p));
                if (Double.isNaN(d)) {
                    out.setNull();
                } else {
                    out.setDouble(d);
                }
                return;
            }
            case 8: out.setLong(0); return;
            case 9: out.setLong(1); return;
            default: {
                int len = (int) ((t - 12) >>> 1);
                if ((t & 1) == 1) {
                    out.setTextUtf8(buf, p, len);
                } else {
                    byte[] b = new byte[len];
                    System.arraycopy(buf, p, b, 0, len);
                    out.setBlob(b);
                }
            }
        }
    }

    private static int int32(byte[] b, int p) {
        return (b[p] << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }

    private static long int64(byte[] b, int p) {
        return ((long) int32(b, p) << 32) | (int32(b, p + 4) & 0xffffffffL);
    }
}
