package dev.skerry.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.engine.Connection;
import dev.skerry.engine.Statement;
import dev.skerry.engine.StepResult;
import dev.skerry.engine.io.Vfs;
import dev.skerry.testkit.DeferredVfs;
import dev.skerry.testkit.HostLoop;
import dev.skerry.vfs.memory.MemoryVfs;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A database larger than the page cache, with every read completed later and in random order: inserts,
 * index maintenance, index range scans and a full scan run with pages evicted and read again mid-statement,
 * so instructions are re-run after IO in the middle of loops and b-tree changes.
 */
class EvictionTest {
    private static final int ROWS = 24_000;
    private static final String PAD = "x".repeat(420);

    @Test
    void statementsOverADatabaseLargerThanTheCacheGiveExactResults() throws Exception {
        Vfs vfs = new DeferredVfs(new MemoryVfs(), new Random(20261122));
        Connection c = HostLoop.open(vfs, "big.db");
        run(c, vfs, "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c INTEGER)");
        run(c, vfs, "CREATE INDEX tc ON t(c)");
        run(c, vfs, "BEGIN");
        Statement ins = c.prepare("INSERT INTO t(b, c) VALUES(?, ?)");
        for (int i = 0; i < ROWS; i++) {
            ins.bindText(1, PAD + i);
            ins.bindLong(2, (i * 7919L) % ROWS);
            assertEquals(StepResult.DONE, HostLoop.step(ins, vfs));
            ins.reset();
        }
        ins.close();
        run(c, vfs, "COMMIT");

        Statement range = c.prepare("SELECT a, c FROM t WHERE c >= 1000 AND c < 1100 ORDER BY c");
        long sum = 0;
        long n = 0;
        long previous = -1;
        while (HostLoop.step(range, vfs) == StepResult.ROW) {
            long cv = range.columnLong(1);
            assertEquals(true, cv > previous);
            previous = cv;
            sum += cv;
            n++;
        }
        range.close();
        assertEquals(100, n);
        assertEquals((1000L + 1099) * 100 / 2, sum);

        Statement scan = c.prepare("SELECT b FROM t ORDER BY a DESC");
        long chars = 0;
        long rows = 0;
        while (HostLoop.step(scan, vfs) == StepResult.ROW) {
            String b = scan.columnText(0);
            assertEquals(PAD + (ROWS - 1 - rows), b);
            chars += b.length();
            rows++;
        }
        scan.close();
        assertEquals(ROWS, rows);

        run(c, vfs, "DELETE FROM t WHERE c % 3 = 0");
        assertEquals(ROWS / 3, c.changes());
        Statement count = c.prepare("SELECT count(*) FROM t WHERE c >= 0");
        assertEquals(StepResult.ROW, HostLoop.step(count, vfs));
        assertEquals(ROWS - ROWS / 3, count.columnLong(0));
        count.close();
        HostLoop.close(c, vfs);
    }

    private static void run(Connection c, Vfs vfs, String sql) throws Exception {
        Statement s = c.prepare(sql);
        HostLoop.rows(s, vfs);
        s.close();
    }
}
