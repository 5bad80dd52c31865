package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Column affinities of compound subqueries, CTEs and views used as tables (SQLite's
 * {@code sqlite3SubqueryColumnTypes}: leading cores without affinity skipped, TEXT/numeric dropped when another
 * core may give the other kind), and of {@code IN (SELECT ...)} right sides, against SQLite.
 */
class CompoundAffinitySqlTest {
    @Test
    void compoundColumnAffinity() {
        Differential.assertSame("""
            create table ti(a integer);
            insert into ti values (5);
            create table tt(a text);
            insert into tt values ('5');
            create table blobcol(x blob);
            insert into blobcol values (3);
            create table t4(a text);
            insert into t4 values ('3');
            select typeof(x), x = 2 from (select cast(2 as text) as x union all select 2.0);
            select typeof(x), x = 2 from (select 2.0 as x union all select cast(2 as text));
            select typeof(x), x = '5' from (select 5.0 as x union all select a from ti);
            select typeof(x), x = 5 from (select a as x from tt union all select 5);
            select typeof(x), x = '5' from (select cast(5 as int) as x union all select cast(5 as integer) union all select cast(5 as text));
            select typeof(x), x = '5' from (select a as x from ti union select a from ti);
            select typeof(x), x = 5 from (select a as x from tt union all select 'z');
            select typeof(x), x = 5 from (select a as x from tt union all select null);
            select typeof(x), x = 5 from (select null as x union all select a from tt);
            select typeof(x), x = 5 from (select a as x from tt union all select x'00');
            select typeof(x), x = 5 from (select a as x from tt union all select 'a' || 'b');
            select typeof(x), x = 5 from (select a as x from tt union all select abs(1));
            with u(x) as (select x from blobcol union all select 'unused_arm') select a from t4 where a in (select x from u);
            with u(x) as (select a from ti union all select 'q') select x, x = '5' from u;
            create view v as select a as x from ti union all select '7';
            select typeof(x), x = '5' from v;
            select a from t4 where a in (select x from blobcol);
            select a from t4 where a in (select x from (select x from blobcol));
            select a from ti where a in (select a from tt);
            select a from tt where a in (select a from ti);
            """);
    }
}
