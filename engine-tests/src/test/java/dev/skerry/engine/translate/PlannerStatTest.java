package dev.skerry.engine.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.testkit.QueryPlans;
import dev.skerry.testkit.SkerryEngine;
import dev.skerry.testkit.SqliteEngine;
import dev.skerry.testkit.TestVfs;
import dev.skerry.vfs.file.FileVfs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a database with statistics in {@code sqlite_stat1} the planner reads them as SQLite does: the same
 * index among several, the same join order, a low-selectivity index left aside, an {@code unordered} index
 * used only for equalities, shown by EXPLAIN QUERY PLAN equal to SQLite's (compared by
 * {@link QueryPlans}), and the same rows. The statistics come from rows inserted by hand (then loaded with
 * {@code ANALYZE sqlite_schema}, as users do), from ANALYZE of filled tables, and from a file SQLite
 * analyzed and Skerry opens.
 */
class PlannerStatTest {
    private static final String TABLES = """
            create table t(a, b, c, d);
            create index ta on t(a);
            create index tb on t(b);
            create index tc on t(c);
            create index tcd on t(c, d);
            create table u(x, y);
            create index ux on u(x);
            create index uy on u(y);
            create table v(p, q);
            create index vp on v(p);
            create table w(k integer primary key, m, n);
            create index wm on w(m);
            create index wn on w(n);
            create table e(f, g);
            create index ef on e(f);
            create table k(a text primary key, b, c);
            create index kb on k(b);
            create table pt(x integer, y text, z);
            create index ptx on pt(x) where x > 0;
            create index pty on pt(y);
            """;

    /** Statistics typed by hand: row counts and selectivities far from the defaults, and malformed rows. */
    private static final String HAND_STATS = """
            analyze t;
            delete from sqlite_stat1 where tbl not in ('big', 'small', 'mid');
            insert into sqlite_stat1 values('t', 'ta', '100000 20000');
            insert into sqlite_stat1 values('t', 'tb', '100000 3');
            insert into sqlite_stat1 values('t', 'tc', '100000 100000');
            insert into sqlite_stat1 values('t', 'tcd', '100000 100000 50');
            insert into sqlite_stat1 values('u', 'ux', '20 2');
            insert into sqlite_stat1 values('u', 'uy', '20 10');
            insert into sqlite_stat1 values('v', 'vp', '500000 4 unordered');
            insert into sqlite_stat1 values('w', null, '7');
            insert into sqlite_stat1 values('w', 'wm', 'x y');
            insert into sqlite_stat1 values('nosuch', 'wn', '5 5');
            insert into sqlite_stat1 values('e', 'ef', null);
            insert into sqlite_stat1 values('e', 'nosuch', '12');
            insert into sqlite_stat1 values('k', 'k', '50000 1');
            insert into sqlite_stat1 values('k', 'kb', '50000 25000');
            insert into sqlite_stat1 values('pt', 'ptx', '40 2');
            insert into sqlite_stat1 values('pt', 'pty', '100000 5000');
            analyze sqlite_schema;
            """;

    private static final String[] QUERIES = {
        "select * from t where a = 1",
        "select * from t where b = 1",
        "select * from t where a = 1 and b = 2",
        "select * from t where c = 1",
        "select * from t where c = 1 and d = 2",
        "select * from t where a = 1 and c = 2",
        "select * from t where a > 1",
        "select * from t where b > 1 and b < 9",
        "select * from t order by b",
        "select b from t order by b",
        "select * from u where x = 1",
        "select * from u where x = 1 and y = 2",
        "select * from u where y > 3",
        "select * from u",
        "select * from v where p = 1",
        "select * from v where p > 1",
        "select * from v where p between 1 and 5",
        "select * from v order by p",
        "select p from v",
        "select * from w where m = 1",
        "select * from w where n = 1",
        "select * from w where m = 1 and n = 2",
        "select * from w where k > 5",
        "select * from e where f = 1",
        "select * from t, u where t.a = u.x",
        "select * from u, t where t.a = u.x",
        "select * from t, u where t.b = u.y",
        "select * from u, v where u.x = v.p",
        "select * from v, u where u.x = v.p",
        "select * from u, v where u.y = v.q",
        "select * from t, u, v where t.b = u.x and u.y = v.p",
        "select * from v, w where v.p = w.m",
        "select * from w, u where w.m = u.x",
        "select * from u, w where w.k = u.x",
        "select * from t, w where t.c = w.n",
        "select * from e, u where e.g = u.y",
        "select * from k where a = 1",
        "select * from k where b = 1",
        "select * from k where b = 1 and c = 2",
        "select * from k, u where k.b = u.x",
        "select * from u, k where k.a = u.y",
        "select * from pt where x = 5",
        "select * from pt where x = 5 and y = 'a'",
        "select * from pt where x > 3 and y = 'a'",
        "select * from pt, u where pt.y = u.x",
        "select * from t where a in (1, 2, 3)",
        "select * from u where x in (1, 2) and y = 3",
        "select * from t where a = 1 or b = 2",
        "select count(*) from t, u, v, w where t.a = u.x and u.y = v.p and v.q = w.m",
    };

