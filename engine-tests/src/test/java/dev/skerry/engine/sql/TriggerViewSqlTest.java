package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** INSTEAD OF triggers make views writable; TEMP views and triggers; against SQLite. */
class TriggerViewSqlTest {
    @Test
    void insteadOfInsertUpdateDelete() {
        Differential.assertSame("""
            create table t(a integer primary key, b, c);
            create table log(what, x, y);
            create view v(k, val) as select a, b || '' from t where c is null;
            insert into v values(1, 2);
            update v set val = 1;
            delete from v;
            create trigger vi instead of insert on v begin
              insert into t values(new.k, new.val, null);
              insert into log values('vi', new.k, new.val);
            end;
            create trigger vu instead of update of val on v begin
              update t set b = new.val where a = old.k;
              insert into log values('vu', old.val, new.val);
            end;
            create trigger vd instead of delete on v when old.k > 1 begin
              delete from t where a = old.k;
              insert into log values('vd', old.k, old.val);
            end;
            insert into v values(1, 'one'), (2, 'two');
            insert into v(val) values('x');
            insert into v(k) select a + 10 from t;
            insert into v default values;
            insert into v(nosuch) values(1);
            insert into v values(1);
            select changes();
            select * from t order by a;
            update v set val = val || '!' where k < 12;
            update v set k = 5;
            select changes();
            delete from v where k <> 11;
            select * from v order by k;
            select * from log;
            update v set nosuch = 1;
            create trigger vx instead of update on t begin select 1; end;
            """);
    }

    @Test
    void returningOnViews() {
        Differential.assertSame("""
            create table t(a integer primary key, b);
            create view v as select a, b from t;
            create trigger vi instead of insert on v begin insert into t values(new.a, new.b); end;
            create trigger vu instead of update on v begin update t set b = new.b where a = old.a; end;
            create trigger vd instead of delete on v when old.a <> 3 begin delete from t where a = old.a; end;
            create trigger vd2 instead of delete on v when old.a = 3 begin select raise(ignore); end;
            insert into v values(1, 2), (3, 4) returning *, a + 1;
            insert into v(a) select 9 returning b, a;
            insert into v default values returning *;
            update v set b = b * 10 returning a, b;
            delete from v where a < 5 returning *;
            insert into v(a) values(7) returning rowid;
            select * from t;
            """);
    }

    @Test
    void tempViewsAndTriggers() {
        Differential.assertSame("""
            create table t(x integer, y);
            insert into t values(1, 'a'), (0, 'b');
            create view v as select x from t where x > 0;
            create temp view v2 as select x from t where x > 0;
            create temporary view v3 as select y from t;
            create temp view v2 as select 1;
            create temp view if not exists v2 as select 1;
            create temp view main.v4 as select 1;
            create view temp.v5 as select 2;
            select * from v2;
            select * from v3 order by y;
            select * from temp.v5;
            create temp view v as select 'shadow';
            select * from v;
            drop view v;
            select * from v;
            drop view v;
            select name from sqlite_schema order by name;
            create table log(z);
            create temp trigger tt after insert on t begin insert into log values(new.y); end;
            create trigger temp.tt2 after insert on t begin insert into log values('tt2'); end;
            create trigger tt after insert on t begin insert into log values('main'); end;
            insert into t values(5, 'c');
            select * from log;
            drop trigger tt;
            insert into t values(6, 'd');
            select * from log;
            drop trigger tt;
            drop trigger temp.tt2;
            drop trigger tt;
            drop view v2;
            drop view temp.v3;
            drop view temp.v5;
            drop view v2;
            select name from sqlite_schema order by name;
            begin;
            create temp view tv as select 1;
            create temp trigger tg after insert on t begin insert into log values('tg'); end;
            select * from tv;
            rollback;
            select * from tv;
            insert into t values(10, 'r');
            create temp view tv as select 2;
            create temp trigger tg after insert on t begin insert into log values('tg'); end;
            begin;
            drop view tv;
            drop trigger tg;
            insert into t values(11, 's');
            rollback;
            select * from tv;
            insert into t values(12, 't');
            begin;
            insert into t values(13, 'u');
            create temp view tw as select 3;
            commit;
            select * from tw;
            begin;
            insert into t values(14, 'v');
            rollback;
            select * from tw;
            select * from log;
            """);
    }
}
