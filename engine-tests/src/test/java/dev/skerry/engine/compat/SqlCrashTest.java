package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.pager.Pager;
import dev.skerry.testkit.FaultVfs;
import dev.skerry.testkit.MemFiles;
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
 * Once more on a database whose log is so long that the commit itself checkpoints.
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
    static final String DB = "crash.db";
    static final int PAGE_SIZE = 1024;
    static final int ROWS = 100;
    private static final String[] CONTENTS = {
        "SELECT id, a, b, c, d, e FROM t ORDER BY id",
        "SELECT rowid, k, v, w FROM u ORDER BY rowid",
        "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name",
        "SELECT c, id FROM t WHERE c >= 'k' ORDER BY c",
        "SELECT a, b, id FROM t WHERE a >= -1000 ORDER BY a, b DESC, id",
    };

    /** The files before the transaction, the contents before and after it, the mutations it makes. */
    private static final class Scenario {
        byte[] db;
        byte[] wal;
        List<List<List<Object>>> oldState;
        List<List<List<Object>>> newState;
        int mutations;

        MemoryVfs restore() {
            MemoryVfs mem = new MemoryVfs();
            MemFiles.put(mem, DB, db);
            if (wal != null) {
                MemFiles.put(mem, DB + "-wal", wal);
            }
            return mem;
        }
    }

    /** The transaction on a closed database: its commit, then the checkpoint of the close. */
    private static Scenario closed;
    /** The transaction on an open database whose log is near {@link Pager#AUTO_CHECKPOINT_FRAMES}: its commit checkpoints. */
    private static Scenario nearCheckpoint;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildScenarios() throws Exception {
        closed = scenario(false);
        nearCheckpoint = scenario(true);
    }

    private static Scenario scenario(boolean fullLog) throws Exception {
        Scenario sc = new Scenario();
        MemoryVfs mem = new MemoryVfs();
        SkerryDb db = SkerryDb.create(mem, DB, PAGE_SIZE);
        Workload w = new Workload(99, PAGE_SIZE, ROWS);
        w.createSchema(db);
        w.fill(db);
        if (fullLog) {
            for (long rowid = 1; frames(mem) < Pager.AUTO_CHECKPOINT_FRAMES - 40; rowid = rowid % 20 + 1) {
                db.exec("UPDATE u SET v = v + 1 WHERE rowid = ?", rowid);
            }
            sc.wal = MemFiles.get(mem, DB + "-wal");
            db.abandon();
        } else {
            db.close();
            assertTrue(!mem.exists(DB + "-wal"), "a clean close leaves no log");
        }
        sc.db = MemFiles.get(mem, DB);

        MemoryVfs files = sc.restore();
        FaultVfs fault = new FaultVfs(TestVfs.wrap(files), 0);
        db = SkerryDb.open(fault, DB);
        sc.oldState = contents(db);
        int start = fault.mutations();
        transaction(db);
        if (fullLog) {
            assertTrue(!java.util.Arrays.equals(sc.db, MemFiles.get(files, DB)), "the commit checkpointed");
        }
        sc.newState = contents(db);
        if (!fullLog) {
            db.close();
        }
        sc.mutations = fault.mutations() - start;
        assertTrue(!same(sc.oldState, sc.newState), "the transaction changes the contents");
        assertTrue(sc.mutations > 20, "the commit and the checkpoint write: " + sc.mutations);
        return sc;
    }

    /** Frames in the log of {@code mem} (its length in frames; 0 when absent). */
    private static long frames(MemoryVfs mem) {
        byte[] wal = MemFiles.get(mem, DB + "-wal");
        return wal == null || wal.length < 32 ? 0 : (wal.length - 32) / (24 + PAGE_SIZE);
    }

    /** The transaction under test; throws when the power fails during it. */
    static void transaction(Db db) throws Exception {
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

    static List<List<List<Object>>> contents(Db db) throws Exception {
        List<List<List<Object>>> out = new ArrayList<>();
        for (String q : CONTENTS) {
            out.add(db.query(q));
        }
        return out;
    }

    static boolean same(List<List<List<Object>>> a, List<List<List<Object>>> b) {
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
        crashAtEveryMutation(closed, false);
    }

    @Test
    void tornWriteAtEveryMutationWithPartialLoss() throws Exception {
        crashAtEveryMutation(closed, true);
    }

    @Test
    void crashAtEveryMutationOfACommitThatCheckpoints() throws Exception {
        crashAtEveryMutation(nearCheckpoint, false);
    }

    /** Crashes at each mutation in turn (and once past the last); both outcomes must occur. */
    private void crashAtEveryMutation(Scenario sc, boolean torn) throws Exception {
        int sawNew = 0;
        for (int cut = 1; cut <= sc.mutations + 1; cut++) {
            sawNew += crashAt(sc, cut, torn) ? 1 : 0;
        }
        assertTrue(sawNew > 0 && sawNew <= sc.mutations, "new contents after " + sawNew + " of "
                + (sc.mutations + 1) + " crashes");
    }

    /** One crash at mutation {@code cut}; true when the new contents survived it. */
    private boolean crashAt(Scenario sc, int cut, boolean torn) throws Exception {
        String where = (torn ? "torn write, partial loss" : "power cut") + " at mutation " + cut + " of "
                + sc.mutations;
        MemoryVfs mem = sc.restore();
        boolean committed = CrashRun.run(mem, DB, cut * 31L + (torn ? 1 : 0), cut, torn, where,
                SqlCrashTest::transaction, sc == closed);
        Path copy = CrashRun.copyOut(mem, DB, dir, cut, torn);

        SkerryDb reopened = SkerryDb.open(TestVfs.wrap(mem), DB);
        List<List<List<Object>>> seen = contents(reopened);
        reopened.close();
        boolean isNew = same(sc.newState, seen);
        assertTrue(isNew || same(sc.oldState, seen), where + ": neither the old nor the new contents");
        if (committed) {
            assertTrue(isNew, where + ": COMMIT returned success, yet its changes are gone");
        }
        try (JdbcDb sqlite = new JdbcDb(copy)) {
            FileRoundTrip.assertIntact(sqlite, where);
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
