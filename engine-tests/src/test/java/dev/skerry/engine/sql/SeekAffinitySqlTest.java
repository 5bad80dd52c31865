package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Index seek keys on INTEGER and REAL columns take NUMERIC affinity (SQLite's {@code sqlite3IndexAffinityStr}):
 * a large integer key compares exactly with REAL entries, as the same comparison without an index, against SQLite.
 */
class SeekAffinitySqlTest {
    @Test
    void realColumnSeeks() {
        Differential.assertSame("""
            create table t(f real);
            create index t_f on t(f);
            insert into t values (-2701729208700874036), (2.5), (3), ('7');
            select (select count(*) from t where f = -2701729208700874000), (select count(*) from t where f = -2701729208700874036), (select count(*) from t where f = -2701729208700874240);
            select (select count(*) from t where f = (-2701729208700874000 + 0)), (select count(*) from t where f = (-2701729208700874240 + 0));
            select (select count(*) from t not indexed where f = -2701729208700874036), (select count(*) from t not indexed where f = -2701729208700874240);
            select f from t where f = 3;
            select f from t where f = '3';
            select f from t where f = 7;
            select f from t where f in (3, '2.5', -2701729208700874036) order by f;
            select f from t where f > -2701729208700874036 order by f;
            select f from t where f >= '2.5' and f < 4 order by f;
            create table u(i integer);
            create index u_i on u(i);
            insert into u values (9007199254740993), (5), ('6');
            select i from u where i = 9007199254740993.0;
            select i from u where i = 9007199254740993;
            select i from u where i = 5.0;
            select i from u where i = '6';
            select i from u where i = 5.5;
            """);
    }
}
