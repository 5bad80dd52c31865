package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** UPDATE and DELETE against SQLite: constraint conflicts, rowid changes, index maintenance. */
class UpdateDeleteSqlTest {
    @Test
    void updateAndDelete() {
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
            insert into t2 values(1, 'a', 'A'), (2, 'b', 'b'), (1, 'c', 'C'), (null, 'a', 'a'), (3, 3, 'x'), ('1', '1', '1');
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
