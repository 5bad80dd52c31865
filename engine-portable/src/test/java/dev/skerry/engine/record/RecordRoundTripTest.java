package dev.skerry.engine.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.Mem;
import org.junit.jupiter.api.Test;

class RecordRoundTripTest {
    private static Mem l(long v) {
        Mem m = new Mem();
        m.setLong(v);
        return m;
    }

    private static Mem d(double v) {
        Mem m = new Mem();
        m.setDouble(v);
        return m;
    }

    private static Mem t(String v) {
        Mem m = new Mem();
        m.setText(v);
        return m;
    }

    private static Mem b(byte[] v) {
        Mem m = new Mem();
        m.setBlob(v);
        return m;
    }

    @Test
    void everySerialTypeRoundTrips() throws SqliteException {
        Mem[] vals = {new Mem(), l(0), l(1), l(2), l(-1), l(127), l(-128), l(128), l(32767), l(-32768),
            l(32768), l(8388607), l(-8388608), l(8388608), l(2147483647L), l(-2147483648L), l(2147483648L),
            l(140737488355327L), l(-140737488355328L), l(140737488355328L), l(Long.MAX_VALUE), l(Long.MIN_VALUE),
            d(0.0), d(1.0), d(-2.5), d(1e300), d(Double.MIN_VALUE), t(""), t("abc"), t("héllo wörld €𝄞"),
            b(new byte[0]), b(new byte[] {0, 1, 2, (byte) 255})};
        int[] expectTypes = {0, 8, 9, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6,
            7, 7, 7, 7, 7, 13, 19, -1, 12, 20};
        byte[] rec = RecordWriter.encode(vals, 0, vals.length);
        assertEquals(rec.length, RecordWriter.size(vals, 0, vals.length));
        RecordReader r = new RecordReader();
        r.reset(rec, 0, rec.length);
        assertEquals(vals.length, r.columnCount());
        Mem out = new Mem();
        for (int i = 0; i < vals.length; i++) {
            r.column(i, out);
            assertEquals(vals[i].type(), out.type(), "type of " + i);
            if (expectTypes[i] >= 0) {
                assertEquals(expectTypes[i], r.serialType(i), "serial type of " + i);
            }
            switch (out.type()) {
                case Mem.INTEGER: assertEquals(vals[i].longValue(), out.longValue()); break;
                case Mem.FLOAT: assertEquals(vals[i].doubleValue(), out.doubleValue()); break;
                case Mem.TEXT: assertEquals(vals[i].text(), out.text()); break;
                case Mem.BLOB: assertArrayEquals(vals[i].blob(), out.blob()); break;
                default: break;
            }
        }
        r.column(vals.length + 3, out);
        assertEquals(Mem.NULL, out.type());
    }

    @Test
    void longHeaderSizesItselfCorrectly() throws SqliteException {
        for (int n : new int[] {1, 126, 127, 128, 200, 5000, 20000}) {
            Mem[] vals = new Mem[n];
            for (int i = 0; i < n; i++) {
                vals[i] = t("x".repeat(i % 70));
            }
            byte[] rec = RecordWriter.encode(vals, 0, n);
            RecordReader r = new RecordReader();
            r.reset(rec, 0, rec.length);
            assertEquals(n, r.columnCount());
            Mem out = new Mem();
            r.column(n - 1, out);
            assertEquals(vals[n - 1].text(), out.text());
        }
    }
}
