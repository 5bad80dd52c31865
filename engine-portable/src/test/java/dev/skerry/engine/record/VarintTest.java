package dev.skerry.engine.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VarintTest {
    private static void roundTrip(long v) {
        byte[] b = new byte[12];
        int n = Varint.write(b, 1, v);
        assertEquals(Varint.size(v), n, "size of " + v);
        assertEquals(n, Varint.sizeAt(b, 1), "sizeAt of " + v);
        assertEquals(v, Varint.read(b, 1), "value " + v);
    }

    @Test
    void boundariesOfEveryLength() {
        long[] edges = {0, 1, 127, 128, 16383, 16384, 2097151, 2097152, 268435455, 268435456,
            (1L << 35) - 1, 1L << 35, (1L << 42) - 1, 1L << 42, (1L << 49) - 1, 1L << 49, (1L << 56) - 1,
            1L << 56, Long.MAX_VALUE, Long.MIN_VALUE, -1};
        for (long v : edges) {
            roundTrip(v);
        }
        assertEquals(1, Varint.size(127));
        assertEquals(2, Varint.size(128));
        assertEquals(8, Varint.size((1L << 56) - 1));
        assertEquals(9, Varint.size(1L << 56));
        assertEquals(9, Varint.size(-1));
    }

    @Test
    void knownEncodings() {
        byte[] b = new byte[9];
        assertEquals(2, Varint.write(b, 0, 128));
        assertEquals(0x81, b[0] & 0xff);
        assertEquals(0x00, b[1] & 0xff);
        assertEquals(9, Varint.write(b, 0, -1));
        for (int k = 0; k < 9; k++) {
            assertEquals(0xff, b[k] & 0xff);
        }
    }

    @Test
    void randomValues() {
        Random r = new Random(42);
        for (int i = 0; i < 100000; i++) {
            roundTrip(r.nextLong() >>> r.nextInt(64));
        }
    }
}
