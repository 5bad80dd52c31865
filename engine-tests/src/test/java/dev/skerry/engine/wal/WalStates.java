package dev.skerry.engine.wal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Three database states made by SQLite and a log Skerry wrote between them, shared by the recovery and crash
 * tests: S0 (a checkpointed database file), S1 and S2 (after transactions T1 and T2); T1/T2 are the pages
 * that differ between consecutive images; {@code wal12} is Skerry's log of T1 then T2 over S0.
 */
final class WalStates {
    final byte[] s0;
    final byte[] s1;
    final byte[] s2;
    final List<String> rows0;
    final List<String> rows1;
    final List<String> rows2;
    final int pageSize;
    final List<Integer> t1;
    final List<Integer> t2;
    final byte[] wal12;

    private static WalStates instance;

    static synchronized WalStates get() throws Exception {
        if (instance == null) {
            instance = new WalStates();
        }
        return instance;
    }

    private WalStates() throws Exception {
        Path dir = Files.createTempDirectory("skerry-wal-states");
        Path a = dir.resolve("x.db");
        try (Connection c = SqliteFiles.openWalMode(a)) {
            SqliteFiles.exec(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)",
                    "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 150)"
                            + " INSERT INTO t SELECT n, printf('row %d %.*c', n, 90, 'a') FROM s");
            SqliteFiles.checkpointTruncateOn(c);
            s0 = Files.readAllBytes(a);
            rows0 = SqliteFiles.rows(c, "SELECT * FROM t ORDER BY id");
            SqliteFiles.exec(c, "UPDATE t SET v = 'one ' || id WHERE id % 4 = 0",
                    "WITH RECURSIVE s(n) AS (SELECT 151 UNION ALL SELECT n + 1 FROM s WHERE n < 220)"
                            + " INSERT INTO t SELECT n, printf('row %d %.*c', n, 90, 'b') FROM s");
            SqliteFiles.checkpointTruncateOn(c);
            s1 = Files.readAllBytes(a);
            rows1 = SqliteFiles.rows(c, "SELECT * FROM t ORDER BY id");
            SqliteFiles.exec(c, "DELETE FROM t WHERE id % 3 = 0", "CREATE INDEX tv ON t(v)");
            SqliteFiles.checkpointTruncateOn(c);
            s2 = Files.readAllBytes(a);
            rows2 = SqliteFiles.rows(c, "SELECT * FROM t ORDER BY id");
        }
        pageSize = SqliteFiles.pageSize(s0);
        t1 = diff(s0, s1);
        t2 = diff(s1, s2);
        assertTrue(t1.size() >= 3 && t2.size() >= 3, "each transaction must span several frames");
        SuiteVfs vfs = SuiteVfs.inline();
        vfs.put("x.db", s0);
        Wal wal = new Wal(vfs, "x.db-wal", 7);
        Io.drive(vfs, () -> wal.open(pageSize));
        Io.commitPages(vfs, wal, s1, pageSize, t1, s1.length / pageSize);
        Io.commitPages(vfs, wal, s2, pageSize, t2, s2.length / pageSize);
        wal12 = vfs.get("x.db-wal");
    }

    private List<Integer> diff(byte[] from, byte[] to) {
        List<Integer> out = new ArrayList<>();
        for (int p = 1; p <= to.length / pageSize; p++) {
            if (!Arrays.equals(SqliteFiles.page(from, p, pageSize), SqliteFiles.page(to, p, pageSize))) {
                out.add(p);
            }
        }
        return out;
    }

    /** Byte offset just past frame {@code frame}. */
    long frameEnd(int frame) {
        return WalFormat.frameOffset(frame + 1, pageSize);
    }
}
