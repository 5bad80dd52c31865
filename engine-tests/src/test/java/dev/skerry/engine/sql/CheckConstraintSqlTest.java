package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** CHECK constraints against SQLite: named and unnamed messages, OR IGNORE/REPLACE, affinity before the check. */
class CheckConstraintSqlTest {
    @Test
    void checksOnInsertAndUpdate() {
        Differential.assertSame("""
            create table t(a check(a > 0), b, constraint pos check (b < 10), check( a <> b ));
            insert into t values(0, 1);
            insert into t values(1, 11);
            insert into t values(2, 2);
            insert or ignore into t values(0, 1);
            insert or replace into t values(0, 1);
            insert into t values(null, null);
            insert into t values(5, 6);
            update t set a = -1;
            update or ignore t set a = -1;
            update t set a = 7 where a = 5;
            select * from t;
            create table u(a integer check(typeof(a)='integer'), b text check(length(b) < 3));
            insert into u values('5', 12);
            insert into u values('5', 1234);
            select typeof(a), typeof(b), * from u;
            """);
    }

    @Test
    void expressionsResolvedAtCreate() {
        Differential.assertSame("""
            create table t1(a check (b > 0));
            create table t2(a check (t9.a > 0));
            create table t3(a check (nosuch(a)));
            create table t4(a check (sum(a) > 0));
            create table t5(a check (a > ?));
            create table t6(a check (a in (select 1)));
            create table t7(a check (random() > -1e300));
            create table t8(a check (abs(1, 2)));
            create table t9(a, check (c > 0));
            create table t10(a check (row_number() over () > 0));
            create table t11(a check (rowid > 0), b check ("abc" > 0), c check (t11.c > 0));
            create table t12("xy" check ("xy" < +5), b check ([b] > 1), c check ('c' > 1));
            insert into t12 values(10, 2, 2);
            insert into t12 values(1, 1, 2);
            insert into t12 values(1, 2, 1);
            insert into t11 values(1, 1, 0);
            """);
    }

    @Test
    void updateTestsOnlyChecksOfChangedColumns() {
        Differential.assertSame("""
            create table t(x integer check (x > 0), y integer, z as (y * 2) check (z < 100), check (x + y > 0));
            pragma ignore_check_constraints = on;
            insert into t(x, y) values(-5, 1);
            insert into t(x, y) values(5, 60);
            pragma ignore_check_constraints;
            pragma ignore_check_constraints = off;
            update t set y = 2 where x = -5;
            update t set y = 61 where x = 5;
            update t set x = x where x = -5;
            update t set rowid = rowid + 10 where x = -5;
            select rowid, * from t;
            """);
    }

    @Test
    void addColumnWithCheckToTableWithRows() {
        Differential.assertSame("""
            create table t(a);
            insert into t values(1), (2);
            alter table t add column b default 5 check (b > 0);
            alter table t add column c default -1 check (c > 0);
            alter table t add column d check (d > 0);
            alter table t add column e default 3 check (e > a);
            select * from t;
            """);
    }
}
