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
            select * from main.not_a_function(5);
            select * from nosuch(5);
            """);
    }
}
