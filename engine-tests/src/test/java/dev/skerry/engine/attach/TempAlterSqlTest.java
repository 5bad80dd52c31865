package dev.skerry.engine.attach;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** ALTER TABLE of TEMP tables and of attached databases' tables, and TEMP triggers on main tables, against SQLite. */
class TempAlterSqlTest {
    @Test
    void alterTempTable() {
        Differential.assertSame("""
            create temp table alter_me(a integer, b unique);
            insert into alter_me values (1, 'x');
            alter table alter_me add column c text default 'd';
            insert into alter_me(a, b, c) values (2, 'y', 'z');
            select * from alter_me order by a;
            alter table temp.alter_me rename column a to aa;
            select aa, b, c from alter_me order by aa;
            alter table alter_me rename to renamed;
            select * from renamed order by aa;
            select type, name, tbl_name, sql from temp.sqlite_master order by name;
            alter table renamed drop column c;
            select * from temp.renamed order by aa;
            alter table temp.nosuch add column x;
            alter table nosuch.t add column x;
            pragma temp.integrity_check;
            """);
    }

    @Test
    void alterAttachedTable() {
        Differential.assertSame("""
            attach ':memory:' as aux;
            create table aux.t(a, b);
            create index aux.tb on t(b);
            insert into aux.t values (1, 2), (3, 4);
            alter table aux.t add column c default 9;
            alter table aux.t rename column b to bb;
            alter table aux.t rename to u;
            select * from aux.u order by a;
            select type, name, tbl_name, sql from aux.sqlite_master order by name;
            alter table aux.u drop column c;
            select * from u order by a;
            pragma aux.integrity_check;
            """);
    }

    /** A main table, and a TEMP trigger on a TEMP table that writes to main tables. */
    private static final String TEMP_TRIGGER_ON_MAIN = """
            create table src(a integer primary key, b);
            create table log(v);
            create temp table driver(x);
            insert into src values (1, 500);
            create trigger trig after insert on temp.driver begin
                insert into log select b from src where a = new.x;
            end;
            """;

    @Test
    void tempTriggersOnMainTables() {
        Differential.assertSame(TEMP_TRIGGER_ON_MAIN + """
            select type, name from temp.sqlite_master order by name;
            insert into temp.driver values (1);
            select * from log;
            create trigger main.bad after insert on temp.driver begin select 1; end;
            create temp trigger missing after insert on nosuch begin select 1; end;
            create trigger missing2 after insert on nosuch begin select 1; end;
            create temp trigger tmain after insert on main.src begin insert into log values (new.b); end;
            insert into src values (2, 7);
            select * from log order by v;
            """);
    }

    @Test
    void alterRewritesAndChecksTempTriggers() {
        Differential.assertSame(TEMP_TRIGGER_ON_MAIN + """
            alter table src rename column b to c;
            select sql from temp.sqlite_master where name = 'trig';
            insert into temp.driver values (1);
            select * from log;
            create temp trigger tsel after insert on temp.driver begin
                select (select c from src t where t.a = new.x);
            end;
            alter table src rename column c to d;
            select name, sql from temp.sqlite_master where type = 'trigger' order by name;
            alter table src rename to source;
            select name, tbl_name, sql from temp.sqlite_master where type = 'trigger' order by name;
            insert into temp.driver values (1);
            select * from log;
            create temp trigger tex after insert on temp.driver begin
                select exists(select d from source);
            end;
            alter table source drop column d;
            create temp trigger bad after insert on temp.driver begin
                insert into log select 1 from nosuch;
            end;
            alter table source rename to s2;
            alter table log add column w;
            drop trigger bad;
            alter table source rename to s2;
            alter table temp.driver add column z;
            select name, sql from temp.sqlite_master where type = 'trigger' order by name;
            insert into temp.driver values (1);
            select * from log;
            """);
    }

    @Test
    void tempStoreChangeDropsTheTempDatabase() {
        Differential.assertSame("""
            create temp table a(x);
            insert into a values (1);
            begin;
            pragma temp_store = memory;
            rollback;
            pragma temp_store = 2;
            pragma temp_store;
            select * from temp.sqlite_master;
            select * from a;
            create temp table b(x);
            pragma temp_store = 2;
            select name from temp.sqlite_master;
            begin;
            pragma temp_store = file;
            commit;
            pragma temp_store = file;
            select name from temp.sqlite_master;
            begin;
            pragma temp_store = memory;
            pragma temp_store;
            rollback;
            pragma temp_store;
            """);
    }

    @Test
    void tempTriggerStaysWithAttachedTable() {
        Differential.assertSame("""
            attach ':memory:' as aux;
            create table aux.target(x integer);
            create temp trigger tr after insert on target begin select raise(fail, 'aux table'); end;
            create table main.target(x integer);
            insert into main.target values (1);
            insert into aux.target values (2);
            select * from main.target;
            select count(*) from aux.target;
            drop table main.target;
            select count(*) from temp.sqlite_schema where type = 'trigger';
            drop table aux.target;
            select count(*) from temp.sqlite_schema where type = 'trigger';
            """);
    }

