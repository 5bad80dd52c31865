package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * {@code PRAGMA integrity_check} and {@code quick_check} report rows breaking a CHECK constraint (stored while
 * {@code ignore_check_constraints} was on) as SQLite does: one {@code CHECK constraint failed in t} per row,
 * NULL passing, within the error limit, and nothing while the pragma is on. Against SQLite.
 */
class IntegrityCheckConstraintSqlTest {
    @Test
    void checkViolationsAreReported() {
        Differential.assertSame("""
            create table t(id integer primary key, val integer check (val > 0), w check (w is null or w < 10),
                constraint named check (val <> 7));
            pragma integrity_check;
            pragma ignore_check_constraints = on;
            insert into t values(1, -5, null), (2, 3, 20), (3, 7, 1), (4, 1, 1), (5, null, null), (6, -1, 50);
            pragma ignore_check_constraints = off;
            pragma integrity_check;
            pragma quick_check;
            pragma integrity_check(t);
            pragma integrity_check(2);
            pragma quick_check(1);
            pragma ignore_check_constraints = on;
            pragma integrity_check;
            pragma ignore_check_constraints = off;
            create table g(a, b as (a * 2) check (b < 10), c text check (length(c) < 3));
            create index gi on g(b);
            pragma ignore_check_constraints = on;
            insert into g(a, c) values(1, 'x'), (9, 'y'), (2, 'long'), (null, null);
            pragma ignore_check_constraints = off;
            pragma integrity_check;
            pragma integrity_check(g);
            delete from t where id <> 4;
            delete from g where a = 9 or c = 'long';
            pragma integrity_check;
            """);
    }
}
