package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Error messages of schema statements and of WITH clauses, against SQLite: names echoed as written in
 * "already exists", indexes on views, TEMP trigger targets, duplicate and circular CTEs, CTEs that do not
 * leak into views, arguments given to a CTE, table or view.
 */
class SchemaErrorSqlTest {
    @Test
    void alreadyExistsEchoesTheNameAsWritten() {
        Differential.assertSame("""
            create table test2(a);
            create table test2(a);
            create table "test2"(a);
            create table [test2](a);
            create table `test2`(a);
            create table main."test2"(a);
            create table "TEST2" (a);
            create table "te""st"(a);
            create table "te""st"(a);
            create view v as select 1;
            create view "v" as select 1;
            create view [V] as select 1;
            create table "v"(a);
            create view "test2" as select 1;
            create trigger trg after insert on test2 begin select 1; end;
            create trigger "trg" after insert on test2 begin select 1; end;
            create trigger [trg] after insert on test2 begin select 1; end;
            create index "idx1" on test2(a);
            create index "idx1" on test2(a);
            create table "idx1"(a);
            create index "test2" on test2(a);
            create temp table "tt"(a);
            create temp table [tt](a);
            create temp view tv as select 1;
            create temp view "tv" as select 1;
            """);
    }

    @Test
    void indexesOnViewsAndTriggersOnMissingTables() {
        Differential.assertSame("""
            create table t(a);
            create view v as select 1 as x;
            create index i1 on v(x);
            create index i1 on "v"(x);
            create index i1 on main.v(x);
            create temp view tv as select 1 as x;
            create index i2 on tv(x);
            create index temp.i2 on tv(x);
            create index i3 on nosuch(a);
            create index i3 on NoSuch(a);
            create trigger trg after insert on nosuch begin select 1; end;
            create temp trigger trg after insert on nosuch begin select 1; end;
            create temp trigger trg after insert on "NoSuch" begin select 1; end;
            create temp trigger trg after insert on main.nosuch begin select 1; end;
            create trigger temp.trg after insert on nosuch begin select 1; end;
            """);
    }

    @Test
    void duplicateAndCircularCommonTableExpressions() {
        Differential.assertSame("""
            create table t(x);
            insert into t values('from_table');
            with t as (select 1), t as (select 2) select * from t;
            with a as (select 1), b as (select 2), A as (select 3) select * from b;
            with a as (select 1), b as (select * from a), a as (select 2) select 1;
            create view dup as with c as (select 1), c as (select 2) select * from t;
            select name from sqlite_schema;
            with t as (select 1), t as (select 2) select * from nosuch;
            with v as (select * from v) select * from v;
            with t as (select * from t) select * from t;
            with t as (select (select x from t) x) select * from t;
            with a as (select * from b), b as (select * from a) select * from a;
            with a as (select * from b), b as (select 1 as y) select * from a;
            with x as (select * from y), y as (select * from t) select * from x;
            with q as (select 1) select * from t where x in (with q as (select * from q) select * from q);
            with a as (select 1 as n) select * from (with a as (select 2 as n) select * from a);
            with a as (select 5 as n) select * from (with b as (select * from a) select * from b);
            with a(n) as (select 1 union all select n + 1 from a where n < 4) select * from a;
            with a as (select * from a union all select 1 limit 3) select * from a;
            with recursive a(n) as (select 1 union all select n + 1 from a where n < 3) select * from a;
            """);
    }

    @Test
    void commonTableExpressionsDoNotLeakIntoViews() {
        Differential.assertSame("""
            create table t(x);
            insert into t values('from_table');
            create view v as select * from t;
            with t as (select 'from_cte' as x) select * from v;
            with t as (select 'from_cte' as x) select * from v, t as w;
            create view w as with c as (select 'in_view' as y) select y from c;
            with c as (select 'outer' as y) select * from w, c;
            create view u as select * from c;
            with c as (select 1 as y) select * from u;
            with t as (select 'from_cte' as x) select (select x from v) from t;
            create view m1 as select * from nosuch;
            select * from m1;
            create temp view m2 as select * from nosuch;
            select * from m2;
            create view m3 as select * from (select * from nosuch);
            select * from m3;
            create view m4 as select (select 1 from nosuch);
            select * from m4;
            """);
    }

    @Test
    void argumentsGivenToCteTableOrView() {
        Differential.assertSame("""
            create table not_a_function(a);
            create view vf as select 1 as a;
            with cte1(x) as (values(1)) select * from cte1(7);
            select * from not_a_function(5);
            select * from vf(1, 2);
            create view pv as select ?;
            create view pv as select :a, 1;
            create view pv as select (select ?1) from not_a_function;
            create view vf as select ?;
            create view pv as select 1 garbage garbage;
            select name from sqlite_schema order by name;
            select * from main.not_a_function(5);
            select * from nosuch(5);
            """);
    }

