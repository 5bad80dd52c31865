package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * ANALYZE against SQLite: the {@code sqlite_stat1} table as SQLite creates it and its rows (with their
 * rowids) after ANALYZE of everything, of a table, of an index, and again after changes; indexes with
 * repeated values, NULLs, collations, DESC columns, UNIQUE NOT NULL; tables without indexes, empty tables;
 * SQLite's errors.
 */
class AnalyzeSqlTest {
    static final String DATA = """
        create table t(a, b, c text collate nocase, d not null);
        create index t_a on t(a);
        create index t_ab on t(a, b desc);
        create index t_c on t(c);
        create unique index t_d on t(d);
        create table u(x, y);
        create table e(p, q);
        create index e_p on e(p);
        create table w(k integer primary key, v);
        create table z(n);
        insert into t select value % 7, case when value % 3 = 0 then null else value % 5 end,
            char(65 + value % 4 + (value % 2) * 32), value from (with recursive s(value) as (select 1 union all select value + 1 from s where value < 100) select value from s);
        insert into u values(1, 2), (3, 4), (5, 6);
        insert into w values(1, 'a'), (2, 'b');
        create table many(m);
        create index many_m on many(m);
        insert into many select value % 91 from (with recursive s(value) as (select 1 union all select value + 1 from s where value < 100) select value from s);
        """;

    @Test
    void analyzeEverything() {
        Differential.assertSame(DATA + """
            analyze;
            select rowid, * from sqlite_stat1;
            select type, name, tbl_name, sql from sqlite_schema where name = 'sqlite_stat1';
            select typeof(stat) from sqlite_stat1;
            insert into e values(1, 2), (1, 3), (2, 4);
            analyze;
            select rowid, * from sqlite_stat1;
            analyze main;
            select rowid, * from sqlite_stat1;
            """);
    }

    @Test
    void analyzeOneTableOrIndex() {
        Differential.assertSame(DATA + """
            analyze t;
            select rowid, * from sqlite_stat1;
            analyze u;
            select rowid, * from sqlite_stat1;
            delete from t where a = 1;
            analyze t_ab;
            select rowid, * from sqlite_stat1;
            analyze many;
            analyze z;
            analyze e;
            select rowid, * from sqlite_stat1;
            analyze main.u;
            select rowid, * from sqlite_stat1;
            analyze sqlite_stat1;
            select rowid, * from sqlite_stat1;
            """);
    }

    @Test
    void errors() {
        Differential.assertSame(DATA + """
            analyze nosuch;
            analyze main.nosuch;
            analyze other.t;
            create view v as select 1;
            analyze v;
            """);
    }
}
