package dev.skerry.engine.alter;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * ALTER TABLE RENAME TO, RENAME COLUMN and ADD COLUMN against SQLite: the {@code sqlite_schema} rows (texts
 * rewritten token by token exactly as SQLite's), SQLite's errors, and the data read back afterwards. (An ADD
 * COLUMN for which SQLite checks the existing rows, such as one with NOT NULL, makes sqlite-jdbc report a
 * result column of that inner check; such statements are left out, as the column is not SQL-visible.)
 */
class AlterTableTest {
    private static final String SCHEMA = """
        create table t(a integer primary key, b text unique, "c" check(c > 0), foreign key(b) references t(b));
        create index i on t(b, "c");
        create table u(x references t(a), y references "t", z);
        insert into t values(1, 'one', 1), (2, 'two', 2);
        insert into u values(1, 2, 3);
        """;

    @Test
    void renameTableRewritesTheTableItsIndexesAndForeignKeys() {
        Differential.assertSame(SCHEMA + """
            alter table t rename to nt;
            select type, name, tbl_name, sql from sqlite_schema order by rowid;
            select * from nt order by a;
            select * from t;
            insert into nt values(3, 'three', 3);
            select b from nt where b = 'three';
            alter table nt rename to u;
            alter table nt rename to NT;
            alter table nt rename to i;
            alter table nope rename to x;
            alter table sqlite_schema rename to x;
            alter table sqlite_master rename to x;
            alter table nt rename to sqlite_x;
            alter table main.nt rename to [odd "name"];
            select type, name, tbl_name, sql from sqlite_schema order by rowid;
            select * from [odd "name"] order by a;
            pragma integrity_check;
            """);
    }

    @Test
    void renameColumnRewritesEveryReference() {
        Differential.assertSame(SCHEMA + """
            alter table t rename column b to bb;
            select name, sql from sqlite_schema order by rowid;
            alter table t rename column "c" to [cc];
            select name, sql from sqlite_schema order by rowid;
            alter table u rename column x to "x 2";
            select name, sql from sqlite_schema order by rowid;
            select bb, cc from t order by a;
            alter table t rename column nope to x;
            alter table t rename column "nope" to x;
            alter table t rename column a to bb;
            alter table t rename column a to A;
            select name, sql from sqlite_schema order by rowid;
            alter table nope rename column a to b;
            alter table main.nope rename column a to b;
            create view cyc as select * from cyc;
            alter table t rename column a to a2;
            alter table t rename to t9;
            drop view cyc;
            alter table sqlite_schema rename column name to n;
            create table w(p, q, unique(p collate nocase, q), primary key(q), check(p != 'check(p)'), check (lower(p) <> 'p'));
            alter table w rename column p to pp;
            select sql from sqlite_schema where name = 'w';
            pragma integrity_check;
            """);
    }

    @Test
    void addColumnAppendsWhereSqliteDoes() {
        Differential.assertSame(SCHEMA + """
            alter table t add column d int default 5;
            alter table t add e;
            alter table u add column w text not null default 'q';  ;
            select name, sql from sqlite_schema order by rowid;
            create table e(a);
            alter table e add column d default -7;
            alter table e add column f references t default 3;
            insert into e(a) values(1);
            select * from e;
            select sql from sqlite_schema where name = 'e';
            alter table t add column bb unique;
            alter table t add column g primary key;
            alter table t add column d;
            alter table t add column h not null;
            alter table t add column h2 default (1 + 2);
            alter table t add column h3 default null;
            alter table t add column h4 not null default 'x';
            alter table t add column h5 real default 3;
            alter table t add column h6 text default 12;
            alter table t add column h7 default x'00ff';
            alter table t add column h8 default true;
            create index th on t(h5, h6);
            select h5, typeof(h5), h6, typeof(h6), h7, h8 from t where h5 = 3 order by a;
            update t set h6 = h6 || '!' where a = 1;
            alter table t add column k1 integer check(nosuch > 0);
            alter table t add column k2 integer check(count(*) > 0);
            alter table u add column k3 references t(a, b);
            create table empty(a integer);
            alter table empty add column c integer check(zz > 0);
            select sql from sqlite_schema where name = 'empty';
            alter table nope add column x;
            alter table sqlite_schema add column x;
            select * from t order by a;
            select * from u;
            select name, sql from sqlite_schema order by rowid;
            pragma integrity_check;
            """);
    }

    @Test
    void dropColumnCutsTheTextAndRewritesTheRows() {
        Differential.assertSame("""
            create table t(a integer primary key, b unique, c, d check(d>0), e, f text default 'x', g references t(a), h,
                foreign key(h) references t(a), check(e <> 1));
            create index i on t(c);
            insert into t values(1, 2, 3, 4, 5, 'six', 1, 1), (2, 3, 4, 5, 6, randomblob(3000), 2, 2);
            alter table t drop column nope;
            alter table t drop column "nope";
            alter table t drop column a;
            alter table t drop column b;
            alter table t drop column c;
            alter table t drop column d;
            alter table t drop column e;
            alter table t drop column f;
            select sql from sqlite_schema where name = 't';
            select * from t order by a;
            alter table t drop column g;
            alter table t drop column h;
            select sql from sqlite_schema where name = 't';
            select * from t order by a;
            select * from t where c = 4;
            create table one(x);
            alter table one drop column x;
            create table w(a, b, primary key(a));
            insert into w values(1, 2);
            alter table w drop column b;
            select sql from sqlite_schema where name = 'w';
            select * from w;
            create table w2(a, b, "c");
            insert into w2 values(1, 2, 3);
            alter table w2 drop column "c";
            alter table w2 add column d default 9;
            alter table w2 drop column a;
            select sql from sqlite_schema where name = 'w2';
            select * from w2;
            alter table sqlite_schema drop column name;
            alter table nope drop column a;
            pragma integrity_check;
            """);
    }
}