    @Test
    void defaultValuesMustBeConstant() {
        Differential.assertSame("""
            create table t7(x, y default ("x"));
            create table t8(x, y default ("zz"));
            create table t9(x, y default ("x" || 'a'));
            create table t10(x, y default "x");
            insert into t10(x) values(1);
            select * from t10;
            create table t11(x, y default (x));
            create table t12(x, "y y" default ("y y"));
            create table t13(x default (t13.y), y);
            create table t14(x, y default (true), z default (false), w default ("true"));
            create table t15(x, y default ((select 1)));
            create table t16(x, y default (?));
            create table t17(x, y default (max(1, 2)), z default (random() is not null), w default (abs(-3)));
            insert into t17(x) values(1);
            select * from t17;
            create table t18(x, y default (exists (select 1)));
            create table t19(x, y default (1 in (select 1)));
            create table t20(x, y default (coalesce(null, 'a' collate nocase)));
            insert into t20(x) values(1);
            select * from t20;
            create table t21(x, y default (row_number() over ()));
            create table t22(x, y default (case when 1 then x end));
            create table t23(x, y default (-"x"));
            create table t24(x, y default (true));
            insert into t24(x) values(1);
            select * from t24;
            select name from sqlite_schema order by name;
            """);
    }

    @Test
    void notNullWithReplaceAndNullDefault() {
        Differential.assertSame("""
            create table t(id integer primary key, c blob not null default (null));
            insert into t values(1, x'aa');
            update or replace t set c = null;
            insert or replace into t values(2, null);
            select id, hex(c) from t order by id;
            create table u(id integer primary key, c integer not null default 7);
            insert into u values(1, 100);
            update or replace u set c = null;
            insert or replace into u values(2, null);
            select * from u order by id;
            create table w(id integer primary key, c not null on conflict replace);
            insert into w values(1, null);
            insert into w values(2, 5);
            update w set c = null;
            select * from w order by id;
            create table x(id integer primary key, c not null on conflict replace default (null || 'a'));
            insert into x values(1, null);
            select * from x;
            """);
    }

    @Test
    void returningNamesTheTableNotTheAlias() {
        Differential.assertSame("""
            create table t(id integer primary key, parent integer, label text);
            insert into t values(1, null, 'root'), (2, 1, 'child');
            update t as child set label = label || '!' returning child.id, child.parent, child.label;
            update t as child set label = 'x' returning t.id, t.label;
            update t as child set label = 'y' where child.id = 1 returning (select child.id);
            update t as child set label = 'z' returning (select count(*) from t t2 where t2.parent = child.parent);
            update t as child set label = 'z' returning (select count(*) from t t2 where t2.parent = t.parent);
            update t as child set label = parent.label || '>' || child.label from t as parent
                where child.parent = parent.id returning child.id, child.label;
            update t as child set label = parent.label || '>' || child.label from t as parent
                where child.parent = parent.id returning t.id, t.label;
            delete from t as c where c.id = 5 returning c.id;
            insert into t as c values(9, 9, 9) returning c.id;
            insert into t as c values(10, 9, 9) on conflict do nothing returning t.id;
            insert into t as c values(10, 9, 9) on conflict(id) do update set label = c.label || excluded.label
                returning t.id, t.label;
            insert into t as c values(10, 9, 9) on conflict(id) do update set label = t.label;
            insert into t as c values(10, 9, 9) on conflict(id) do update set label = 'q' where t.id = 10;
            insert into t as c values(10, 9, 9) on conflict(id) do update set label = 'q' where c.id = 10;
            delete from t as x where x.id = 10 returning t.id, t.label;
            select * from t order by id;
            create view v as select id, label from t;
            create trigger vi instead of insert on v begin insert into t(id, label) values(new.id, new.label); end;
            create trigger vu instead of update on v begin update t set label = new.label where id = old.id; end;
            create trigger vd instead of delete on v begin delete from t where id = old.id; end;
            insert into v as x values(20, 'v') returning x.id;
            insert into v as x values(20, 'v') returning v.id, v.label;
            update v as x set label = 'w' where id = 20 returning x.label;
            update v as x set label = 'w' where id = 20 returning v.label;
            delete from v as x where id = 20 returning x.id;
            delete from v as x where id = 20 returning v.id;
            """);
    }

    @Test
    void explicitNullsOrderRefusedInIndexesAndUpsertTargets() {
        Differential.assertSame("""
            create table u(a unique, b);
            create index i on u(a nulls first);
            create index i on u(a desc nulls first);
            create index i on u(a desc nulls last);
            create index i on u(a asc nulls last, b);
            create index i on nosuch(a nulls first);
            create index i on u(a, b nulls first) where a > 0;
            create table p(a, primary key(a nulls first));
            create table p2(a, unique(a desc nulls last));
            create table p3(a integer, primary key(a nulls last));
            create table p4(a, b, unique(a, b nulls first), primary key(b nulls last));
            create table u(x, unique(x nulls first));
            insert into u values(1, 1) on conflict(a nulls first) do nothing;
            insert into u values(1, 1) on conflict(a nulls last) do nothing;
            insert into u values(1, 1) on conflict(a desc nulls first) do nothing;
            insert into u values(1, 1) on conflict(b nulls first) do nothing;
            insert into nosuch values(1) on conflict(a nulls first) do nothing;
            insert into u values(1, 1) on conflict(a nulls first) where a > 0 do update set b = 2;
            insert into u values(1, 1) on conflict(a asc) do nothing;
            insert into u values(1, 1) on conflict(a) do nothing on conflict(a nulls last) do nothing;
            create table w(a primary key, b unique);
            insert into w values(1, 1) on conflict(a) do nothing on conflict(b nulls last) do nothing;
            select * from u;
            select * from w;
            select name from sqlite_schema order by name;
            """);
    }
}
