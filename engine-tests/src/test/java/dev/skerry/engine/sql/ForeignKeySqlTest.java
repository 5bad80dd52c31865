package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Foreign key enforcement against SQLite ({@code PRAGMA foreign_keys = ON}): child and parent checks with
 * SQLite's statement-level counting, parent keys through rowids and UNIQUE indexes with their affinities
 * and collations, the mismatch errors, and the ON DELETE/ON UPDATE actions.
 */
class ForeignKeySqlTest {
    @Test
    void childInsertNeedsParent() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table p(id integer primary key, name text);
            create table c(x integer references p(id), y);
            insert into p values(1, 'a'), (2, 'b');
            insert into c values(1, 'ok');
            insert into c values(3, 'bad');
            insert into c values(null, 'null key');
            insert into c values('2', 'text key');
            insert into c values(2.0, 'real key');
            insert into c values('x', 'not a number');
            select * from c order by rowid;
            update c set x = 5 where y = 'ok';
            update c set x = 2 where y = 'ok';
            select * from c order by rowid;
            pragma foreign_keys = off;
            insert into c values(9, 'unchecked');
            select count(*) from c;
            """);
    }

    @Test
    void parentDeleteAndUpdateNeedNoChildren() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table p(a text unique, b);
            create table c(x references p(a));
            insert into p values('k1', 1), ('k2', 2);
            insert into c values('k1');
            delete from p where a = 'k1';
            delete from p where a = 'k2';
            update p set a = 'k9' where a = 'k1';
            update p set b = 7 where a = 'k1';
            select * from p order by a;
            delete from c;
            delete from p;
            select count(*) from p;
            """);
    }

    @Test
    void statementLevelCountingRepairsWithinStatement() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table t(id integer primary key, parent references t(id));
            insert into t values(1, null);
            insert into t values(2, 1), (3, 2);
            insert into t values(4, 5), (5, 4);
            insert into t values(6, 6);
            insert into t values(7, 8);
            update t set id = id + 10;
            delete from t where id = 1;
            delete from t;
            select count(*) from t;
            create table p(k primary key);
            create table c(x references p);
            insert into p values(1), (2);
            insert into c values(1), (2);
            delete from p where k in (1, 2);
            """);
    }

    @Test
    void compositeKeysAffinityAndCollation() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table p(a, b text collate nocase, primary key(a, b));
            create table c(x, y, foreign key(x, y) references p(a, b));
            insert into p values(1, 'abc');
            insert into c values(1, 'ABC');
            insert into c values(1, 'abd');
            insert into c values('1', 'abc');
            insert into c values(1, null);
            delete from p;
            select * from c;
            create table q(n integer unique);
            create table d(m text references q(n));
            insert into q values(10);
            insert into d values('10');
            insert into d values(' 10');
            delete from q;
            """);
    }

    @Test
    void mismatchAndMissingParentErrors() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table c(x references p(a));
            insert into c values(1);
            insert into c values(null);
            create table p(a, b);
            insert into c values(1);
            delete from p;
            create table p2(a primary key, b);
            create table c2(x, y, foreign key(x, y) references p2);
            insert into c2 values(1, 2);
            create table p3(a, b, unique(a, b));
            create table c3(x references p3(a));
            insert into c3 values(1);
            create table p4(a collate nocase unique);
            create table c4(x references p4(a));
            insert into c4 values(1);
            create table p5(a);
            create unique index p5a on p5(a collate nocase);
            create table c5(x references p5(a));
            insert into c5 values(1);
            """);
    }

    @Test
    void cascadeSetNullSetDefaultRestrict() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table p(id integer primary key, v);
            create table cc(x references p on delete cascade on update cascade);
            create table cn(x references p on delete set null on update set null);
            create table cd(x default 0 references p on delete set default on update set default);
            insert into p values(0, 'zero'), (1, 'one'), (2, 'two'), (3, 'three');
            insert into cc values(1), (2), (3);
            insert into cn values(1), (2), (3);
            insert into cd values(1), (2), (3);
            delete from p where id = 1;
            update p set id = 20 where id = 2;
            update p set v = 'x' where id = 3;
            select * from cc order by 1;
            select * from cn order by 1;
            select * from cd order by 1;
            delete from p where id = 0;
            create table r(x references p on delete restrict);
            insert into r values(3);
            delete from p where id = 3;
            select * from p order by id;
            """);
    }

    @Test
    void cascadeChainsAndSelfReference() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table a(id primary key);
            create table b(id primary key, a references a on delete cascade on update cascade);
            create table c(id primary key, b references b on delete cascade);
            insert into a values(1), (2);
            insert into b values(10, 1), (20, 2);
            insert into c values(100, 10), (200, 20);
            delete from a where id = 1;
            select * from b order by id;
            select * from c order by id;
            update a set id = 3 where id = 2;
            select * from b order by id;
            create table tree(id integer primary key, parent references tree on delete cascade);
            insert into tree values(1, null), (2, 1), (3, 2), (4, 3), (5, 1);
            delete from tree where id = 2;
            select * from tree order by id;
            delete from tree;
            select count(*) from tree;
            """);
    }

    @Test
    void conflictClausesTriggersAndReturning() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table p(id integer primary key, k unique);
            create table c(id integer primary key, x references p(k));
            insert into p values(1, 'a'), (2, 'b');
            insert or ignore into c values(1, 'zz');
            insert or replace into c values(1, 'a');
            insert or replace into c values(1, 'zz');
            insert into c values(1, 'b') on conflict(id) do update set x = 'zz';
            insert into c values(1, 'b') on conflict(id) do update set x = excluded.x;
            select * from c;
            insert into c values(5, 'q') returning *;
            select * from c order by id;
            create trigger make_parent before insert on c when new.x not in (select k from p) begin
              insert into p(k) values(new.x);
            end;
            insert into c values(6, 'new');
            select * from p order by id;
            create trigger drop_parent after insert on c begin
              delete from p where k = 'gone';
            end;
            insert into p(k) values('gone');
            insert into c values(7, 'gone');
            select * from c order by id;
            """);
    }

    @Test
    void selfReferenceThroughUniqueKeyAndDescendingIndex() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table t(name text, boss text references t(name) on update cascade on delete set null);
            create unique index tn on t(name desc);
            insert into t values('ann', null), ('bob', 'ann'), ('cy', 'bob');
            insert into t values('dee', 'dee');
            insert into t values('eve', 'fay'), ('fay', 'eve');
            insert into t values('gus', 'hal');
            update t set name = 'ANN' where name = 'ann';
            select * from t order by rowid;
            delete from t where name = 'bob';
            select * from t order by rowid;
            update t set name = 'x', boss = 'x' where name = 'cy';
            select * from t order by rowid;
            """);
    }
}
