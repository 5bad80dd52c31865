package dev.skerry.engine.btree;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.record.Varint;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.value.ValueCompare;

/**
 * Compares records in SQLite's record format field by field without decoding them into objects
 * ({@code sqlite3VdbeRecordCompare}): numbers are read into locals, text is compared on its UTF-8 bytes,
 * blobs with {@code memcmp}. This is the order of index b-trees, sorters and ephemeral indexes, the same as
 * {@link ValueCompare} on decoded values. Nothing is allocated per comparison.
 *
 * <p>Text under the built-in collations, on bytes as SQLite's collating functions work: BINARY is
 * {@code memcmp} of the common length, then the shorter first; RTRIM is BINARY after dropping trailing
 * spaces; NOCASE is {@code sqlite3StrNICmp} over the common length (ASCII letters folded to lower case,
 * stopping at a NUL byte: two texts equal up to a NUL at the same place compare by length only), then the
 * shorter first.
 *
 * <p>A record is a byte range {@code [off, off+len)}; a header or body that runs past it is reported as
 * SQLITE_CORRUPT. Stateless: every method is static.
 */
public final class RecordCompare {
    private RecordCompare() {
    }

    /** {@link #compare(byte[], int, int, byte[], int, int, int, KeyInfo, int)} of two whole arrays. */
    public static int compare(byte[] a, byte[] b, int nFields, KeyInfo order, int shortBias) throws SqliteException {
        return compare(a, 0, a.length, b, 0, b.length, nFields, order, shortBias);
    }

    /**
     * Compares the first {@code nFields} fields of record {@code a} with those of record {@code b}. When one
     * record ends first and the fields both have are equal, the result is {@code shortBias} if {@code a} is
     * the shorter and {@code -shortBias} if {@code b} is (SQLite's {@code default_rc}: -1 orders a prefix
     * before the records it prefixes, +1 after them, 0 makes them equal). Negative, zero or positive.
     */
    public static int compare(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen, int nFields, KeyInfo order,
            int shortBias) throws SqliteException {
        int aEndRec = aOff + aLen;
        int bEndRec = bOff + bLen;
        int ah = aOff + headerSize(a, aOff, aLen);
        int ap = aOff + Varint.sizeAt(a, aOff);
        int bh = bOff + headerSize(b, bOff, bLen);
        int bp = bOff + Varint.sizeAt(b, bOff);
        int ab = ah;
        int bb = bh;
        for (int f = 0; f < nFields; f++) {
            boolean aEnd = ap >= ah;
            boolean bEnd = bp >= bh;
            if (aEnd || bEnd) {
                return aEnd == bEnd ? 0 : (aEnd ? shortBias : -shortBias);
            }
            long at;
            int x = a[ap];
            if (x >= 0) {
                at = x;
                ap++;
            } else {
                at = Varint.read(a, ap);
                ap += Varint.sizeAt(a, ap);
            }
            long bt;
            int y = b[bp];
            if (y >= 0) {
                bt = y;
                bp++;
            } else {
                bt = Varint.read(b, bp);
                bp += Varint.sizeAt(b, bp);
            }
            int as = bodySize(at, ab, aEndRec);
            int bs = bodySize(bt, bb, bEndRec);
            int c = compareFields(at, a, ab, bt, b, bb, order.collation(f));
            if (c != 0) {
                return order.descending(f) ? -c : c;
            }
            ab += as;
            bb += bs;
        }
        return 0;
    }

    /**
     * Compares the first {@code nKey} fields of record {@code rec} with the values {@code key[keyBase ..
     * keyBase+nKey)}. When the record has fewer fields than {@code nKey} and those are equal, it orders first.
     */
    public static int compareWithKey(byte[] rec, Mem[] key, int keyBase, int nKey, KeyInfo order)
            throws SqliteException {
        return compareWithKey(rec, 0, rec.length, key, keyBase, nKey, order);
    }

    /** As above, for the record in {@code rec[off .. off+len)}. */
    public static int compareWithKey(byte[] rec, int off, int len, Mem[] key, int keyBase, int nKey, KeyInfo order)
            throws SqliteException {
        int end = off + len;
        int h = off + headerSize(rec, off, len);
        int p = off + Varint.sizeAt(rec, off);
        int body = h;
        for (int f = 0; f < nKey; f++) {
            if (p >= h) {
                return -1;
            }
            long t = Varint.read(rec, p);
            p += Varint.sizeAt(rec, p);
            int size = bodySize(t, body, end);
            int c = compareFieldWithMem(t, rec, body, key[keyBase + f], order.collation(f));
            if (c != 0) {
                return order.descending(f) ? -c : c;
            }
            body += size;
        }
        return 0;
    }

