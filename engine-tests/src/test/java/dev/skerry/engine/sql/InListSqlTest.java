package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** IN lists driving rowid and index seeks against SQLite: duplicates, NULLs, affinity, joins, LEFT JOIN. */
class InListSqlTest {
    @Test
    void inListsThroughSeeks() {
        Differential.assertSame("""
            create table t(a integer primary key, b int, c text);
            create index tb on t(b);
            create index tcb on t(c, b);
            insert into t values(1, 1, 'x'), (2, 2, 'y'), (3, 1, 'X'), (4, null, 'z'), (5, 3, 'y'), (6, 2, null);
            select * from t where a in (3, 1, 9, 3, null);
            select * from t where a in ('2', 5.0, 'x');
            select * from t where b in (2, 1);
            select * from t where b in ('1', null);
            select * from t where c in ('y', 'x') and b = 2;
            select * from t where c = 'y' and b in (3, 2);
            select t.a, u.a from t, t as u where u.b in (t.a, 3) order by 1, 2;
            select * from t left join t as u on u.b in (t.a) order by 1, 4;
            select count(*) from t where b in (select b from t);
            """);
    }
}
