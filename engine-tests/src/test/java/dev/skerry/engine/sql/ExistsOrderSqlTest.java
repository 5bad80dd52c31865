package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * EXISTS drops its query's ORDER BY and DISTINCT as SQLite does (the ORDER BY terms checked, never evaluated;
 * OFFSET counting rows without DISTINCT), against SQLite.
 */
class ExistsOrderSqlTest {
    @Test
    void existsIgnoresOrderAndDistinct() {
        Differential.assertSame("""
            create table t(x);
            insert into t values (1), (1), (2);
            select exists (select x from t order by abs(-9223372036854775807 - 1));
            select exists (select x from t order by abs(-9223372036854775807 - 1) limit 1);
            select exists (select distinct x from t order by x limit 5 offset 2);
            select exists (select distinct x from t limit 5 offset 2);
            select exists (select distinct x from t order by x limit 5 offset 3);
            select x in (select x from t order by abs(-9223372036854775807 - 1)) from t;
            select exists (select x from t order by nosuch);
            select exists (select x from t order by 2);
            select exists (select x from t order by max(x));
            select exists (select x from t where x > 5 order by x);
            select exists (select x from t union select 3 order by 1);
            select exists (select distinct x from t union all select 2 limit 1 offset 3);
            select exists (values (1), (2) order by 1 limit 1 offset 1);
            select x, exists (select 1 from t as u where u.x < t.x order by u.x desc) from t order by rowid;
            """);
    }
}
