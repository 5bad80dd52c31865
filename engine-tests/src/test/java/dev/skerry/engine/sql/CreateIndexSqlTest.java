package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * CREATE INDEX on tables that already hold rows, against SQLite: the index is filled through a sorter, so
 * these check its order (types, DESC, collations, equal keys), UNIQUE failures (message, and the table and
 * schema unchanged afterwards; NULLs never conflict) and queries answered from the new index.
 */
class CreateIndexSqlTest {
    private static final String FILL = """
        create table t(a integer primary key, b integer, c text, d);
        create table dg(i);
        insert into dg values(0), (1), (2), (3), (4), (5), (6), (7), (8), (9);
        create table s(x integer primary key);
        insert into s select 1 + d1.i + 10 * d2.i + 100 * d3.i + 1000 * d4.i
            from dg d1, dg d2, dg d3, dg d4 where d4.i < 3;
        insert into t select x, (x * 7919) % 1009,
            substr('qwertyuiopasdfghjklzxcvbnm', (x * 13) % 26 + 1, (x % 7) + 1) || (x * 31) % 97,
            case x % 5 when 0 then null when 1 then x % 17 when 2 then 'v' || (x % 13)
                when 3 then (x % 11) * 0.5 else x'00ff' end
        from s;
        """;

    @Test
    void indexesOnIntTextMixedAndNullColumns() {
        Differential.assertSame(FILL + """
            create index tb on t(b);
            create index tc on t(c);
            create index td on t(d);
            select count(*) from t where b = 17;
            select a from t where b between 100 and 103 order by b, a;
            select b, a from t indexed by tb where b < 5 order by b;
            select c, a from t where c = 'er48';
            select c from t indexed by tc order by c limit 20;
            select d, count(*) from t indexed by td where d is not null group by d order by d limit 30;
            select count(*) from t where d is null;
            select typeof(d), d from t indexed by td order by d desc limit 10;
            """);
    }

    @Test
    void multiColumnDescAndNocase() {
        Differential.assertSame(FILL + """
            update t set c = upper(c) where a % 3 = 0;
            create index tm on t(c collate nocase, b desc, d);
            select c, b, a from t indexed by tm where c = 'ER48' collate nocase order by c collate nocase, b desc;
            select c, b from t indexed by tm order by c collate nocase, b desc limit 25;
            select b, c from t indexed by tm order by c collate nocase desc, b limit 25;
            create index tn on t(b desc, a);
            select b, a from t indexed by tn order by b desc, a limit 15;
            """);
    }

    @Test
    void uniqueIndexesThatHold() {
        Differential.assertSame(FILL + """
            create unique index ua on t(b, a);
            create unique index uc on t(c, b, a);
            create table n(x, y);
            insert into n values(null, 1), (null, 1), (1, null), (1, null), (2, 2), (null, null), (null, null);
            create unique index nx on n(x, y);
            create unique index ny on n(y, x);
            select x, y from n indexed by nx order by x, y;
            insert into n values(2, 2);
            insert into n values(null, 2);
            select count(*) from n;
            create table e(x);
            create unique index ex on e(x);
            insert into e values(1);
            insert into e values(1);
            """);
    }

    @Test
    void uniqueIndexThatFails() {
        Differential.assertSame(FILL + """
            create unique index ub on t(b);
            create unique index uc2 on t(c, d);
            select name from sqlite_master where tbl_name = 't' order by name;
            select count(*) from t;
            select b, a from t where b = 3;
            create table u(x text, y);
            insert into u values('a', 1), ('A', 1), ('b', null), ('b', null);
            create unique index ux on u(x collate nocase, y);
            create unique index uy on u(x, y);
            create unique index uz on u(y, x);
            select name from sqlite_master where tbl_name = 'u' order by name;
            begin;
            create index keep on u(x);
            create unique index bad on u(x collate nocase);
            commit;
            select name from sqlite_master where tbl_name = 'u' order by name;
            select x from u indexed by keep order by x;
            """);
    }

    @Test
    void indexOnEmptyAndOneRowTables() {
        Differential.assertSame("""
            create table z(a, b);
            create unique index za on z(a);
            insert into z values(1, 2);
            create unique index zb on z(b);
            insert into z values(3, 2);
            select * from z indexed by za;
            """);
    }
}
