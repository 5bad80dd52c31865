package dev.skerry.engine.alter;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * ALTER TABLE with views and triggers against SQLite (legacy_alter_table off): the {@code sqlite_schema} texts
 * of the views and triggers that RENAME TO and RENAME COLUMN rewrite, byte for byte (qualified names, aliases,
 * subqueries and correlated subqueries, CTEs, compounds, NEW./OLD., UPDATE OF lists, WHEN clauses, trigger steps'
 * targets, column lists and upserts); what the views and triggers do afterwards; and SQLite's errors for views
 * and triggers that do not compile before or after the change.
 */
class AlterViewsTriggersTest {
    private static final String TABLES = """
        create table t(a integer primary key, b text, "c" real);
        create table u(x, b, t_a references t(a));
        create table log(what, v);
        insert into t values(1, 'one', 1.5), (2, 'two', 2.5);
        insert into u values(10, 'u-one', 1), (20, 'u-two', 2);
        """;

    private static final String VIEWS = """
        create view v1 as select a, b, t.b as tb, "b" as qb from t where b > 'a' order by b;
        create view v2 as select b, (select count(*) from u where u.b = t.b or u.t_a = t.a) as n from t;
        create view v3 as select t.b, u.b as ub from t join u on u.t_a = t.a where t.b is not null;
        create view v4 as select x.b, y.b as yb from t as x, t y where x.a = y.a;
        create view v5 as with w(k) as (select b from t) select k, (select max(b) from t where b = k) from w;
        create view v6 as select b from t union all select b from u order by 1;
        create view v7 as select b, count(*) from t group by b having b <> '' order by b;
        create view v8 as select * from t;
        create view v9 as select b, tb from v1 where exists (select 1 from t where t.b = v1.b);
        create view v11 as select t.*, u.x from t join u on t_a = a;
        create view v12 as select sum(a) over (partition by b order by b rows 1 preceding) as s from t window x as (order by b);
        create view v10 as select [b] as b1, `b` as b2, main.t.b as b3 from main.t where b in (select b from t);
        """;

    private static final String TRIGGERS = """
        create trigger tr1 after update of b, "c" on t when new.b <> old.b begin
          insert into log values('tr1', old.b || '->' || new.b);
          update u set b = new.b where u.t_a = new.a and b = old.b;
        end;
        create trigger tr2 before insert on t for each row when new.b is not null begin
          insert into log(what, v) select 'tr2', new.b || (select count(*) from t where t.b = new.b);
        end;
        create trigger tr3 after delete on t begin
          delete from u where t_a = old.a and exists (select 1 from t where t.b = old.b);
          insert into log values('tr3', old.b);
        end;
        create trigger tr4 after insert on u begin
          update t set b = new.b, "c" = t.c + 1 where t.a = new.t_a and t.b <> new.b;
          insert into log select 'tr4', b from t where a = new.t_a;
        end;
        create trigger tr5 after insert on log when new.what = 'up' begin
          insert into t(a, b) values(100, new.v) on conflict(a) do update set b = excluded.b where t.b <> excluded.b;
        end;
        """;

    private static final String SCHEMA = "select type, name, tbl_name, sql from sqlite_schema order by rowid;\n";

    private static final String USE = """
        select * from v1;
        select * from v2 order by b;
        select * from v3 order by b;
        select * from v4 order by b;
        select * from v5 order by 1;
        select * from v6;
        select * from v7;
        select * from v8 order by 1;
        select * from v9 order by b;
        select * from v10 order by 1;
        select * from v11 order by 1, 4;
        select * from v12 order by 1;
        """;

    private static final String FIRE = """
        update t set b = 'uno' where a = 1;
        insert into t(a, b) values(3, 'three');
        insert into u values(30, 'u-three', 3);
        delete from t where a = 2;
        insert into log values('up', 'hundred');
        insert into log values('up', 'hundred!');
        select * from log order by rowid;
        select * from u order by x;
        pragma integrity_check;
        """;

    @Test
    void renameColumnRewritesViews() {
        Differential.assertSame(TABLES + VIEWS + """
            alter table t rename column b to bee;
            """ + SCHEMA + USE.replace("order by b", "order by 1") + """
            alter table t rename column "c" to "see me";
            alter table t rename column bee to [B 2];
            """ + SCHEMA + """
            select * from v8 order by 1;
            alter table u rename column b to ub;
            """ + SCHEMA);
    }

    @Test
    void renameColumnRewritesTriggers() {
        Differential.assertSame(TABLES + TRIGGERS + """
            alter table t rename column b to bee;
            """ + SCHEMA + FIRE.replace("set b =", "set bee =").replace("(a, b)", "(a, bee)") + """
            alter table t rename column a to "A";
            alter table u rename column b to ub;
            alter table log rename column v to value;
            """ + SCHEMA + """
            insert into u values(40, 'u-four', 3);
            select * from log order by rowid;
            """);
    }