    @Test
    void alterAttachedTableRewritesItsViewsAndTriggers() {
        Differential.assertSame("""
            attach ':memory:' as aux;
            create table aux.t(a, b);
            create table aux.log(v);
            create view aux.v as select b from t;
            create trigger aux.trig after insert on t begin insert into log values (new.b); end;
            alter table aux.t rename column b to c;
            select type, name, tbl_name, sql from aux.sqlite_master order by name;
            insert into aux.t values (1, 7);
            select * from aux.log;
            select * from aux.v;
            alter table aux.t rename to u;
            select type, name, tbl_name, sql from aux.sqlite_master order by name;
            insert into aux.u values (2, 8);
            select * from aux.log order by v;
            create view aux.w as select a from u;
            alter table aux.u drop column a;
            alter table aux.u drop column c;
            drop view aux.w;
            alter table aux.u drop column a;
            alter table aux.log rename column v to vv;
            alter table aux.log rename column vv to ww;
            select type, name, sql from aux.sqlite_master order by name;
            create trigger aux.bad after insert on u begin insert into log select 1 from nosuch; end;
            alter table aux.u rename to x;
            alter table aux.u add column z;
            create table main.u(q);
            alter table aux.u rename to u2;
            alter table aux.u2 rename to u;
            """);
    }

    @Test
    void alterAttachedTableRewritesTempTriggersAndViews() {
        Differential.assertSame("""
            attach ':memory:' as aux;
            create table aux.src(a integer primary key, b);
            create table log(v);
            create temp table driver(x);
            insert into aux.src values (1, 900);
            create trigger trig after insert on temp.driver begin
                insert into log select b from aux.src where a = new.x;
            end;
            alter table aux.src rename column b to c;
            select name, sql from temp.sqlite_master where type = 'trigger';
            insert into temp.driver values (1);
            select * from log;
            create temp view tv as select c from aux.src;
            alter table aux.src rename column c to d;
            select name, sql from temp.sqlite_master where type in ('view', 'trigger') order by name;
            select * from tv;
            alter table aux.src rename to src2;
            select name, sql from temp.sqlite_master where type in ('view', 'trigger') order by name;
            select * from tv;
            drop trigger trig;
            alter table aux.src2 drop column d;
            drop view tv;
            alter table aux.src2 drop column d;
            select sql from aux.sqlite_master;
            """);
    }

    @Test
    void alterMainTableRewritesTempViews() {
        Differential.assertSame("""
            create table t(a, b);
            insert into t values (1, 2);
            create temp view tv as select a, b from t;
            alter table t rename column b to c;
            select name, sql from temp.sqlite_master;
            select * from tv;
            alter table t rename to u;
            select name, sql from temp.sqlite_master;
            select * from tv;
            alter table u drop column c;
            create temp table tt(x, y);
            create temp view tv2 as select y from tt;
            alter table tt rename column y to z;
            select name, sql from temp.sqlite_master order by name;
            alter table tt drop column z;
            drop view tv2;
            create temp trigger ttr after insert on tt begin insert into t values (new.y); end;
            alter table tt rename column y to z;
            alter table tt rename column x to w;
            select name, sql from temp.sqlite_master order by name;
            """);
    }

    @Test
    void viewMayNameOnlyItsOwnDatabase() {
        Differential.assertSame("""
            attach ':memory:' as aux;
            create table t(a, b);
            create table aux.t(a, b);
            create view v as select a, b from aux.t;
            create view v2 as select a from t where b in (select b from aux.t);
            create view "v 3" as select * from (select a from main.t) join aux.t using (a);
            create view aux.v4 as select a from main.t;
            create view aux.v5 as select a from aux.t where exists (select 1 from t);
            create view v6 as select a from nosuch.t;
            create view main.v7 as select a from main.t;
            create temp view v8 as select t.a from aux.t join main.t using (b);
            select type, name from sqlite_master order by name;
            select type, name from aux.sqlite_master order by name;
            select name from temp.sqlite_master;
            """);
    }

    @Test
    void orderByNameOfStarColumnIsAnAliasAndIsNotRenamed() {
        Differential.assertSame("""
            create table s(c1, b);
            create table t(b, c1);
            insert into s values (1, 2), (2, 1);
            insert into t values (5, 6), (3, 7);
            select *, b as b from s order by b;
            select * from s order by b desc;
            select s.* from s order by c1 desc;
            create view v1 as select b from s order by b;
            create view v2 as select c1 from s order by b;
            create view v4 as select s.* from s order by b;
            alter table s rename column b to bb;
            drop view v4;
            alter table s rename column b to bb;
            select name, sql from sqlite_master where type = 'view' order by name;
            create temp table d(n);
            create trigger tr after insert on temp.d begin
                select 1 not in (not exists (select * from s where c1
                    order by bb asc, case when bb then 'x' when bb then 1 end));
            end;
            alter table s rename column bb to b;
            drop trigger tr;
            create trigger tr3 after insert on temp.d begin select (select c1 from s order by bb); end;
            alter table s rename column bb to b;
            select name, sql from temp.sqlite_master where type = 'trigger';
            """);
    }

    @Test
    void integrityCheckCoversEveryDatabase() {
        Differential.assertSame("""
            pragma integrity_check;
            attach ':memory:' as aux;
            pragma integrity_check;
            create table aux.t(a check(a > 0), b not null);
            create index aux.tb on t(b + 1);
            create table m(x check(x < 10));
            create temp table tt(y check(y <> 5));
            insert into aux.t values (1, 2);
            pragma integrity_check;
            pragma ignore_check_constraints = 1;
            insert into aux.t values (-1, 1);
            insert into m values (20);
            insert into tt values (5);
            pragma ignore_check_constraints = 0;
            pragma integrity_check;
            pragma quick_check;
            pragma integrity_check(2);
            pragma integrity_check(1);
            pragma aux.integrity_check;
            pragma main.integrity_check;
            pragma temp.integrity_check;
            pragma temp.quick_check;
            pragma integrity_check(t);
            pragma integrity_check(tt);
            pragma aux.integrity_check(t);
            """);
    }
}
