package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Row triggers against SQLite: each timing (BEFORE, AFTER) with each event (INSERT, UPDATE [OF], DELETE),
 * WHEN, OLD and NEW, the stored schema rows, DROP TRIGGER and the errors of CREATE and DROP TRIGGER.
 */
class TriggerSqlTest {
    @Test
    void timingsAndEvents() {
        Differential.assertSame("""
            create table t(a integer primary key, b, c real);
            create table log(seq integer primary key, what, x, y, z);
            create trigger bi before insert on t begin insert into log(what, x, y, z) values('bi', new.a, new.b, new.c); end;
            create trigger ai after insert on t begin insert into log(what, x, y, z) values('ai', new.a, new.b, new.c); end;
            create trigger bu before update on t begin insert into log(what, x, y, z) values('bu', old.a, old.b, new.b); end;
            create trigger au after update on t begin insert into log(what, x, y, z) values('au', new.a, old.c, new.c); end;
            create trigger bd before delete on t begin insert into log(what, x, y, z) values('bd', old.a, old.b, old.c); end;
            create trigger ad after delete on t begin insert into log(what, x, y, z) values('ad', old.rowid, old.b, typeof(old.c)); end;
            insert into t values(1, 'one', 1);
            insert into t(b, c) values('auto', '2.5');
            insert into t values(null, 3, 3), (10, '10', 'x');
            insert into t select a + 100, b, c from t;
            select * from t order by a;
            update t set b = b || '!' where a < 3;
            update t set a = a + 1000 where a = 10;
            update t set c = 7;
            delete from t where a > 100 and a < 200;
            delete from t;
            select * from log order by seq;
            select changes(), total_changes();
            """);
    }

    @Test
    void newRowidAndAffinityInBeforeInsert() {
        Differential.assertSame("""
            create table t(a integer primary key, b integer, c text);
            create table log(x, tx, y, ty, z, tz);
            create trigger bi before insert on t begin
              insert into log values(new.a, typeof(new.a), new.b, typeof(new.b), new.c, typeof(new.c));
              insert into log values(new.rowid, typeof(new.rowid), new.oid, 0, 0, 0);
            end;
            insert into t values(null, '12', 34);
            insert into t values(7, 'x', 1.5);
            insert into t(b) values(5);
            insert into t(rowid, b) values(20, 5);
            insert into t(rowid, b) values('abc', 5);
            insert into t default values;
            select * from log;
            select * from t;
            """);
    }

    @Test
    void whenAndUpdateOf() {
        Differential.assertSame("""
            create table t(a, b, c);
            create table log(what, x);
            create trigger u1 after update of b on t when new.b > 10 begin insert into log values('u1', new.b); end;
            create trigger u2 after update of a, c on t begin insert into log values('u2', new.a); end;
            create trigger i1 before insert on t for each row when new.a is null begin insert into log values('null a', new.b); end;
            insert into t values(1, 2, 3), (null, 5, 6);
            update t set b = 20;
            update t set b = 5;
            update t set c = 1;
            update t set B = 11, a = 0;
            select * from log;
            """);
    }

    @Test
    void firingOrderAndSchemaRows() {
        Differential.assertSame("""
            create table t(a);
            create table log(x);
            create trigger t1 after insert on t begin insert into log values('t1'); end;
            create trigger t2 after insert on t begin insert into log values('t2'); end;
            create trigger t0 before insert on t begin insert into log values('t0'); end;
            create   trigger  IF NOT EXISTS t3 AFTER insert ON "T" begin insert into log values('t3'); end ;
            insert into t values(1);
            select rowid, x from log;
            select type, name, tbl_name, rootpage, sql from sqlite_schema order by rowid;
            drop trigger t2;
            drop trigger if exists t2;
            drop trigger t2;
            insert into t values(2);
            select rowid, x from log;
            drop table t;
            select type, name, tbl_name, rootpage, sql from sqlite_schema order by rowid;
            """);
    }

    @Test
    void createAndDropErrors() {
        Differential.assertSame("""
            create table t(a integer primary key, b);
            create view v as select * from t;
            create trigger tr before insert on nosuch begin select 1; end;
            create trigger if not exists tr before insert on nosuch begin select 1; end;
            create trigger sqlite_x before insert on t begin select 1; end;
            create trigger tr before insert on t begin select 1; end;
            create trigger tr after delete on t begin select 1; end;
            create trigger if not exists tr after delete on t begin select 1; end;
            create trigger tv before insert on v begin select 1; end;
            create trigger tv after insert on v begin select 1; end;
            create trigger tt instead of insert on t begin select 1; end;
            create trigger ts before insert on sqlite_master begin select 1; end;
            create temp trigger main.tq before insert on t begin select 1; end;
            create trigger tq before insert on t begin insert into main.t values(1); end;
            create trigger tq before insert on t begin insert into t values(1) returning *; end;
            create trigger tq before insert on t begin delete from t indexed by x; end;
            create trigger tq before insert on t begin select ?; end;
            create trigger tq before insert on t begin select :a, 'it''s ?' "x?"; end;
            create trigger tq before insert on t when new.b = @b begin select 1; end;
            create trigger tq before insert on t begin select $x; end;
            create trigger tq before insert on t begin select 1 /* ? */; -- ?
            select 'a$b', 2; end;
            drop trigger tq;
            create trigger tq before insert on t begin insert into nosuch values(1); end;
            insert into t values(1, 1);
            drop trigger tq;
            insert into t values(1, 1);
            drop trigger nosuch;
            drop trigger if exists nosuch;
            drop trigger main.nosuch;
            drop trigger aux.nosuch;
            select raise(ignore);
            select raise(abort, 'x');
            select name from sqlite_schema where type = 'trigger';
            """);
    }

    @Test
    void oldAndNewResolution() {
        Differential.assertSame("""
            create table t(a, b);
            create table log(x);
            create trigger tr after insert on t begin insert into log values(old.a); end;
            insert into t values(1, 2);
            drop trigger tr;
            create trigger tr after delete on t begin insert into log values(new.a); end;
            delete from t;
            drop trigger tr;
            create trigger tr after insert on t begin insert into log values(a); end;
            insert into t values(1, 2);
            drop trigger tr;
            create trigger tr after insert on t begin insert into log values(new.nosuch); end;
            insert into t values(1, 2);
            drop trigger tr;
            create trigger tr after insert on t begin
              insert into log select new.a + b from t where a = new.a;
              insert into log values((select count(*) from t where b = new.b));
              update log set x = x * 10 where x = new.a + new.b;
            end;
            insert into t values(3, 4), (5, 6);
            select * from log;
            """);
    }
}
