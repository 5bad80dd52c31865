package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Generated columns in queries against SQLite: outer joins (a VIRTUAL column of a missing row is NULL),
 * correlated subqueries, window functions, DISTINCT, views, collations, the INTEGER PRIMARY KEY in the
 * expression, REPLACE through a UNIQUE generated column, INSERT ... SELECT from the same table.
 */
class GeneratedColumnQueriesSqlTest {
    @Test
    void queries() {
        Differential.assertSame("""
            create table t(id integer primary key, a text collate nocase, v as (coalesce(a, 'none') || id),
                s as (v || '!') stored, n int as (length(a)));
            create index tn on t(n);
            insert into t(a) values('x'), ('Y'), (null), ('x'), ('long');
            create table u(k);
            insert into u values(1), (2), (9);
            select u.k, t.v, t.s, t.n from u left join t on t.id = u.k order by u.k;
            select k, (select v from t where t.id = u.k) from u order by k;
            select id, v, row_number() over (partition by n order by v desc) from t order by id;
            select distinct n from t order by n;
            select n, count(*), group_concat(v) from t group by n order by n;
            select id from t where v = 'X1';
            select id from t where a = 'X' order by id;
            select v from t order by n desc, id limit 2;
            create view w as select id, v, s from t where n > 0;
            select * from w order by id;
            select id from t where n is null;
            delete from t where n = 1 and id > 3;
            select * from t order by id;
            insert into t(a) select a from t where id < 3;
            select * from t order by id;
            update t set id = id + 100 where id = 2;
            select * from t order by id;
            create table r(a, b as (a % 3) unique);
            insert into r values(1), (2), (3);
            insert or replace into r values(4);
            insert or ignore into r values(5);
            select rowid, * from r order by rowid;
            pragma integrity_check;
            """);
    }
}
