package dev.skerry.engine.record;

import static dev.skerry.engine.value.SqliteOracle.integer;
import static dev.skerry.engine.value.SqliteOracle.real;
import static dev.skerry.engine.value.SqliteOracle.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.Mem;
import org.junit.jupiter.api.Test;

class RecordRoundTripTest {
    private static Mem b(byte[] v) {
        Mem m = new Mem();
        m.setBlob(v);
        return m;
    }

    @Test
    void everySerialTypeRoundTrips() throws SqliteException {
        Mem[] vals = {new Mem(), integer(0), integer(1), integer(2), integer(-1), integer(127), integer(-128),
            integer(128), integer(32767), integer(-32768), integer(32768), integer(8388607), integer(-8388608),
            integer(8388608), integer(2147483647L), integer(-2147483648L), integer(2147483648L),
            integer(140737488355327L), integer(-140737488355328L), integer(140737488355328L),
            integer(Long.MAX_VALUE), integer(Long.MIN_VALUE), real(0.0), real(1.0), real(-2.5), real(1e300),
            real(Double.MIN_VALUE), text(""), text("abc"), text("héllo wörld €𝄞"), b(new byte[0]),
            b(new byte[] {0, 1, 2, (byte) 255})};
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
                vals[i] = text("x".repeat(i % 70));
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
