package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** CREATE/DROP TABLE and INDEX against SQLite: errors, sqlite_schema rows, CREATE TABLE AS. */
class SchemaSqlTest {
    @Test
    void createAndDropWithSqlitesErrorsAndSchemaRows() {
        Differential.assertSame("""
            create table t(a, b);
            create table t(x);
            create table if not exists t(x);
            create table T(x);
            create table sqlite_foo(x);
            create index t on t(a);
            create index i1 on t(a);
            create index i1 on t(b);
            create index if not exists i1 on t(b);
            create index i2 on nosuch(a);
            create index i3 on t(nosuch);
            create table u as select 1;
            create unique index ui on t(a);
            insert into t values(1, 1), (1, 2);
            create unique index ui2 on t(a);
            create unique index ui3 on t(b);
            select type, name, tbl_name, sql from sqlite_schema;
            select * from sqlite_master where type = 'index';
            drop index i1;
            drop index i1;
            drop index if exists i1;
            drop index sqlite_autoindex_t_1;
            drop table nosuch;
            drop table if exists nosuch;
            create table v(a unique, b primary key);
            drop index sqlite_autoindex_v_1;
            select name from sqlite_schema;
            drop table v;
            select name from sqlite_schema;
            drop table sqlite_master;
            insert into t values(5, 6);
            select * from t where b = 6;
            create table w(a integer primary key, b text collate nocase, c real default 1.5, d default (2+3), e default 'x', f default -4, g default null);
            insert into w(a) values(1);
            insert into w default values;
            select * from w;
            insert into w(b) values('Abc');
            select * from w where b = 'abc';
            create index wb on w(b);
            select * from w where b = 'ABC';
            select name, rootpage > 0 from sqlite_schema order by name;
            """);
    }

    @Test
    void createTableAsSelectNamesAndTypesColumnsAsSqlite() {
        Differential.assertSame("""
            create table s(a int, b text, c real, d, e numeric, f varchar(3));
            insert into s values(1, 2, 3, 4, '5', 6);
            create table u1 as select 1, 'x' as b, 2.5, a, b, c, d, e, f, a+1, cast(d as text), b||'x', 1 as "select", 'q' as "a b", a from s;
            select sql from sqlite_schema where name='u1';
            select * from u1;
            create table u2 as select a as x, a as x, a as x from s;
            select sql from sqlite_schema where name='u2';
            create table "u 3" as select * from s;
            select sql from sqlite_schema where name='u 3';
            select typeof(a), typeof(b), typeof(c), typeof(e) from "u 3";
            """);
    }
}
