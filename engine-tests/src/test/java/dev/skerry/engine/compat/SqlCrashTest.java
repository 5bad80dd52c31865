package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.SqliteException;
import dev.skerry.testkit.FaultVfs;
import dev.skerry.testkit.TestVfs;
import dev.skerry.vfs.memory.MemoryVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety at SQL level. A database of the {@link Workload} shapes (page size 1024) takes one explicit
 * transaction through Skerry's SQL: inserts that split pages and overflow, updates of indexed columns
 * (the UNIQUE text index included), deletes, and a CREATE INDEX; then the connection closes (checkpoint).
 * For every write, truncate and sync of that commit and that close, the power fails there (the writes no
 * sync covered are lost, or torn and partly kept), the machine reboots, and:
 * <ul>
 *   <li>Skerry reopens the database and finds exactly the old or the new contents (tables and schema);
 *       the new ones whenever COMMIT had returned success;</li>
 *   <li>SQLite, given the files as the crash left them (database and log), recovers the same contents and
 *       {@code PRAGMA integrity_check} is ok.</li>
 * </ul>
 * Seeded, deterministic.
 */
class SqlCrashTest {
    private static final String DB = "crash.db";
    private static final int PAGE_SIZE = 1024;
    private static final int ROWS = 100;
    private static final String[] CONTENTS = {
        "SELECT id, a, b, c, d, e FROM t ORDER BY id",
        "SELECT rowid, k, v, w FROM u ORDER BY rowid",
        "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name",
        "SELECT c, id FROM t WHERE c >= 'k' ORDER BY c",
        "SELECT a, b, id FROM t WHERE a >= -1000 ORDER BY a, b DESC, id",
    };

    private static byte[] snapshot;
    private static List<List<List<Object>>> oldState;
    private static List<List<List<Object>>> newState;
    private static int mutationsToCover;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildBeforeAndAfter() throws Exception {
        MemoryVfs mem = new MemoryVfs();
        SkerryDb.createEmpty(mem, DB, PAGE_SIZE);
        SkerryDb db = SkerryDb.open(mem, DB);
        Workload w = new Workload(99, PAGE_SIZE, ROWS);
        w.createSchema(db);
        w.fill(db);
        db.close();
        snapshot = MemFiles.get(mem, DB);
        assertTrue(!mem.exists(DB + "-wal"), "a clean close leaves no log");

        FaultVfs fault = new FaultVfs(TestVfs.wrap(restore()), 0);
        db = SkerryDb.open(fault, DB);
        oldState = contents(db);
        int start = fault.mutations();
        transaction(db);
        newState = contents(db);
        db.close();
        mutationsToCover = fault.mutations() - start;
        assertTrue(!same(oldState, newState), "the transaction changes the contents");
        assertTrue(mutationsToCover > 20, "the commit and the checkpoint write: " + mutationsToCover);
    }

    private static MemoryVfs restore() {
        MemoryVfs mem = new MemoryVfs();
        MemFiles.put(mem, DB, snapshot);
        return mem;
    }

    /** The transaction under test; throws when the power fails during it. */
    private static void transaction(Db db) throws Exception {
        Random r = new Random(7);
        db.exec("BEGIN");
        for (int i = 0; i < 40; i++) {
            StringBuilder c = new StringBuilder("k-new" + i + "-");
            int len = i % 17 == 0 ? 2500 : 100 + r.nextInt(400);
            while (c.length() < len) {
                c.append((char) ('a' + r.nextInt(26)));
            }
            byte[] d = new byte[i % 13 == 0 ? 3000 : r.nextInt(40)];
            r.nextBytes(d);
            db.exec("INSERT INTO t(id, a, b, c, d, e) VALUES (?, ?, ?, ?, ?, ?)",
                    10_000L + r.nextInt(1000) * 1000L + i, (long) r.nextInt(900) - 450, r.nextGaussian(),
                    c.toString(), d, i % 2 == 0 ? (Object) (long) i : "e" + i);
        }
        db.exec("UPDATE t SET a = a + 1, e = 'updated' WHERE id % 3 = 0");
        db.exec("UPDATE t SET c = c || '-' || id WHERE id % 4 = 1");
        db.exec("DELETE FROM t WHERE id % 5 = 0");
        db.exec("DELETE FROM u WHERE v % 2 = 0");
        db.exec("INSERT INTO u(k, v, w) VALUES ('crash-1', 1, 'x'), ('crash-2', 2, 'Y')");
        db.exec("CREATE INDEX t_b ON t(b)");
        db.exec("COMMIT");
    }

