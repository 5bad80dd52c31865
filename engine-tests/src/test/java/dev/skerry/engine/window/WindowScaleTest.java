package dev.skerry.engine.window;

import dev.skerry.testkit.Differential;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Window functions over 6,000 rows in large partitions, against SQLite: running and sliding aggregates,
 * sliding min/max, ranking and offsets. The time limit catches a frame computation that went quadratic
 * (some 2 * 10^7 steps here).
 */
class WindowScaleTest {
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void largePartitions() {
        Differential.assertSame("""
            create table big(id integer primary key, g, v);
            insert into big select i, i % 3, (i * 7919) % 1000
                from (with recursive s(i) as (select 1 union all select i + 1 from s where i < 6000) select i from s);
            select sum(a), sum(b), sum(c), count(*) from (select
                sum(v) over (partition by g order by id) as a,
                sum(v) over (partition by g order by id rows between 100 preceding and 100 following) as b,
                avg(v) over (order by v range between 5 preceding and 5 following) as c from big);
            select sum(a), sum(b), sum(c) from (select
                max(v) over (order by id rows between current row and unbounded following) as a,
                min(v) over (partition by g order by id rows between 50 preceding and current row) as b,
                count(*) over (order by v groups between 2 preceding and 2 following) as c from big);
            select sum(a), sum(b), sum(c), sum(d), sum(e) from (select
                rank() over (order by v) as a, dense_rank() over (partition by g order by v desc) as b,
                ntile(7) over (order by id) as c, lag(v, 3, 0) over (order by id) as d,
                nth_value(v, 10) over (partition by g order by id) as e from big);
            select id, first_value(id) over w, last_value(v) over w from big
                window w as (partition by g order by v, id rows between 2 preceding and 2 following) order by id limit 50;
            """);
    }
}
