package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** {@code x IS [NOT] TRUE/FALSE} (SQLite's truth tests, never NULL) against {@code IS} comparisons, against SQLite. */
class TruthSqlTest {
    @Test
    void isTrueIsFalse() {
        Differential.assertSame("""
            create table t(x);
            insert into t values (1),(0),(null),(8),('hello'),('42'),(0.5),(-0.0),(x'00'),('');
            select 8 is true, 1 is true, 0 is true, -1 is true, 0.0 is true, 0.5 is true, 'hello' is true, '42' is true, null is true;
            select 8 is false, 0 is false, 'hello' is false, '' is false, null is false, 0.5 is false;
            select 8 is not true, 0 is not true, null is not true, 8 is not false, 0 is not false, null is not false;
            select x, x is true, x is false, x is not true, x is not false, x is true collate nocase from t order by rowid;
            select x from t where x is true order by rowid;
            select x from t where x is false order by rowid;
            select x from t where x is not true order by rowid;
            select x from t where not (x is false) order by rowid;
            select true is true, false is false, (1 = 1) is true, (null = 1) is not false;
            create table u(x, "true");
            insert into u values (5, 0), (0, 0), (1, 1);
            select x is true, x is "true", x is TRUE from u order by rowid;
            """);
    }
}