    private static List<List<List<Object>>> contents(Db db) throws Exception {
        List<List<List<Object>>> out = new ArrayList<>();
        for (String q : CONTENTS) {
            out.add(db.query(q));
        }
        return out;
    }

    private static boolean same(List<List<List<Object>>> a, List<List<List<Object>>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            List<List<Object>> x = a.get(i);
            List<List<Object>> y = b.get(i);
            if (x.size() != y.size()) {
                return false;
            }
            for (int j = 0; j < x.size(); j++) {
                for (int k = 0; k < x.get(j).size(); k++) {
                    if (!Rows.sameValue(x.get(j).get(k), y.get(j).get(k))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @Test
    void powerCutAtEveryMutationLosesUnsyncedWrites() throws Exception {
        crashAtEveryMutation(false);
    }

    @Test
    void tornWriteAtEveryMutationWithPartialLoss() throws Exception {
        crashAtEveryMutation(true);
    }

    /** Crashes at each mutation in turn (and once past the last); both outcomes must occur. */
    private void crashAtEveryMutation(boolean torn) throws Exception {
        int sawNew = 0;
        for (int cut = 1; cut <= mutationsToCover + 1; cut++) {
            sawNew += crashAt(cut, torn) ? 1 : 0;
        }
        assertTrue(sawNew > 0 && sawNew <= mutationsToCover, "new contents after " + sawNew + " of "
                + (mutationsToCover + 1) + " crashes");
    }

    /** One crash at mutation {@code cut}; true when the new contents survived it. */
    private boolean crashAt(int cut, boolean torn) throws Exception {
        String where = (torn ? "torn write, partial loss" : "power cut") + " at mutation " + cut + " of "
                + mutationsToCover;
        MemoryVfs mem = restore();
        FaultVfs fault = new FaultVfs(TestVfs.wrap(mem), cut * 31L + (torn ? 1 : 0));
        SkerryDb db = SkerryDb.open(fault, DB);
        if (torn) {
            fault.tearAt(cut);
        } else {
            fault.powerFailAt(cut);
        }
        boolean committed = false;
        try {
            transaction(db);
            committed = true;
            db.close();
        } catch (SqliteException e) {
            assertTrue(fault.isPoweredOff(), where + ": only the power cut may fail it: " + e);
            db.abandon();
        }
        fault.crash(torn);

        Path copy = dir.resolve("crash-" + cut + (torn ? "t" : "p") + ".db");
        MemFiles.copyOut(mem, DB, copy);
        MemFiles.copyOut(mem, DB + "-wal", Path.of(copy + "-wal"));

        SkerryDb reopened = SkerryDb.open(TestVfs.wrap(mem), DB);
        List<List<List<Object>>> seen = contents(reopened);
        reopened.close();
        boolean isNew = same(newState, seen);
        assertTrue(isNew || same(oldState, seen), where + ": neither the old nor the new contents");
        if (committed) {
            assertTrue(isNew, where + ": COMMIT returned success, yet its changes are gone");
        }
        try (JdbcDb sqlite = new JdbcDb(copy)) {
            assertEquals("ok", sqlite.query("PRAGMA integrity_check").get(0).get(0), where);
            List<List<List<Object>>> bySqlite = contents(sqlite);
            for (int i = 0; i < CONTENTS.length; i++) {
                Rows.assertSame(seen.get(i), bySqlite.get(i), where + ": SQLite vs Skerry: " + CONTENTS[i]);
            }
        }
        Files.deleteIfExists(Path.of(copy + "-wal"));
        Files.deleteIfExists(Path.of(copy + "-shm"));
        Files.delete(copy);
        return isNew;
    }
}
