package dev.skerry.engine.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.testkit.DeferredVfs;
import dev.skerry.testkit.Outcome;
import dev.skerry.testkit.SkerryEngine;
import dev.skerry.testkit.SqliteEngine;
import dev.skerry.testkit.TestVfs;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.io.VfsFile;
import java.util.ArrayList;
import java.util.List;
import dev.skerry.vfs.memory.MemoryVfs;
import org.junit.jupiter.api.Test;

/**
 * The sorter spills sorted runs to a temporary file when its records exceed the sort memory limit, and
 * merges them: with a limit of a few kilobytes, sorts of 60,000 rows (ORDER BY on integer, text, NOCASE,
 * DESC and mixed-type keys; GROUP BY; CREATE INDEX, plain and UNIQUE) give exactly SQLite's rows, under the
 * suite's VFS (inline, or deferred with reads completing in random order), and the temporary files are gone
 * afterwards.
 */
class ExternalSortTest {
    private static final String[] FILL = {
        "create table big(x integer primary key, k integer, t text, m)",
        "insert into big with recursive s(i) as (select 1 union all select i + 1 from s where i < 60000) "
            + "select i, (i * 7919) % 10007, "
            + "substr('qWeRtYuIoPaSdFgHjKlZxCvBnM', (i * 13) % 26 + 1, (i % 5) + 1) || ((i * 31) % 977), "
            + "case i % 4 when 0 then null when 1 then (i * 17) % 101 when 2 then 'v' || (i % 53) else (i % 29) * 0.5 end "
            + "from s",
    };

    private static final String[] QUERIES = {
        "select x, k from big order by k, x",
        "select x from big order by k desc, x desc",
        "select t, x from big order by t collate nocase, x",
        "select m, x from big order by m, x",
        "select k % 3000 as g, count(*), sum(x), min(t) from big group by g order by g",
        "select t collate nocase as g, count(*) from big group by g order by 2 desc, 1 limit 50",
        "create index big_k on big(k, t)",
        "select k, t, x from big indexed by big_k where k between 100 and 140 order by k, t",
        "select count(*), min(k), max(k) from big indexed by big_k",
        "create unique index big_u on big(t, x)",
        "select t, x from big indexed by big_u where t >= 'q' order by t, x limit 200",
        "create unique index big_bad on big(k)",
        "select count(*) from sqlite_schema where name = 'big_bad'",
    };

    @Test
    void spilledSortsMatchSqliteAndLeaveNoTemporaryFile() {
        MemoryVfs files = new MemoryVfs();
        List<String> opened = new ArrayList<>();
        Vfs recording = new Vfs() {
            @Override
            public VfsFile open(String path, int flags) {
                opened.add(path);
                return files.open(path, flags);
            }

            @Override
            public Completion delete(String path) {
                return files.delete(path);
            }

            @Override
            public boolean runPendingIo() {
                return false;
            }
        };
        Vfs vfs = TestVfs.deferred() ? new DeferredVfs(recording, new java.util.Random(7)) : recording;
        try (SqliteEngine sqlite = new SqliteEngine(); SkerryEngine skerry = new SkerryEngine(vfs)) {
            skerry.connection().setSortMemoryLimit(8 * 1024);
            for (String sql : FILL) {
                assertEquals(sqlite.run(sql), skerry.run(sql), sql);
            }
            for (String sql : QUERIES) {
                Outcome want = sqlite.run(sql);
                Outcome got = skerry.run(sql);
                assertEquals(want, got, sql);
            }
            assertFalse(files.exists("differential.db-sort1"), "temporary file of the first sort deleted");
            assertTrue(sqlite.run("select count(*) from big").equals(skerry.run("select count(*) from big")));
        }
        int temporary = 0;
        for (String path : opened) {
            if (path.startsWith("differential.db-sort")) {
                temporary++;
                assertFalse(files.exists(path), path + " deleted");
            }
        }
        assertTrue(temporary >= QUERIES.length - 4, "the sorts spilled: " + opened);
    }
}
