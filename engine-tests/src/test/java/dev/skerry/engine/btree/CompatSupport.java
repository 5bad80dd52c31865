package dev.skerry.engine.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.io.Vfs;

import dev.skerry.engine.pager.Pager;
import dev.skerry.engine.record.RecordWriter;
import dev.skerry.engine.value.Mem;
import dev.skerry.testkit.TestVfs;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** Data shapes, conversions and schema reading shared by the SQLite file compatibility tests. */
final class CompatSupport {
    private CompatSupport() {
    }

    static String text(Random r, int len) {
        StringBuilder sb = new StringBuilder(len);
        String pool = "abcXYZ éü€中文 0123456789";
        for (int i = 0; i < len; i++) {
            sb.append(pool.charAt(r.nextInt(pool.length())));
        }
        return sb.toString();
    }

    static void bind(PreparedStatement ps, int i, Object v) throws Exception {
        if (v == null) {
            ps.setNull(i, java.sql.Types.NULL);
        } else if (v instanceof Long) {
            ps.setLong(i, (Long) v);
        } else if (v instanceof Double) {
            ps.setDouble(i, (Double) v);
        } else if (v instanceof String) {
            ps.setString(i, (String) v);
        } else {
            ps.setBytes(i, (byte[]) v);
        }
    }

    /** One row: id, a (integer), b (real), c (text), d (blob or null). */
    static Object[] randomRow(Random r, long id, int pageSize) {
        long a = r.nextInt(5) == 0 ? r.nextLong() : r.nextInt(2000) - 1000;
        double b = r.nextInt(7) == 0 ? (double) r.nextInt(100) : r.nextGaussian() * 1e6;
        int clen = r.nextInt(60) == 0 ? pageSize + r.nextInt(pageSize) : r.nextInt(30);
        String c = r.nextInt(15) == 0 ? null : text(r, clen);
        byte[] d = null;
        if (r.nextInt(3) == 0) {
            d = new byte[r.nextInt(60) == 0 ? pageSize + r.nextInt(pageSize * 2) : r.nextInt(20)];
            r.nextBytes(d);
        }
        return new Object[] {id, a, b, c, d};
    }

    static Object jdbcValue(ResultSet rs, int i) throws Exception {
        Object o = rs.getObject(i);
        if (o instanceof Integer) {
            return ((Integer) o).longValue();
        }
        return o;
    }

    static void assertValue(Object expected, Object actual, String where) {
        if (expected instanceof byte[]) {
            assertTrue(actual instanceof byte[], where);
            assertArrayEquals((byte[]) expected, (byte[]) actual, where);
        } else {
            assertEquals(expected, actual, where);
        }
    }

    static Pager openPager(Vfs vfs, String path) throws Exception {
        Pager p = Pager.open(vfs, path);
        TestVfs.run(vfs, p::openStep);
        TestVfs.run(vfs, p::beginRead);
        return p;
    }

    /** name → root page, from sqlite_schema read through the b-tree. */
    static Map<String, Integer> roots(Vfs vfs, Pager p) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        BTreeCursor c = new BTreeCursor(p, 1, null);
        Mem name = new Mem();
        Mem root = new Mem();
        boolean ok = TestVfs.drive(vfs, c::first);
        while (ok) {
            TestVfs.run(vfs, () -> c.column(1, name));
            TestVfs.run(vfs, () -> c.column(3, root));
            out.put(name.text(), (int) root.longValue());
            ok = TestVfs.drive(vfs, c::next);
        }
        c.close();
        return out;
    }

    static Mem mem(Object v) {
        Mem m = new Mem();
        if (v instanceof Long) {
            m.setLong((Long) v);
        } else if (v instanceof Double) {
            m.setDouble((Double) v);
        } else if (v instanceof String) {
            m.setText((String) v);
        } else if (v instanceof byte[]) {
            m.setBlob((byte[]) v);
        }
        return m;
    }

    static byte[] record(Object... vals) {
        Mem[] ms = new Mem[vals.length];
        for (int i = 0; i < vals.length; i++) {
            ms[i] = mem(vals[i]);
        }
        return RecordWriter.encode(ms, 0, ms.length);
    }
}