    @Test
    void renameTableRewritesViewsAndTriggers() {
        Differential.assertSame(TABLES + VIEWS + TRIGGERS + """
            alter table t rename to "new t";
            """ + SCHEMA + USE + FIRE.replace(" t ", " \"new t\" ").replace("into t(", "into \"new t\"(") + """
            alter table "new t" rename to t2;
            alter table u rename to uu;
            alter table log rename to journal;
            """ + SCHEMA + """
            insert into uu values(50, 'u-five', 3);
            select * from journal order by rowid;
            select * from v3 order by 1;
            """);
    }

    @Test
    void viewsAndTriggersThatDoNotCompileFailTheChange() {
        Differential.assertSame(TABLES + """
            create view bad as select nope from t;
            alter table t rename column b to b2;
            alter table t rename to t2;
            alter table t drop column "c";
            drop view bad;
            create trigger badtr after insert on t begin select new.zz; end;
            alter table t rename column b to b2;
            alter table u rename to u2;
            drop trigger badtr;
            create trigger whentr before update on t when t.b > 0 begin select 1; end;
            alter table t rename column b to c2;
            drop trigger whentr;
            create table m(z);
            create view vm as select * from m;
            create trigger trm after insert on t begin select * from m; insert into m values(1); end;
            drop table m;
            alter table t rename column b to b2;
            drop view vm;
            alter table t rename column b to b2;
            alter table t rename to t2;
            """ + SCHEMA);
    }

    @Test
    void dropColumnChecksViewsAndTriggersAfterTheChange() {
        Differential.assertSame(TABLES + """
            create view vb as select b from t;
            alter table t drop column b;
            drop view vb;
            create trigger tb after insert on u begin select b from t where a = new.t_a; end;
            alter table t drop column b;
            drop trigger tb;
            create trigger tw after insert on u when (select b from t) is not null begin select 1; end;
            alter table t drop column b;
            drop trigger tw;
            create trigger deferred1 before delete on u begin insert into t(b) values('x'); end;
            create trigger deferred2 before delete on u begin update t set b = 'y' where a = 1; end;
            alter table t drop column b;
            """ + SCHEMA + """
            delete from u;
            """);
    }

    @Test
    void renameColumnIntoAmbiguityFailsAfterRename() {
        Differential.assertSame(TABLES + """
            create view amb as select x from t, u where t.a = u.t_a;
            alter table t rename column "c" to x;
            """ + SCHEMA + """
            create table p(k, w);
            create trigger pt after insert on p begin insert into log select 'pt', w from t; end;
            alter table p rename column k to w2;
            alter table t rename column b to w;
            """ + SCHEMA);
    }

    @Test
    void viewsAreNotRenamed() {
        Differential.assertSame(TABLES + VIEWS + """
            alter table v1 rename to w1;
            alter table v1 rename to t;
            alter table v1 rename to sqlite_v;
            alter table v1 rename column b to bb;
            alter table v1 add column z;
            alter table v1 drop column b;
            """ + SCHEMA);
    }

    @Test
    void theChecksResolveNamesOnlyAsSqlitesDo() {
        Differential.assertSame(TABLES + """
            create view f1 as select nofunc(a), abs(1, 2), b from t;
            create view f2 as select sum(sum(a)), b from t;
            create view f3 as select b from t where sum(a) > 1 order by 5;
            create trigger f4 after insert on u begin select nofunc(new.b), b from t where a = new.t_a; end;
            create view bad as select b from t union select 1, 2;
            alter table u rename column x to x2;
            drop view bad;
            alter table t rename column b to b2;
            alter table u drop column x;
            alter table t rename to t3;
            """ + SCHEMA + """
            select * from f1;
            create view o as select a from t3 union all select a as b2 from t3 order by b2;
            alter table t3 rename column b2 to b3;
            select sql from sqlite_schema where name = 'o';
            """);
    }

    @Test
    void legacyAlterTable() {
        Differential.assertSame(TABLES + VIEWS + TRIGGERS + """
            pragma legacy_alter_table;
            pragma legacy_alter_table = on;
            pragma legacy_alter_table;
            create table self(k primary key, up references self(k));
            alter table self rename to self2;
            alter table t rename to t2;
            """ + SCHEMA + """
            alter table t2 rename column b to bee;
            alter table t2 drop column "c";
            """ + SCHEMA + """
            create view broken as select nope from t2;
            alter table u rename column x to x2;
            alter table t2 drop column bee;
            alter table t2 rename to t3;
            """ + SCHEMA + """
            pragma legacy_alter_table = 0;
            pragma legacy_alter_table;
            alter table t3 rename to t4;
            """);
    }
}
