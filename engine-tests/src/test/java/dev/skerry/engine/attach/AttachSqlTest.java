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
        try (dev.skerry.testkit.SkerryEngine skerry = new dev.skerry.testkit.SkerryEngine()) {
            org.junit.jupiter.api.Assertions.assertEquals("[[int:1]]",
                    skerry.run("select sqlite_compileoption_used('MAX_ATTACHED=10')").rows().toString());
        }
    }

    @Test
    void schemaQualifiedPragmas() {
        Differential.assertSame("""
            create table t(a primary key, b);
            create index tb on t(b);
            create temp table tt(x, y unique);
            attach ':memory:' as aux;
            create table aux.t(c, d, e);
            create index aux.td on t(d);
            create view aux.v as select c from aux.t;
            pragma table_info(t);
            pragma main.table_info(t);
            pragma aux.table_info(t);
            pragma temp.table_info(tt);
            pragma temp.table_info(t);
            pragma aux.table_xinfo(t);
            pragma aux.index_list(t);
            pragma temp.index_list(tt);
            pragma main.index_list(t);
            pragma aux.index_info(td);
            pragma main.index_info(td);
            pragma aux.table_info(v);
            pragma table_list;
            pragma aux.table_list;
            pragma temp.table_list;
            pragma main.table_list;
            pragma aux.table_list(t);
            select seq, name from pragma_database_list order by seq;
            pragma aux.user_version;
            pragma aux.user_version = 7;
            pragma aux.user_version;
            pragma user_version;
            pragma temp.user_version;
            pragma aux.application_id = 9;
            pragma aux.application_id;
            pragma aux.schema_version;
            pragma aux.page_count;
            pragma temp.page_size;
            pragma aux.integrity_check;
            pragma temp.integrity_check;
            pragma aux.quick_check;
            pragma aux.journal_mode;
            pragma temp.journal_mode;
            pragma temp.wal_checkpoint;
            pragma aux.wal_checkpoint;
            pragma nosuch.table_info(t);
            pragma nosuch.user_version;
            select name from pragma_table_info('t', 'aux');
            select name from pragma_table_info('tt', 'temp');
            """);
    }

    @Test
    void cacheSpill() {
        Differential.assertSame("""
            pragma cache_spill;
            pragma cache_spill = off;
            pragma cache_spill;
            pragma cache_spill = on;
            pragma cache_spill;
            pragma cache_spill = 100;
            pragma cache_spill;
            pragma cache_size = 10;
            pragma cache_spill;
            pragma main.cache_spill;
            pragma cache_spill = -5;
            pragma cache_spill;
            pragma cache_spill = 0;
            pragma cache_spill;
            pragma cache_spill = yes;
            pragma cache_spill;
            pragma cache_size = -100000;
            pragma cache_spill = 200000;
            pragma cache_spill;
            """);
    }

    @Test
    void triggersAndViewsInAttached() {
        Differential.assertSame("""
            attach ':memory:' as aux;
            create table aux.t(x);
            create table aux.log(y);
            create table main.log(y);
            create trigger aux.tr after insert on t begin insert into log values(new.x * 10); end;
            create trigger tr2 after insert on aux.t begin select 1; end;
            create trigger aux.tr3 after insert on main.log begin select 1; end;
            create temp trigger tt after insert on aux.t begin insert into main.log values(new.x); end;
            insert into aux.t values(1), (2);
            select * from aux.log order by y;
            select * from main.log order by y;
            select type, name, tbl_name from aux.sqlite_master order by name;
            create view aux.v as select x from t;
            select * from aux.v order by x;
            create table main.t(x);
            insert into main.t values (100);
            select * from aux.v order by x;
            drop table main.t;
            drop view aux.v;
            drop trigger aux.tr;
            drop trigger tt;
            insert into aux.t values(3);
            select * from aux.log order by y;
            create index aux.ix on t(x);
            create index aux.ix2 on log(y);
            select name, tbl_name from aux.sqlite_master where type = 'index' order by name;
            drop index aux.ix;
            drop table aux.t;
            select type, name from aux.sqlite_master order by name;
            reindex aux.ix2;
            reindex aux.log;
            """);
    }

    @Test
    void tempTriggersStayWithTheirTable() {
        Differential.assertSame("""
            attach ':memory:' as aux;
            create table aux.target(x integer);
            create table aux.log(v);
            create temp trigger tr after insert on target begin
                insert into aux.log values (new.x);
            end;
            create table main.target(x integer);
            insert into main.target values (1);
            insert into aux.target values (2);
            select * from aux.log;
            drop table main.target;
            select count(*) from temp.sqlite_schema where type = 'trigger' and name = 'tr';
            drop table aux.target;
            select count(*) from temp.sqlite_schema where type = 'trigger' and name = 'tr';
            create table t(a);
            create temp table t(b);
            create temp trigger tm after insert on main.t begin insert into aux.log values ('main'); end;
            create trigger mt after insert on t begin insert into aux.log values ('own'); end;
            insert into main.t values (1);
            insert into temp.t values (1);
            select * from aux.log order by v;
            drop table temp.t;
            select name from temp.sqlite_schema where type = 'trigger' order by name;
            drop table main.t;
            select name from temp.sqlite_schema where type = 'trigger' order by name;
            """);
    }
}
