package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Indexes on expressions ({@code CREATE INDEX i ON t(a+b, lower(c))}) against SQLite: keys computed on every
 * change, UNIQUE violations named {@code index 'i'}, SQLite's checks (non-deterministic functions, subqueries,
 * parameters), {@code index_info}/{@code index_xinfo} cid -2, REINDEX, {@code integrity_check}, UPSERT targets
 * that are expressions, and RENAME/DROP COLUMN with such indexes.
 */
class ExpressionIndexSqlTest {
    @Test
    void keysFollowTheRows() {
        Differential.assertSame("""
            create table t(id integer primary key, a int, b int, c text collate nocase);
            create index e1 on t(a + b, lower(c));
            create unique index e2 on t(c || '!');
            create index e3 on t(id * 2, abs(a) desc);
            select name, sql from sqlite_schema where type = 'index' order by name;
            insert into t values(1, 1, 2, 'Ab'), (2, 3, 0, 'cd'), (3, null, 1, 'EF');
            insert into t values(4, 0, 0, 'AB');
            insert into t values(4, 0, 0, 'gh');
            update t set a = a + 10 where id < 3;
            update t set c = 'CD' where id = 4;
            update t set c = 'zz' where id = 4;
            delete from t where id = 2;
            insert or replace into t values(9, 5, 5, 'AB');
            select * from t order by id;
            select id from t where a + b = 13;
            select id from t where lower(c) = 'ef';
            select id from t where a + b > 3 order by id;
            select id from t where a + b between 1 and 13 order by id;
            select id from t where 13 = a + b;
            select id from t where a + b in (13, 3, 2) order by id;
            select id from t where lower(c) in ('ab', 'ef', 'zz') order by id;
            select id from t where a + b = '13';
            select id from t where lower(c) = 'ab' and id * 2 = 18;
            select id, c from t where c || '!' = 'ab!';
            select x.id, y.id from t x, t y where x.a + x.b = y.id * 2 order by 1, 2;
            pragma index_info(e1);
            pragma index_xinfo(e1);
            pragma index_xinfo(e2);
            pragma index_xinfo(e3);
            pragma index_list(t);
            pragma integrity_check;
            reindex e1;
            reindex t;
            create index e4 on t(((c collate nocase) collate rtrim));
            create index e5 on t((c || 'x' collate nocase) collate rtrim, c collate nocase || 'y');
            pragma index_xinfo(e4);
            pragma index_xinfo(e5);
            reindex rtrim;
            pragma integrity_check;
            """);
    }

    @Test
    void errors() {
        Differential.assertSame("""
            create table t(a, b);
            create index x1 on t(random());
            create index x1 on t(sqlite_version());
            create index x1 on t(a) where last_insert_rowid() = 1;
            create index x2 on t(a + ?);
            create index x3 on t((select 1));
            create index x4 on t(nosuch + 1);
            create index x5 on t(count(a));
            create index x6 on t(coalesce(a, b), b);
            create index x7 on t(a) where changes() > 0;
            create index x8 on t(t.a + 1);
            insert into t values(1, 2), (1, 2);
            create unique index x9 on t(a + b);
            create unique index x10 on t(a - b, a);
            select name from sqlite_schema order by name;
            """);
    }

    @Test
    void upsertOnExpression() {
        Differential.assertSame("""
            create table t(id integer primary key, k text, n int);
            create unique index tk on t(lower(k));
            insert into t values(1, 'Abc', 1);
            insert into t values(2, 'ABC', 1) on conflict(lower(k)) do update set n = n + 1;
            insert into t values(3, 'aBC', 1) on conflict(lower(k)) do nothing;
            insert into t values(4, 'abc', 1) on conflict(k) do nothing;
            insert into t values(5, 'abc', 1);
            select * from t order by id;
            """);
    }

    @Test
    void alterColumns() {
        Differential.assertSame("""
            create table t(a, b, c);
            create index i1 on t(a + b) where c > 0;
            create index i2 on t(lower(c));
            insert into t values(1, 2, 3), (4, 5, -1);
            alter table t rename column a to a2;
            alter table t rename column c to "c c";
            select name, sql from sqlite_schema order by name;
            alter table t drop column a2;
            alter table t drop column b;
            drop index i1;
            alter table t drop column b;
            select * from t;
            select name, sql from sqlite_schema order by name;
            pragma integrity_check;
            """);
    }
}
