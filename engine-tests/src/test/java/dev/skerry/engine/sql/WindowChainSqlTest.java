package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Named windows based on other windows as SQLite's grammar chains them: a WINDOW-clause definition sees only
 * the definitions before it, the first definition's base is ignored, an inline OVER sees the whole clause,
 * against SQLite.
 */
class WindowChainSqlTest {
    @Test
    void chains() {
        Differential.assertSame("""
            create table t_ch(g, v);
            insert into t_ch values (1, 1), (1, 2), (2, 3), (2, 4);
            select sum(v) over w2 from t_ch window w2 as (w3 order by v), w3 as (partition by g);
            select sum(v) over w1 from t_ch window w1 as (nope order by v);
            select sum(v) over (w3 order by v) from t_ch window w2 as (order by v), w3 as (partition by g) order by v;
            select sum(v) over w2 from t_ch window w1 as (partition by g), w2 as (w1 order by v) order by v;
            select sum(v) over (w1 order by v) from t_ch window w1 as (partition by g), w1 as (partition by v) order by v;
            select v from t_ch window w1 as (partition by g), w2 as (nope order by v);
            select sum(v) over (nope order by v) from t_ch;
            select sum(v) over w3 from t_ch window w1 as (partition by g), w2 as (w1 order by v), w3 as (w2 rows 1 preceding) order by v;
            """);
    }
}
