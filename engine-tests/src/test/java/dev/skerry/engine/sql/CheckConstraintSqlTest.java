package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** CHECK constraints against SQLite: named and unnamed messages, OR IGNORE/REPLACE, affinity before the check. */
class CheckConstraintSqlTest {
    @Test
    void checksOnInsertAndUpdate() {
        Differential.assertSame("""
            create table t(a check(a > 0), b, constraint pos check (b < 10), check( a <> b ));
            insert into t values(0, 1);
            insert into t values(1, 11);
            insert into t values(2, 2);
            insert or ignore into t values(0, 1);
            insert or replace into t values(0, 1);
            insert into t values(null, null);
            insert into t values(5, 6);
            update t set a = -1;
            update or ignore t set a = -1;
            update t set a = 7 where a = 5;
            select * from t;
            create table u(a integer check(typeof(a)='integer'), b text check(length(b) < 3));
            insert into u values('5', 12);
            insert into u values('5', 1234);
            select typeof(a), typeof(b), * from u;
            """);
    }
}