    @Test
    void handTypedStatisticsPlanAsSqlites() {
        try (SqliteEngine sqlite = new SqliteEngine(); SkerryEngine skerry = new SkerryEngine()) {
            QueryPlans.load(sqlite, skerry, TABLES);
            List<String> before = new ArrayList<>();
            for (String q : QUERIES) {
                before.add(QueryPlans.plan(sqlite, q).toString());
            }
            QueryPlans.load(sqlite, skerry, HAND_STATS);
            assertEquals("", QueryPlans.differences(sqlite, skerry, QUERIES, false));
            int changed = 0;
            for (int i = 0; i < QUERIES.length; i++) {
                if (!before.get(i).equals(QueryPlans.plan(sqlite, QUERIES[i]).toString())) {
                    changed++;
                }
            }
            // The statistics matter: many of these plans are not the ones SQLite makes without them.
            assertTrue(changed >= 12, "plans changed by the statistics: " + changed);
        }
    }

    /** DROP INDEX and DROP TABLE remove their rows from sqlite_stat1; the others keep planning as SQLite's. */
    @Test
    void droppingRemovesStatisticsRows() {
        try (SqliteEngine sqlite = new SqliteEngine(); SkerryEngine skerry = new SkerryEngine()) {
            QueryPlans.load(sqlite, skerry, TABLES + HAND_STATS + """
                    drop index tb;
                    drop table u;
                    select * from sqlite_stat1;
                    create table u(x, y);
                    create index ux on u(x);
                    select * from sqlite_stat1;
                    """);
            assertEquals("", QueryPlans.differences(sqlite, skerry, QUERIES, false));
        }
    }

    /**
     * Tables filled with skewed data, then ANALYZE on each engine; the rows must also agree. sqlite-jdbc's
     * SQLite is built with STAT4, which Skerry neither writes nor reads: its {@code sqlite_stat4} is dropped
     * and SQLite's connection opened again, so that both plan from {@code sqlite_stat1} alone.
     */
    static final String FILLED = """
            create table big(id integer primary key, grp, tag, val);
            create index big_grp on big(grp);
            create index big_tag on big(tag);
            create index big_gv on big(grp, val);
            create table small(s integer primary key, name, kind);
            create index small_kind on small(kind);
            create table mid(id integer primary key, small_id, big_id, flag);
            create index mid_small on mid(small_id);
            create index mid_big on mid(big_id);
            create index mid_flag on mid(flag);
            with recursive n(i) as (select 1 union all select i + 1 from n where i < 3000)
              insert into big select i, i % 3, i % 997, i % 50 from n;
            with recursive n(i) as (select 1 union all select i + 1 from n where i < 12)
              insert into small select i, 'n' || i, i % 2 from n;
            with recursive n(i) as (select 1 union all select i + 1 from n where i < 800)
              insert into mid select i, i % 12 + 1, i * 3, i % 2 from n;
            analyze;
            drop table if exists sqlite_stat4;
            """;

    private static final String[] FILLED_QUERIES = {
        "select * from big where grp = 1 and tag = 5",
        "select * from big where grp = 2",
        "select count(*) from big where tag = 17",
        "select * from big where grp = 1 and val = 7",
        "select * from big where grp = 1 and val > 40",
        "select * from big where tag > 990",
        "select * from small where kind = 1",
        "select * from mid where flag = 1",
        "select * from mid where flag = 1 and small_id = 3",
        "select * from mid where big_id = 300",
        "select s, name, mid.id from small, mid where mid.small_id = small.s and small.name = 'n3'",
        "select mid.id, big.val from mid, big where mid.big_id = big.id and mid.flag = 0 and mid.small_id = 2",
        "select big.id from big, small where big.grp = small.kind and small.s = 3",
        "select count(*) from big, mid where big.tag = mid.small_id",
        "select count(*) from small, mid, big where small.s = mid.small_id and mid.big_id = big.id and big.grp = 1",
    };

    @TempDir
    Path dir;

    @Test
    void analyzedTablesPlanAsSqlites() {
        String file = dir.resolve("filled.db").toString();
        try (SkerryEngine skerry = new SkerryEngine()) {
            try (SqliteEngine sqlite = new SqliteEngine(file)) {
                QueryPlans.load(sqlite, skerry, FILLED);
            }
            try (SqliteEngine sqlite = new SqliteEngine(file)) {
                assertEquals(sqlite.run("select * from sqlite_stat1 order by 1, 2").toString(),
                        skerry.run("select * from sqlite_stat1 order by 1, 2").toString());
                assertEquals("", QueryPlans.differences(sqlite, skerry, FILLED_QUERIES, true));
            }
        }
    }

    /** A file SQLite filled and analyzed plans in Skerry as in SQLite. */
    @Test
    void sqliteAnalyzedFilePlansAsSqlites() {
        String file = dir.resolve("analyzed.db").toString();
        try (SqliteEngine sqlite = new SqliteEngine(file)) {
            sqlite.runScript(FILLED + TABLES + HAND_STATS + "drop table sqlite_stat4;");
        }
        try (SqliteEngine sqlite = new SqliteEngine(file);
                SkerryEngine skerry = new SkerryEngine(TestVfs.wrap(new FileVfs()), file)) {
            List<String> all = new ArrayList<>(List.of(QUERIES));
            all.addAll(List.of(FILLED_QUERIES));
            assertEquals("", QueryPlans.differences(sqlite, skerry, all.toArray(new String[0]), true));
        }
    }
}
