package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * RETURNING expressions whose subqueries read the table being changed, against SQLite: they are evaluated
 * for each row right after that row is written or deleted (and before AFTER triggers), so each row's
 * subquery sees the changes made so far; and row-value assignments in UPDATE.
 */
class ReturningSelfReadSqlTest {
    @Test
    void subqueriesSeeTheChangesSoFar() {
        Differential.assertSame("""
            create table t(id integer primary key, val integer, grp integer);
            insert into t values(1, 10, 1), (2, 20, 1), (3, 30, 2);
            update t set val = val + 1 where id < 3 returning id, (select count(*) from t where val >= 21);
            update t set grp = grp + 10 where id in (1, 2) returning id, grp, (select count(*) from t t2 where t2.grp = t.grp);
            insert into t(val, grp) values(5, 1), (6, 1) returning id, (select count(*) from t), (select sum(val) from t);
            insert into t(val, grp) select val, grp from t where id <= 2 returning id, (select max(id) from t);
            delete from t where id < 3 returning id, (select count(*) from t), exists (select 1 from t where id = 1);
            delete from t where id > 4 returning id, val, (select group_concat(id) from t);
            select * from t;
            create table log(x);
            create trigger tr after delete on t begin insert into log values(old.id); end;
            delete from t returning id, (select count(*) from log), (select count(*) from t);
            select * from log;
            insert into t values(1, 1, 1), (2, 2, 2), (3, 3, 3);
            delete from t returning id, (select group_concat(x) from log), (select count(*) from t);
            create trigger tr2 after insert on t begin insert into log values(new.id); end;
            insert into t values(7, 7, 7), (8, 8, 8) returning id, (select group_concat(x) from log), (select count(*) from t);
            create trigger tr3 before insert on t begin insert into log values(-new.id); end;
            insert into t values(9, 9, 9), (10, 10, 10) returning id, (select group_concat(x) from log), (select count(*) from t);
            update t set val = val + 1 returning id, (select group_concat(x) from log), (select sum(val) from t),
                (select count(*) from log where x in (select id from t)), val in (select val from t where id > 8);
            """);
    }

    @Test
    void rowValueAssignments() {
        Differential.assertSame("""
            create table t(id integer, name text, x);
            insert into t values(1, 'test', 0), (2, 'two', 0);
            update t set (id, name) = (2, 'mordor') where id = 1 returning id, name;
            create table a(x);
            insert into a values(1), (2);
            update t set (x, name) = (select 100 + max(x), 'from a' from a) where id = 2 returning *;
            update t set (x, name) = (select count(*), group_concat(t2.id) from t as t2 where t2.x <= t.x) returning *;
            update t set (id, x) = (select * from a where x = t.id) returning *;
            update t set (name, name) = (1, 2) returning *;
            update t set x = 5, (id, name) = (values(7, 'seven')) returning *;
            update t set (id, name) = (1, 2, 3);
            update t set (id, name) = (select 1);
            update t set (id, name) = 5;
            update t set (id, nosuch) = (1, 2);
            update t set (id, name) = (select 1, 2, 3 from a);
            create table rv(a integer primary key, b, c);
            insert into rv values(1, 'x', 'y');
            insert into rv values(1, 'B', 'C') on conflict do update set (b, c) = (excluded.b, excluded.c);
            insert into rv values(1, 'D', 'E') on conflict(a) do update set (a, b) = (excluded.a + 1, excluded.b) returning *;
            select * from rv;
            create view v as select id, name from t;
            create trigger vt instead of update on v begin update t set name = new.name || '!' where id = old.id; end;
            update v set (id, name) = (id, 'via view');
            select * from t;
            """);
    }
}
