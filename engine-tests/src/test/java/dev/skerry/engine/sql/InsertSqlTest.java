package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** INSERT against SQLite: conflicts and OR clauses, defaults, NOT NULL, rowid aliases, changes(). */
class InsertSqlTest {
    @Test
    void conflictsDefaultsAndNotNull() {
        Differential.assertSame("""
            create table t1(a integer primary key, b text unique, c real, d not null default 'dd');
            create table t2(x int, y, z text collate nocase);
            create index t2x on t2(x);
            create index t2yz on t2(y, z);
            insert into t1(b, c) values('one', 1), ('two', 2.5), ('three', '3'), (null, null);
            insert into t1 values(10, 'ten', 10, 'x');
            insert into t1 values(10, 'dup', 1, 'y');
            insert into t1 values(11, 'ten', 1, 'y');
            insert or ignore into t1 values(10, 'dup', 1, 'y');
            insert or replace into t1 values(10, 'ten2', 100, 'z');
            insert or replace into t1(a, b) values(12, 'one');
            insert into t1(a, b, d) values(13, 'nn', null);
            insert or ignore into t1(a, b, d) values(13, 'nn', null);
            select * from t1;
            select changes(), last_insert_rowid(), total_changes();
            """);
    }
}
