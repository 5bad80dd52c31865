package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * ORDER BY satisfied by walking the rowid or an index forward or backward (no sort), with equality prefixes,
 * ranges, DESC index columns and NULLs, against SQLite.
 */
class OrderByIndexSqlTest {
    @Test
    void forwardAndBackwardScans() {
        Differential.assertSame("""
            create table t(a integer primary key, b int, c text, d);
            create index tb on t(b);
            create index tcb on t(c, b desc);
            insert into t values(1, 1, 'x', 1), (2, 2, 'y', 2), (3, 1, 'x', 3), (4, null, 'z', 4), (5, 3, 'y', 5), (6, 2, null, 6), (7, null, 'x', 7), (8, 5, 'x', 8);
            select * from t order by a desc;
            select * from t order by a desc limit 3;
            select * from t where a > 2 order by a desc;
            select * from t where a >= 2 and a < 6 order by a desc;
            select * from t where a <= 5 order by a desc;
            select b, a from t order by b desc;
            select b, a from t order by b desc, a desc;
            select b, a from t order by b, a;
            select b, a from t where b > 1 order by b desc;
            select b, a from t where b < 3 order by b desc;
            select b, a from t where b >= 1 and b <= 2 order by b desc;
            select b, a from t where b = 2 order by a desc;
            select c, b, a from t where c = 'x' order by b;
            select c, b, a from t where c = 'x' order by b desc;
            select c, b, a from t where c = 'x' and b < 5 order by b;
            select c, b, a from t where c = 'x' and b > 1 order by b;
            select c, b, a from t order by c desc, b;
            select c, b, a from t order by c, b desc;
            select c, b, a from t where c > 'x' order by c desc;
            """);
    }
}
