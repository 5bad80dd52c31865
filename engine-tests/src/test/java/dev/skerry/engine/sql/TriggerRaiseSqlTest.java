package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * RAISE in triggers (IGNORE skips the row, ROLLBACK/ABORT/FAIL end the statement as the conflict actions of
 * the same names), triggers firing triggers, conflict clauses inside and around triggers, and the counters
 * changes(), total_changes() and last_insert_rowid(), against SQLite.
 */
class TriggerRaiseSqlTest {
    @Test
    void raiseIgnoreSkipsTheRow() {
        Differential.assertSame("""
            create table t(a integer primary key, b);
            create table log(x);
            create trigger bi before insert on t when new.b < 0 begin insert into log values('neg'); select raise(ignore); insert into log values('never'); end;
            create trigger ai after insert on t begin insert into log values(new.b); end;
            create trigger ai2 after insert on t when new.b = 5 begin select raise(ignore); end;
            create trigger ai3 after insert on t begin insert into log values('ai3 ' || new.b); end;
            insert into t values(1, 1), (2, -2), (3, 3), (4, 5), (6, 6);
            select changes();
            select * from t;
            select rowid, x from log order by rowid;
            create trigger bu before update on t begin select case when new.b > 100 then raise(ignore) end; end;
            update t set b = b * 50;
            select changes();
            select * from t;
            create trigger bd before delete on t when old.a = 3 begin select raise(ignore); end;
            delete from t;
            select changes();
            select * from t;
            """);
    }

    @Test
    void raiseAbortFailRollback() {
        Differential.assertSame("""
            create table t(a integer primary key, b);
            create table log(x);
            create trigger bi before insert on t when new.b = 'abort' begin insert into log values(1); select raise(abort, 'no ' || new.a); end;
            create trigger bf before insert on t when new.b = 'fail' begin select raise(fail, 'failed'); end;
            create trigger br before insert on t when new.b = 'rollback' begin select raise(rollback, 'rolled back'); end;
            insert into t values(1, 'x'), (2, 'abort'), (3, 'y');
            select * from t;
            select * from log;
            insert into t values(4, 'x'), (5, 'fail'), (6, 'y');
            select * from t;
            begin;
            insert into t values(7, 'x');
            insert into t values(8, 'abort');
            select * from t;
            insert into t values(9, 'rollback');
            select * from t;
            commit;
            begin;
            insert into t values(10, 'x');
            insert into t values(11, 'fail');
            commit;
            select * from t;
            """);
    }

    @Test
    void nestedTriggersAndNoSelfRecursion() {
        Differential.assertSame("""
            create table a(x);
            create table b(x);
            create table c(x);
            create trigger ta after insert on a begin insert into b values(new.x + 1); end;
            create trigger tb after insert on b begin insert into c values(new.x + 1); insert into a values(new.x * 100); end;
            create trigger tc after insert on c begin update a set x = x + 1000 where x = new.x - 2; end;
            insert into a values(1);
            select * from a;
            select * from b;
            select * from c;
            create trigger self after update on c begin update c set x = x + 1; end;
            update c set x = 0;
            select * from c;
            """);
    }

    @Test
    void conflictClausesAndTriggers() {
        Differential.assertSame("""
            create table t(a integer primary key, b unique);
            create table log(x unique, y);
            create trigger ai after insert on t begin insert into log values(new.b, 'ins'); end;
            create trigger bd before delete on t begin insert into log values('del ' || old.a, 'del'); end;
            insert into t values(1, 'p');
            insert into log values('q', 'pre');
            insert into t values(2, 'q');
            select * from t;
            insert or ignore into t values(3, 'q');
            select * from t;
            insert or replace into t values(4, 'q');
            select * from t;
            select * from log order by y, x;
            insert or replace into t values(1, 'z');
            select * from t order by a;
            select * from log order by y, x;
            insert into t values(5, 'p');
            create trigger au after update on t begin insert or replace into log values(new.b, 'upd'); end;
            update t set b = 'p' where a = 4;
            update or replace t set b = 'p' where a = 4;
            select * from t order by a;
            select * from log order by y, x;
            """);
    }

    @Test
    void conflictClausesReachNestedTriggers() {
        Differential.assertSame("""
            create table t(a integer primary key);
            create table u(k integer primary key);
            create table log(x unique);
            insert into log values('dup');
            insert into u values(1), (2);
            create trigger ta after insert on t begin delete from u where k = new.a; update u set k = k + 10 where k = new.a + 1; end;
            create trigger ud after delete on u begin insert into log values('dup'); end;
            create trigger uu after update on u begin insert into log values('dup'); end;
            insert or ignore into t values(1);
            select * from t;
            select * from u;
            drop trigger ud;
            insert or ignore into t values(1);
            insert or ignore into t values(2);
            select * from t;
            select * from u;
            select * from log;
            """);
    }

    @Test
    void upsertFiresUpdateTriggers() {
        Differential.assertSame("""
            create table t(a integer primary key, b unique, c);
            create table log(what, x, y, z unique);
            create trigger ai after insert on t begin insert into log values('ai', new.a, new.b, null); end;
            create trigger bu before update on t begin insert into log values('bu', old.c, new.c, null); end;
            create trigger au after update of c on t begin insert or ignore into log values('au', old.c, new.c, 'k'); end;
            create trigger bi before insert on t begin insert into log values('bi', new.a, new.b, null); end;
            insert into t values(1, 'x', 0);
            insert into t values(2, 'x', 5) on conflict(b) do update set c = c + excluded.c;
            insert into t values(1, 'y', 7) on conflict do update set c = 100;
            insert into t values(3, 'x', 1) on conflict(b) do nothing;
            insert into t values(4, 'x', 1) on conflict(b) do update set b = 'w';
            select * from t order by a;
            select rowid, * from log order by rowid;
            """);
    }

    @Test
    void changesAndLastInsertRowid() {
        Differential.assertSame("""
            create table t(a integer primary key, b);
            create table log(id integer primary key, n, r, c);
            insert into log(id) values(100);
            create trigger ai after insert on t begin
              insert into log(n, r) values(changes(), last_insert_rowid());
              insert into log(n, r) values(changes(), last_insert_rowid());
              update log set c = changes() where id = last_insert_rowid();
            end;
            create trigger bi before insert on t begin insert into log(n, r) values('bi', last_insert_rowid()); end;
            insert into t values(10, 'x');
            select changes(), total_changes(), last_insert_rowid();
            insert into t values(20, 'y'), (30, 'z');
            select changes(), total_changes(), last_insert_rowid();
            select * from log order by id;
            create trigger au after update on t begin insert into log(n, r) values(changes(), last_insert_rowid()); end;
            update t set b = 'u';
            select changes(), total_changes(), last_insert_rowid();
            create trigger ad after delete on t begin delete from log where id > 110; insert into log(n) values(changes()); end;
            delete from t where a > 10;
            select changes(), total_changes(), last_insert_rowid();
            select * from log order by id;
            """);
    }
}
