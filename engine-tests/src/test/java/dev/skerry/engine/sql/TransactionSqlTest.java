package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** BEGIN/COMMIT/ROLLBACK against SQLite, including their errors outside or inside a transaction. */
class TransactionSqlTest {
    @Test
    void beginCommitRollback() {
        Differential.assertSame("""
            create table t(a integer primary key, b unique);
            begin;
            insert into t values(1, 'a');
            insert into t values(2, 'b');
            select * from t;
            rollback;
            select * from t;
            begin;
            insert into t values(3, 'c');
            commit;
            select * from t;
            commit;
            rollback;
            begin;
            """);
    }
}