    private static int headerSize(byte[] r, int off, int len) throws SqliteException {
        if (len < 1) {
            throw SqliteException.corrupt("empty record");
        }
        long h = Varint.read(r, off);
        if (h < 1 || h > len) {
            throw SqliteException.corrupt("record header size " + h);
        }
        return (int) h;
    }

    /** The body size of serial type {@code t} at {@code at}, checked against the record's end. */
    private static int bodySize(long t, int at, int end) throws SqliteException {
        int size;
        if (t >= 12) {
            size = (int) Math.min((t - 12) >>> 1, Integer.MAX_VALUE);
        } else if (t == 10 || t == 11 || t < 0) {
            throw SqliteException.corrupt("serial type " + t);
        } else {
            size = FIXED_SIZE[(int) t];
        }
        if (size > end - at) {
            throw SqliteException.corrupt("record body overruns payload");
        }
        return size;
    }

    private static final int[] FIXED_SIZE = {0, 1, 2, 3, 4, 6, 8, 8, 0, 0, 0, 0};

    /** 0 NULL, 1 number, 2 text, 3 blob: the order of storage classes. */
    private static int rank(long t) {
        if (t == 0) {
            return 0;
        }
        if (t < 12) {
            return 1;
        }
        return (t & 1) == 1 ? 2 : 3;
    }

    private static int rankOf(Mem m) {
        switch (m.type()) {
            case Mem.NULL: return 0;
            case Mem.INTEGER:
            case Mem.FLOAT: return 1;
            case Mem.TEXT: return 2;
            default: return 3;
        }
    }

    private static int compareFields(long at, byte[] a, int ap, long bt, byte[] b, int bp, Collation coll) {
        int ra = rank(at);
        int rb = rank(bt);
        if (ra != rb) {
            return ra - rb;
        }
        switch (ra) {
            case 0:
                return 0;
            case 1: {
                boolean aReal = at == 7;
                boolean bReal = bt == 7;
                if (!aReal && !bReal) {
                    return Long.compare(integer(at, a, ap), integer(bt, b, bp));
                }
                double ad = aReal ? Double.longBitsToDouble(int64(a, ap)) : 0;
                double bd = bReal ? Double.longBitsToDouble(int64(b, bp)) : 0;
                long al = aReal ? 0 : integer(at, a, ap);
                long bl = bReal ? 0 : integer(bt, b, bp);
                return compareNumbers(aReal, ad, al, bReal, bd, bl);
            }
            case 2:
                return compareText(a, ap, (int) ((at - 13) >>> 1), b, bp, (int) ((bt - 13) >>> 1), coll);
            default:
                return compareBytes(a, ap, (int) ((at - 12) >>> 1), b, bp, (int) ((bt - 12) >>> 1));
        }
    }

    private static int compareFieldWithMem(long t, byte[] a, int ap, Mem m, Collation coll) {
        int ra = rank(t);
        int rb = rankOf(m);
        if (ra != rb) {
            return ra - rb;
        }
        switch (ra) {
            case 0:
                return 0;
            case 1: {
                boolean aReal = t == 7;
                boolean bReal = m.type() == Mem.FLOAT;
                double ad = aReal ? Double.longBitsToDouble(int64(a, ap)) : 0;
                double bd = bReal ? m.doubleValue() : 0;
                return compareNumbers(aReal, ad, aReal ? 0 : integer(t, a, ap), bReal, bd, bReal ? 0 : m.longValue());
            }
            case 2:
                return compareTextWithString(a, ap, (int) ((t - 13) >>> 1), m.text(), coll);
            default: {
                byte[] y = m.blob();
                return compareBytes(a, ap, (int) ((t - 12) >>> 1), y, 0, y.length);
            }
        }
    }

    /**
     * Compares two numbers, each a REAL (flag set: its value is the double) or an integer (its value is the
     * long), exactly across the two kinds as SQLite does.
     */
    private static int compareNumbers(boolean aReal, double ad, long al, boolean bReal, double bd, long bl) {
        if (aReal) {
            if (bReal) {
                return ad < bd ? -1 : (ad > bd ? 1 : 0);
            }
            return ValueCompare.compareDoubleToLong(ad, bl);
        }
        if (bReal) {
            return -ValueCompare.compareDoubleToLong(bd, al);
        }
        return Long.compare(al, bl);
    }

