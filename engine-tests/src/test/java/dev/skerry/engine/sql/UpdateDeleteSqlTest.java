package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** UPDATE and DELETE against SQLite: constraint conflicts, rowid changes, index maintenance. */
class UpdateDeleteSqlTest {
    @Test
    void updateAndDelete() {
        Differential.assertSame(IndexedTables.T1_T2_FILLED + """
            update t1 set c = c + 1 where a > 2;
            select * from t1;
            update t1 set b = 'one' where a = 2;
            update or ignore t1 set b = 'one' where a = 2;
            update or replace t1 set b = 'one' where a = 2;
            select * from t1;
            update t1 set a = a + 100 where a = 3;
            select * from t1;
            update t1 set d = null;
            delete from t2 where x = 1;
            select * from t2;
            delete from t2;
            select count(*) from t2;
            select * from t1 where rowid = 2;
            select rowid, * from t2;
            """);
    }

    /** DELETE without WHERE (SQLite's truncate optimisation, OP_Clear with a count) counts the rows it removes. */
    @Test
    void deleteWithoutWhereCountsItsRows() {
        Differential.assertSame("""
            create table t(a integer primary key, b text);
            create index tb on t(b);
            insert into t(b) values('x'), ('y'), ('z'), ('w'), ('v');
            delete from t;
            select changes(), total_changes();
            delete from t;
            select changes(), total_changes();
            create table u(x);
            insert into u values(1), (2), (3);
            delete from u;
            select changes(), total_changes(), count(*) from u;
            """);
    }
}
