package dev.skerry.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.testkit.Differential;
import dev.skerry.testkit.QueryPlans;
import org.junit.jupiter.api.Test;

/**
 * Partial indexes ({@code CREATE [UNIQUE] INDEX … WHERE}) against SQLite: stored text, entries kept only for
 * matching rows through INSERT, UPDATE, DELETE, REPLACE and UPSERT, UNIQUE among matching rows, UPSERT targets
 * with WHERE, the planner's use only when the query implies the WHERE, {@code index_list}, {@code integrity_check}.
 */
class PartialIndexSqlTest {
    @Test
    void maintenanceAndUniqueness() {
        Differential.assertSame("""
            create table t(id integer primary key, a int, b text, active int);
            create unique index ta on t(a) where active = 1;
            create index tb on t(b) where b is not null and a > 0;
            select type, name, tbl_name, sql from sqlite_schema order by name;
            insert into t values(1, 10, 'x', 1), (2, 10, 'y', 0), (3, 20, null, 1);
            insert into t values(4, 10, 'z', 1);
            insert into t values(4, 10, 'z', 0);
            update t set active = 1 where id = 2;
            update t set active = 1, a = 11 where id = 2;
            update t set a = 10 where id = 4;
            update t set active = 1 where id = 4;
            delete from t where id = 1;
            update t set active = 1 where id = 4;
            insert or replace into t values(5, 11, 'w', 1);
            insert or ignore into t values(6, 11, 'w', 1);
            select * from t order by id;
            select count(*) from t indexed by ta where active = 1;
            select a from t where active = 1 order by a;
            select b from t where b is not null and a > 0 order by b;
            pragma index_list(t);
            pragma index_info(ta);
            pragma index_xinfo(tb);
            pragma integrity_check;
            reindex ta;
            pragma integrity_check;
            drop index tb;
            pragma integrity_check;
            """);
    }

    @Test
    void createIndexErrors() {
        Differential.assertSame("""
            create table t(a, b);
            insert into t values(1, 1), (1, 2), (2, 1);
            create unique index u1 on t(a) where b = 1;
            create unique index u2 on t(a) where b > 0;
            create index e1 on t(a) where b = ?;
            create index e2 on t(a) where b in (select 1);
            create index e3 on t(a) where random() > 0;
            create index e4 on t(a) where c = 1;
            create index e5 on t(a) where max(b) = 1;
            create index e6 on t(a) where nosuch(b) = 1;
            create index e7 on t(a) where x.b = 1;
            create index e8 on t(a) where abs(b, 1) = 1;
            select name from sqlite_schema order by name;
            pragma integrity_check;
            """);
    }

    @Test
    void upsertTargets() {
        Differential.assertSame("""
            create table t(id integer primary key, k text, v int, live int);
            create unique index tk on t(k) where live = 1;
            insert into t values(1, 'a', 1, 1), (2, 'a', 2, 0);
            insert into t values(3, 'a', 3, 1) on conflict(k) where live = 1 do update set v = v + excluded.v;
            insert into t values(4, 'a', 3, 1) on conflict(k) do update set v = 0;
            insert into t values(5, 'a', 3, 1) on conflict(k) where live = 2 do nothing;
            insert into t values(6, 'a', 9, 1) on conflict do nothing;
            insert into t values(7, 'a', 9, 0) on conflict(k) where live = 1 do nothing;
            select * from t order by id;
            pragma integrity_check;
            """);
    }

    @Test
    void plannerUsesOnlyImpliedIndexes() {
        Differential.assertSame("""
            create table t(a int, b int, c int);
            create index ib on t(a) where b = 1;
            create index inn on t(c) where c is not null;
            create index ior on t(a) where b = 2 or b = 3;
            insert into t values(1, 1, 5), (1, 2, null), (2, 3, 7), (3, 1, null), (1, 0, 8);
            select a, b from t where a = 1 order by b;
            select a, b from t where a = 1 and b = 1;
            select a, b from t where b = 1 and a = 1;
            select a, c from t where c > 4 order by c;
            select a, c from t where c = 7;
            select a, c from t where c between 5 and 7 order by c;
            select a, c from t where c in (5, 8) order by c;
            select a, c from t where c + 1 = 8;
            select a, c from t where c is null order by a;
            select a, b from t where a = 1 and b = 2;
            select a, b from t where a = 2 and b = 3;
            select count(*) from t where a = 1 or b = 1;
            select x.a from t x left join t y on y.a = x.a and y.b = 1 order by 1;
            select * from t indexed by ib where a = 1;
            select * from t indexed by ib where a = 1 and b = 1;
            select * from t indexed by inn where c > 0 order by c;
            """);
    }

    /** {@code SELECT count(*) FROM t} counts the table whatever INDEXED BY names, as SQLite's isSimpleCount. */
    @Test
    void countStarIgnoresIndexedBy() {
        Differential.assertSame("""
            create table t(id int, m int);
            create index tp on t(id) where m is null;
            create index tm on t(m);
            insert into t values (1, null), (2, 5), (3, null);
            select count(*) from t indexed by tp;
            select count(*) from t indexed by tm;
            select count(*) from t not indexed;
            select count(*), 1 from t indexed by tp;
            select count(*) from t indexed by tp where id > 0;
            select count(id) from t indexed by tp;
            select count(*) from t indexed by tp where m is null;
            """);
        assertEquals("", QueryPlans.differences("""
            create table t(id int, m int);
            create index tp on t(id) where m is null;
            create index tm on t(m);
            """, new String[] {"select count(*) from t indexed by tp", "select count(*) from t not indexed"}));
    }
}
