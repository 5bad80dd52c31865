package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Aggregate forms against SQLite: FILTER, ORDER BY inside aggregate calls (group_concat, string_agg, with
 * DISTINCT, FILTER, NULLS FIRST/LAST, COLLATE, per group, in HAVING and in subqueries), DISTINCT with several
 * arguments, the errors for FILTER/ORDER BY on plain functions; and which row a bare column or a GROUP BY
 * column under NOCASE comes from (the group's first row, or the row of the last min()/max()'s extreme).
 */
class AggregateFormsSqlTest {
    @Test
    void filterOrderByAndDistinctInAggregates() {
        Differential.assertSame("""
            create table t1(a, b);
            insert into t1 values (1,'x'),(2,'y'),(null,'z'),(2,'w'),(3, null);
            select abs(a order by b) from t1;
            select abs(distinct a) from t1;
            select coalesce(distinct a, b) from t1;
            select abs(a) filter (where a > 1) from t1;
            select abs(distinct a order by b) filter (where 1) from t1;
            select upper(b order by a) from t1;
            select count(distinct a, b) from t1;
            select group_concat(distinct a, '-') from t1;
            select sum(distinct a) filter (where a > 1) from t1;
            select count(*) filter (where a > 1), sum(a) filter (where b <> 'x') from t1;
            select b, count(*) filter (where a is null) from t1 group by b;
            select group_concat(a, ',' order by b desc) from t1;
            select group_concat(b order by a nulls last, b) from t1;
            select group_concat(b order by a desc nulls first, b) from t1;
            select string_agg(b, ';' order by b) from t1;
            select string_agg(b, ';' order by b desc) filter (where a > 1) from t1;
            select a, group_concat(b order by b desc) from t1 group by a;
            select group_concat(distinct b order by b desc) from t1;
            select group_concat(distinct a order by a desc) from t1;
            select group_concat(distinct a order by b) from t1;
            select sum(a order by b) from t1;
            select count(* order by a) from t1;
            select count(a order by b), max(a order by b) from t1;
            select group_concat(b, ',' order by 1) from t1;
            select group_concat(b, ',' order by a collate nocase) from t1;
            select group_concat(b order by (select 1)) from t1;
            select group_concat(b order by max(a)) from t1;
            select group_concat(b order by a), group_concat(b order by a desc) from t1;
            select (select group_concat(b order by b desc) from t1 where a <= t.a) from t1 t order by 1;
            select group_concat(b order by b) from t1 where 0;
            select a, group_concat(b order by b) from t1 group by a having group_concat(b order by b desc) like 'y%';
            select group_concat(b order by b) g from t1 order by g;
            select total(a order by b) filter (where a > 1) from t1;
            select count(*) filter (where max(a) > 1) from t1;
            select group_concat(b) filter (where a > 1) from t1 group by a is null;
            """);
    }

    @Test
    void groupColumnsUnderNocaseAndBareColumns() {
        Differential.assertSame("""
            create table t3(x text collate nocase, y, z);
            insert into t3 values ('a',1,'p'),('A',2,'q'),('b',3,'r'),('B',4,'s'),('a',5,'t'),('B',0,'u');
            create table t4(x text, y);
            insert into t4 values ('a', 1), ('A', 2), ('b', 3), ('B', 1);
            select x, count(*) from t3 group by x;
            select x, y, count(*) from t3 group by x;
            select x, z, max(y) from t3 group by x;
            select x, z, min(y) from t3 group by x;
            select x, max(y) from t3 group by x;
            select x, min(y) from t3 group by x;
            select x, sum(y) from t3 group by x order by x;
            select x, sum(y) from t3 group by x order by x desc;
            select x, count(*) from t3 group by x having x = 'B';
            select upper(x), min(y) from t3 group by x;
            select x || '', sum(y) from t3 group by 1;
            select x, count(*) from t3 group by x collate binary;
            select x collate binary, count(*) from t3 group by 1;
            select x, count(*) from t4 group by x collate nocase;
            select x, y from t4 group by x collate nocase;
            select x, max(y) from t4 group by x collate nocase;
            select x, min(y), max(y) from t3 group by x;
            select y, max(x) from t3;
            select x, max(y) from t3;
            select x, min(y) from t3;
            select z, max(y), x from t3;
            select x, z from t3 group by x, z collate nocase;
            select distinct x from t3;
            select x, count(distinct z) from t3 group by x;
            select lower(x), count(*) from t3 group by lower(x);
            select x, (select count(*) from t4 where t4.x = t3.x) from t3 group by x;
            select x, group_concat(z) from t3 group by x;
            select t3.x, count(*) from t3 join t4 using (x) group by t3.x;
            """);
    }
}