    private static long integer(long t, byte[] b, int p) {
        switch ((int) t) {
            case 1: return b[p];
            case 2: return (b[p] << 8) | (b[p + 1] & 0xff);
            case 3: return (b[p] << 16) | ((b[p + 1] & 0xff) << 8) | (b[p + 2] & 0xff);
            case 4: return int32(b, p);
            case 5: return ((long) ((b[p] << 8) | (b[p + 1] & 0xff)) << 32) | (int32(b, p + 2) & 0xffffffffL);
            case 6: return int64(b, p);
            case 8: return 0;
            default: return 1;
        }
    }

    private static int int32(byte[] b, int p) {
        return (b[p] << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }

    private static long int64(byte[] b, int p) {
        return ((long) int32(b, p) << 32) | (int32(b, p + 4) & 0xffffffffL);
    }

    private static int compareBytes(byte[] a, int ap, int an, byte[] b, int bp, int bn) {
        int n = Math.min(an, bn);
        for (int k = 0; k < n; k++) {
            int d = (a[ap + k] & 0xff) - (b[bp + k] & 0xff);
            if (d != 0) {
                return d;
            }
        }
        return an - bn;
    }

    private static int compareText(byte[] a, int ap, int an, byte[] b, int bp, int bn, Collation coll) {
        if (coll == Collation.RTRIM) {
            while (an > 0 && a[ap + an - 1] == ' ') {
                an--;
            }
            while (bn > 0 && b[bp + bn - 1] == ' ') {
                bn--;
            }
        } else if (coll == Collation.NOCASE) {
            int n = Math.min(an, bn);
            for (int k = 0; k < n; k++) {
                int x = a[ap + k] & 0xff;
                int y = b[bp + k] & 0xff;
                if (x == 0 || (x != y && fold(x) != fold(y))) {
                    int d = fold(x) - fold(y);
                    return d != 0 ? d : an - bn;
                }
            }
            return an - bn;
        }
        return compareBytes(a, ap, an, b, bp, bn);
    }

    private static int fold(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }

    /**
     * Compares UTF-8 text {@code a[ap..ap+an)} with a Java string as their UTF-8 encodings would compare under
     * the collation: code point order is UTF-8 byte order, and NOCASE stops at a NUL as on bytes.
     */
    private static int compareTextWithString(byte[] a, int ap, int an, String s, Collation coll) {
        int sn = s.length();
        if (coll == Collation.RTRIM) {
            while (an > 0 && a[ap + an - 1] == ' ') {
                an--;
            }
            while (sn > 0 && s.charAt(sn - 1) == ' ') {
                sn--;
            }
        }
        boolean nocase = coll == Collation.NOCASE;
        int i = ap;
        int end = ap + an;
        int j = 0;
        while (i < end && j < sn) {
            int c = a[i] & 0xff;
            int cp;
            if (c < 0x80) {
                cp = c;
                i++;
            } else if (c < 0xE0) {
                cp = ((c & 0x1f) << 6) | (byteAt(a, i + 1, end) & 0x3f);
                i += 2;
            } else if (c < 0xF0) {
                cp = ((c & 0x0f) << 12) | ((byteAt(a, i + 1, end) & 0x3f) << 6) | (byteAt(a, i + 2, end) & 0x3f);
                i += 3;
            } else {
                cp = ((c & 0x07) << 18) | ((byteAt(a, i + 1, end) & 0x3f) << 12)
                        | ((byteAt(a, i + 2, end) & 0x3f) << 6) | (byteAt(a, i + 3, end) & 0x3f);
                i += 4;
            }
            int sp = s.codePointAt(j);
            j += Character.charCount(sp);
            if (nocase) {
                cp = cp < 0x80 ? fold(cp) : cp;
                sp = sp < 0x80 ? fold(sp) : sp;
                if (cp == 0 && sp == 0) {
                    return Integer.signum(an - dev.skerry.engine.record.Utf8.length(s));
                }
            }
            if (cp != sp) {
                return cp < sp ? -1 : 1;
            }
        }
        boolean aLeft = i < end;
        boolean sLeft = j < sn;
        return aLeft == sLeft ? 0 : (aLeft ? 1 : -1);
    }

    private static int byteAt(byte[] a, int i, int end) {
        return i < end ? a[i] : 0;
    }
}
