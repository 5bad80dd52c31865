package dev.skerry.engine.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.pager.DbHeader;
import dev.skerry.engine.value.Mem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records as SQLite writes them: a one-page table made by sqlite-jdbc is read as raw bytes, each cell's
 * record is decoded with {@link RecordReader}, and the serial types and values must be those SQLite chose
 * and returns; the same values encoded by {@link RecordWriter} must give SQLite's bytes exactly.
 */
class SqliteRecordTest {
    @TempDir
    Path dir;

    @Test
    void decodesAndReencodesSqlitesRecords() throws Exception {
        Path db = dir.resolve("rec.db");
        String[] exprs = {"NULL", "0", "1", "2", "-1", "127", "-128", "128", "32767", "-32768", "32768",
            "8388607", "-8388608", "8388608", "2147483647", "-2147483648", "2147483648", "140737488355327",
            "-140737488355328", "140737488355328", "9223372036854775807", "-9223372036854775808", "0.5", "-1e300",
            "'text'", "''", "'héllo €'", "x''", "x'00ff10'"};
        long[] types = {0, 8, 9, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 21, 13, 33, 12, 18};
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=DELETE");
            st.execute("CREATE TABLE t(v)");
            for (String e : exprs) {
                st.execute("INSERT INTO t VALUES(" + e + ")");
            }
        }
        byte[] file = Files.readAllBytes(db);
        int ps = DbHeader.pageSize(file);
        int page2 = ps;
        assertEquals(0x0d, file[page2] & 0xff, "table leaf on page 2");
        int n = DbHeader.get2(file, page2 + 3);
        assertEquals(exprs.length, n);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT v FROM t ORDER BY rowid")) {
            RecordReader r = new RecordReader();
            Mem m = new Mem();
            for (int i = 0; i < n; i++) {
                assertTrue(rs.next());
                int cell = page2 + DbHeader.get2(file, page2 + 8 + 2 * i);
                long payload = Varint.read(file, cell);
                int p = cell + Varint.sizeAt(file, cell);
                p += Varint.sizeAt(file, p);
                r.reset(file, p, (int) payload);
                assertEquals(1, r.columnCount());
                assertEquals(types[i], r.serialType(0), exprs[i]);
                r.column(0, m);
                Object want = rs.getObject(1);
                switch (m.type()) {
                    case Mem.NULL: assertEquals(null, want, exprs[i]); break;
                    case Mem.INTEGER: assertEquals(((Number) want).longValue(), m.longValue(), exprs[i]); break;
                    case Mem.FLOAT: assertEquals(((Number) want).doubleValue(), m.doubleValue(), exprs[i]); break;
                    case Mem.TEXT: assertEquals(want, m.text(), exprs[i]); break;
                    default: assertArrayEquals((byte[]) want, m.blob(), exprs[i]);
                }
                byte[] ours = RecordWriter.encode(new Mem[] {m}, 0, 1);
                byte[] theirs = java.util.Arrays.copyOfRange(file, p, p + (int) payload);
                assertArrayEquals(theirs, ours, "encoding of " + exprs[i]);
            }
        }
    }
}
