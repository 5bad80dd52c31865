package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.testkit.FaultVfs;
import dev.skerry.testkit.MemFiles;
import dev.skerry.testkit.TestVfs;
import dev.skerry.vfs.memory.MemoryVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * VACUUM is crash-safe as any commit: a database with free pages is vacuumed and closed (the commit through
 * the log, then the checkpoint that shrinks the file); the power fails at each write, truncate and sync in
 * turn (unsynced writes lost, or torn). After the reboot Skerry finds the same rows and either the old file
 * (free pages) or the vacuumed one (none), the vacuumed one whenever VACUUM had returned; SQLite, given the
 * files as the crash left them, finds the same rows and {@code PRAGMA integrity_check} is ok.
 */
class VacuumCrashTest {
    private static final String DB = "vacuum-crash.db";
    private static final String[] CONTENTS = {
        "select id, a, b, length(c) from t order by id",
        "select x, y from plain order by x",
        "select b, id from t where b > 'text-001' order by b",
        "select type, name, tbl_name, sql from sqlite_schema order by name",
    };

    private static byte[] image;
    private static List<List<List<Object>>> rows;
    private static long freeBefore;
    private static int mutations;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() throws Exception {
        MemoryVfs mem = new MemoryVfs();
        SkerryDb db = SkerryDb.open(mem, DB);
        db.exec("create table t(id integer primary key, a int, b text, c blob)");
        db.exec("create index t_b on t(b)");
        db.exec("create table plain(x, y)");
        db.exec("with recursive n(i) as (select 1 union all select i + 1 from n where i < 400) "
                + "insert into t select i, i % 7, printf('text-%06d', i * 31 % 401), zeroblob(i % 900) from n");
        db.exec("insert into plain select id, b from t");
        db.exec("delete from t where id % 5 <> 0");
        db.exec("delete from plain where x % 3 = 0");
        freeBefore = (Long) db.query("pragma freelist_count").get(0).get(0);
        rows = contents(db);
        db.close();
        image = MemFiles.get(mem, DB);
        assertTrue(freeBefore > 20, "free pages before: " + freeBefore);

        MemoryVfs files = restore();
        FaultVfs fault = new FaultVfs(TestVfs.wrap(files), 0);
        db = SkerryDb.open(fault, DB);
        int start = fault.mutations();
        db.exec("vacuum");
        db.close();
        mutations = fault.mutations() - start;
        assertTrue(mutations > 5, "VACUUM and the close write: " + mutations);
    }

    private static MemoryVfs restore() {
        MemoryVfs mem = new MemoryVfs();
        MemFiles.put(mem, DB, image);
        return mem;
    }

    private static List<List<List<Object>>> contents(Db db) throws Exception {
        List<List<List<Object>>> out = new ArrayList<>();
        for (String q : CONTENTS) {
            out.add(db.query(q));
        }
        return out;
    }

    @Test
    void powerCutAtEveryMutation() throws Exception {
        crashAtEveryMutation(false);
    }

    @Test
    void tornWriteAtEveryMutation() throws Exception {
        crashAtEveryMutation(true);
    }

    private void crashAtEveryMutation(boolean torn) throws Exception {
        int sawNew = 0;
        for (int cut = 1; cut <= mutations + 1; cut++) {
            sawNew += crashAt(cut, torn) ? 1 : 0;
        }
        assertTrue(sawNew > 0 && sawNew <= mutations, "vacuumed after " + sawNew + " of " + (mutations + 1) + " crashes");
    }

    /** One crash at mutation {@code cut}; true when the vacuumed database survived it. */
    private boolean crashAt(int cut, boolean torn) throws Exception {
        String where = (torn ? "torn write" : "power cut") + " at mutation " + cut + " of " + mutations;
        MemoryVfs mem = restore();
        boolean vacuumed = CrashRun.run(mem, DB, cut * 17L + (torn ? 1 : 0), cut, torn, where,
                db -> db.exec("vacuum"), true);
        Path copy = CrashRun.copyOut(mem, DB, dir, cut, torn);

        SkerryDb reopened = SkerryDb.open(TestVfs.wrap(mem), DB);
        long free = (Long) reopened.query("pragma freelist_count").get(0).get(0);
        List<List<List<Object>>> seen = contents(reopened);
        assertEquals(List.of(List.of("ok")), reopened.query("pragma integrity_check"), where);
        reopened.close();
        assertTrue(free == 0 || free == freeBefore, where + ": " + free + " free pages");
        if (vacuumed) {
            assertEquals(0, free, where + ": VACUUM returned, yet the old file is back");
        }
        for (int i = 0; i < CONTENTS.length; i++) {
            Rows.assertSame(rows.get(i), seen.get(i), where + ": " + CONTENTS[i]);
        }
        try (JdbcDb sqlite = new JdbcDb(copy)) {
            assertEquals("ok", sqlite.query("pragma integrity_check").get(0).get(0), where);
            for (int i = 0; i < CONTENTS.length; i++) {
                Rows.assertSame(rows.get(i), sqlite.query(CONTENTS[i]), where + ": SQLite: " + CONTENTS[i]);
            }
        }
        Files.deleteIfExists(Path.of(copy + "-wal"));
        Files.deleteIfExists(Path.of(copy + "-shm"));
        Files.delete(copy);
        return free == 0;
    }
}
