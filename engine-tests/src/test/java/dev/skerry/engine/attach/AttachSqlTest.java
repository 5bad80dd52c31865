package dev.skerry.engine.attach;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** ATTACH and DETACH of in-memory databases, and names qualified by an attached database, against SQLite. */
class AttachSqlTest {
    @Test
    void attachQueryDetach() {
        Differential.assertSame("""
            create table t(a);
            insert into t values(1);
            attach ':memory:' as aux;
            attach database '' as aux2;
            create table aux.t(b, c);
            insert into aux.t values(2, 3), (4, 5);
            select * from t;
            select * from main.t;
            select * from aux.t order by b;
            select aux.t.b, main.t.a from aux.t, main.t order by 1;
            create table aux.u(x integer primary key, y unique);
            insert into u values(1, 'a');
            select * from u;
            select * from aux.u;
            insert into u values(2, 'a');
            update aux.u set y = 'b' where x = 1;
            delete from aux.t where b = 4;
            select * from aux.t;
            select type, name, tbl_name, sql from aux.sqlite_master order by name;
            select type, name, tbl_name, sql from aux.sqlite_schema order by name;
            select name from sqlite_schema order by name;
            attach ':memory:' as aux;
            attach ':memory:' as main;
            attach ':memory:' as TEMP;
            detach aux2;
            detach aux2;
            detach main;
            detach temp;
            detach nosuch;
            select * from nosuch.t;
            select * from aux2.t;
            detach database aux;
            select * from aux.t;
            select * from u;
            """);
    }

    @Test
    void transactionsAcrossDatabases() {
        Differential.assertSame("""
            create table m(a);
            attach ':memory:' as aux;
            create table aux.t(x);
            begin;
            insert into m values(1);
            insert into aux.t values(1);
            rollback;
            select * from m;
            select * from aux.t;
            begin;
            insert into m values(2);
            insert into aux.t values(2);
            commit;
            select * from m;
            select * from aux.t;
            savepoint s;
            insert into aux.t values(3);
            create table aux.u(y);
            insert into u values(4);
            rollback to s;
            select * from aux.t;
            select * from u;
            insert into aux.t values(5);
            release s;
            select x from aux.t order by x;
            begin;
            select * from aux.t;
            detach aux;
            commit;
            begin;
            insert into aux.t values(6);
            detach aux;
            rollback;
            begin;
            insert into m values(7);
            detach aux;
            commit;
            select * from aux.t;
            attach ':memory:' as aux;
            begin;
            attach ':memory:' as aux3;
            commit;
            """);
    }

    @Test
    void tooManyAttached() {
        Differential.assertSame("""
            attach '' as a1;
            attach '' as a2;
            attach '' as a3;
            attach '' as a4;
            attach '' as a5;
            attach '' as a6;
            attach '' as a7;
            attach '' as a8;
            attach '' as a9;
            attach '' as a10;
            attach '' as a11;
            detach a3;
            attach '' as a11;
            create table a11.t(x);
            insert into a11.t values(11);
            create table a10.t(x);
            insert into a10.t values(10);
            select * from t;
            select * from a11.t, a10.t;
            """);
    }
}
