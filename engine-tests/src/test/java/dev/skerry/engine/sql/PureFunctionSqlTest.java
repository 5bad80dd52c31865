package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Date/time functions that read the clock or the time zone ('now', 'subsec', 'localtime', 'utc', no
 * argument) inside index expressions, partial-index WHERE clauses, CHECK constraints and generated columns:
 * SQLite's {@code non-deterministic use of f() in …} errors when such a call runs (PureFunc), and no error for
 * the same calls in ordinary expressions or for deterministic values. Against SQLite.
 */
class PureFunctionSqlTest {
    @Test
    void indexExpressionsAndPartialIndexes() {
        Differential.assertSame("""
            create table logs(created text not null, a);
            create index i1 on logs(strftime('%Y-%m-%d %H:00:00', 'now'));
            insert into logs values('2024-01-01 12:34:56', 1);
            select count(*) from logs;
            drop index i1;
            create index i2 on logs(created) where date(created, 'localtime') > 0;
            insert into logs values('2024-01-01 12:34:56', 2);
            drop index i2;
            insert into logs values('2024-01-01 12:34:56', 3);
            create index i3 on logs(datetime('now'));
            create index i4 on logs(time());
            create index i5 on logs(julianday(created, 'utc'));
            create index i6 on logs(unixepoch(created, 'subsec'));
            create index i7 on logs(date(created, '+1 day'));
            create index i8 on logs(julianday(created)) where a > 0;
            insert into logs values('now', 4);
            insert into logs values('2020-02-02', 5);
            select created, a from logs order by a;
            create index i9 on logs(timediff(created, '2000-01-01'));
            update logs set created = 'now' where a = 5;
            select date('now') = date('now'), julianday(created) is not null from logs order by a;
            pragma integrity_check;
            """);
    }

    @Test
    void checkConstraintsAndGeneratedColumns() {
        Differential.assertSame("""
            create table c(a check (date(a) is not null));
            insert into c values('2020-01-01');
            insert into c values('now');
            insert into c values('2020-01-01 10:00', 'x');
            create table c2(a check (datetime(a, 'localtime') is not null));
            insert into c2 values('2020-01-01');
            create table c3(a check (a < current_time));
            create table g(a, b as (date('now')));
            insert into g(a) values(1);
            select * from g;
            create table g2(a, b as (julianday(a)));
            insert into g2(a) values('2020-01-01');
            insert into g2(a) values('now');
            update g2 set a = 'now';
            update g2 set a = 'subsec';
            select a, b from g2;
            create table g3(a, b as (unixepoch()) stored);
            insert into g3(a) values(1);
            create table g4(a, b as (current_time));
            create table g5(a, b as (date(a, 'utc')));
            insert into g5 values('2020-01-01');
            create table g6(a, b as (random()));
            create table g7(a, b as (strftime('%Y', a)) stored, c as (date(a, '+1 month')) virtual);
            insert into g7(a) values('2021-03-04'), ('1999-12-31');
            select * from g7 order by a;
            insert into g7(a) values('now');
            select count(*) from g7;
            """);
    }
}
