package dev.skerry.engine.func;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Core functions whose behaviour is in the compiler rather than in a function body, against SQLite:
 * {@code likelihood}, {@code likely} and {@code unlikely} return their first argument unchanged, in any
 * position of a query, and {@code likelihood}'s second argument must be a constant between 0.0 and 1.0.
 */
class CoreFunctionSqlTest {
    @Test
    void likelihoodPassesItsArgumentThrough() {
        Differential.assertSame("""
            create table t(a integer primary key, b, c text);
            insert into t values(1, 2.5, 'x'), (2, null, 'y'), (3, x'00ff', '3');
            select likelihood(a, 0.5), likelihood(b, 0.0), likelihood(c, 1.0), likelihood(null, 0.25) from t;
            select typeof(likelihood(b, 0.9375)), typeof(likely(c)), typeof(unlikely(a)) from t;
            select a from t where likelihood(a > 1, 0.1) order by a;
            select a from t where unlikely(c = 'x') or likely(a = 3) order by a;
            select count(*) from t group by likelihood(a % 2, 0.5);
            select likelihood(1, 0), likelihood('abc', 1), likelihood(1, 1e0);
            select likelihood(1, 2);
            select likelihood(1, -0.5);
            select likelihood(1, 'x');
            select likelihood(1, a) from t;
            select likelihood(1, ?1);
            select likelihood(1);
            select likelihood(1, 0.5, 0.5);
            select likely(1, 2);
            select unlikely();
            """);
    }
}
