package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Cases taken from Turso's conformance files about triggers, TEMP objects and REINDEX
 * ({@code shared/corpus/turso-sqltest}), checked against SQLite rather than against the files' expectations.
 */
class TriggerCorpusSqlTest {
    @Test
    void beforeUpdateWithCorrelatedSubquery() {
        Differential.assertSame("""
            create table t(id int primary key, val int);
            create table log(x text);
            create trigger tr before update on t begin insert into log values('before'); end;
            insert into t values(1, 100), (2, 200), (3, 300);
            update t set val = (select sum(t2.val) from t t2 where t2.id != t.id) where id <= 2;
            select * from t order by id;
            update t set val = (select sum(t2.val) from t t2 where t2.id != t.id);
            select * from t order by id;
            update t set val = (select sum(val) from t) where id <= 2;
            select * from t order by id;
            update t set val = 'b' where '';
            select count(*) from log;
            """);
    }

    @Test
    void beforeInsertAffinity() {
        Differential.assertSame("""
            create table t2(a real, b text, c integer, d numeric);
            create table log2(type_a, type_b, type_c, type_d, val_a, val_b, val_c, val_d);
            create trigger tr2 before insert on t2 begin
              insert into log2 values(typeof(new.a), typeof(new.b), typeof(new.c), typeof(new.d), new.a, new.b, new.c, new.d);
            end;
            insert into t2 values(42, 123, '456', '789.0');
            insert into t2 values(null, null, 'x', '1e3');
            insert into t2 values(1.5, 2.5, 3.5, '12345678901234567890');
            select * from log2;
            """);
    }

    @Test
    void lastInsertRowidAroundTriggers() {
        Differential.assertSame("""
            create table t1(a integer primary key, b text);
            create table t2(x integer primary key, y text);
            create table t3(z integer primary key);
            create trigger tr after insert on t1 begin insert into t2 values(new.a + 1000, 'from trigger'); end;
            create trigger tr2 after insert on t2 begin insert into t3 values(new.x * 2); end;
            create trigger tb before insert on t1 begin insert into t3 values(new.a + 500); end;
            insert into t1 values(1, 'hello');
            select last_insert_rowid();
            insert into t1(b) values('auto');
            select last_insert_rowid();
            select * from t2;
            select * from t3;
            insert into t2 values(7, 'direct');
            select last_insert_rowid();
            """);
    }

    @Test
    void whenSubqueriesAreEvaluatedAtEachFiring() {
        Differential.assertSame("""
            create table tt(pk integer primary key, d integer);
            create table log(n integer);
            create trigger trg after insert on tt for each row
              when exists (select 1 from tt where exists (select 1 from tt where d) in (1))
              begin insert into log values(new.pk); end;
            insert into tt(pk, d) values(1, 0), (2, 1), (3, 1);
            select n from log order by n;
            create table uu(pk integer primary key, d integer);
            create trigger trg2 after insert on uu for each row
              when exists (select 1 from uu where pk in (select pk from uu where d))
              begin insert into log values(new.pk * 10); end;
            insert into uu(pk, d) values(1, 0), (2, 1), (3, 1);
            select n from log order by n;
            create trigger trg3 after insert on uu when new.d = 5 begin insert into uu(pk, d) values(1, 0); end;
            insert into uu(pk, d) values(4, 5);
            select * from uu;
            """);
    }

    @Test
    void triggerNamesHaveTheirOwnNamespace() {
        Differential.assertSame("""
            create table t(x);
            create table log(msg);
            create table other(y);
            create index idx on t(x);
            create view v as select x from t;
            create trigger t after insert on t begin insert into log values('t'); end;
            create trigger other after insert on t begin insert into log values('other'); end;
            create trigger idx after insert on t begin insert into log values('idx'); end;
            create trigger v after insert on t begin insert into log values('v'); end;
            create trigger tr after insert on t begin insert into log values('tr'); end;
            create trigger TR after insert on other begin select 1; end;
            insert into t values(1);
            select * from log order by msg;
            drop trigger t;
            drop view v;
            drop table other;
            delete from log;
            insert into t values(2);
            select * from log order by msg;
            select type, name, tbl_name from sqlite_schema order by name, type;
            """);
    }

    @Test
    void reindex() {
        Differential.assertSame("""
            create table t(id integer primary key, a text, b text collate nocase);
            create index ia on t(a);
            create index ib on t(b);
            create index ic on t(a collate nocase, id);
            create unique index iu on t(a, b);
            insert into t values(1, 'one', 'TWO'), (2, 'three', 'four'), (3, 'Five', 'six');
            reindex;
            reindex t;
            reindex main.t;
            reindex ia;
            reindex main.ia;
            reindex nocase;
            reindex binary;
            reindex rtrim;
            reindex nosuch;
            reindex main.nosuch;
            reindex temp.t;
            create view v as select * from t;
            reindex v;
            select a from t indexed by ia order by a;
            select b from t indexed by ib order by b;
            select a, id from t indexed by ic order by a collate nocase, id;
            select count(*) from t indexed by iu where a = 'one' and b = 'two';
            """);
    }
}
