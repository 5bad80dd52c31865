package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** Row value comparisons (=, <>, IS, ordering operators, subqueries as row values) against SQLite. */
class RowValueSqlTest {
    @Test
    void rowValueComparisons() {
        Differential.assertSame("""
            create table t(a, b, c text);
            insert into t values(1, 2, 'x'), (1, 3, 'y'), (2, 1, 'z'), (null, 1, 'n'), (1, null, 'm');
            select (1, 2) = (1, 2), (1, 2) = (1, 3), (1, null) = (1, 2), (1, null) = (2, 2), (1, 2) <> (1, 3);
            select (1, 2) < (1, 3), (1, 2) < (2, 0), (2, 0) < (1, 9), (1, null) < (1, 2), (null, 1) < (2, 2), (1, 2) <= (1, 2), (1, 2) >= (1, 3), (1, 2, 3) > (1, 2, 2);
            select (1, null) is (1, null), (1, 2) is not (1, null);
            select * from t where (a, b) = (1, 2);
            select * from t where (a, b) > (1, 2) order by c;
            select * from t where (a, b) <= (1, 3) order by c;
            select * from t where (a, b) = (select 1, 3);
            select (select a, b from t where c = 'z') = (2, 1);
            select ('1', 2) = (1, 2), (c, 1) = ('X', 1) from t where c = 'x';
            select (1, 2) = (1, 2, 3);
            """);
    }
}
