package dev.skerry.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.Statement;
import dev.skerry.testkit.Differential;
import dev.skerry.testkit.HostLoop;
import dev.skerry.testkit.SkerryEngine;
import org.junit.jupiter.api.Test;

/** SAVEPOINT, RELEASE and ROLLBACK TO against SQLite (lang_savepoint.html). */
class SavepointSqlTest {
    @Test
    void outermostSavepointIsTheTransaction() {
        Differential.assertSame("""
            create table t(a integer primary key, b);
            savepoint s1;
            insert into t values(1, 'a');
            release s1;
            select * from t;
            savepoint s1;
            insert into t values(2, 'b');
            rollback to s1;
            select * from t;
            insert into t values(3, 'c');
            release savepoint s1;
            select * from t;
            savepoint s1;
            insert into t values(4, 'd');
            rollback;
            select * from t;
            savepoint s1;
            insert into t values(5, 'e');
            commit;
            select * from t;
            release s1;
            rollback to s1;
            """);
    }

    @Test
    void nestedSavepointsAndNames() {
        Differential.assertSame("""
            create table t(a);
            begin;
            insert into t values(1);
            savepoint a;
            insert into t values(2);
            savepoint b;
            insert into t values(3);
            savepoint a;
            insert into t values(4);
            rollback to A;
            select a from t order by a;
            rollback transaction to savepoint a;
            select a from t order by a;
            release "A";
            select a from t order by a;
            rollback to b;
            select a from t order by a;
            rollback to a;
            select a from t order by a;
            release a;
            rollback to a;
            release b;
            commit;
            select a from t order by a;
            savepoint x;
            savepoint y;
            insert into t values(9);
            release x;
            rollback to y;
            select a from t order by a;
            """);
    }

    @Test
    void savepointInsideBeginDoesNotCommit() {
        Differential.assertSame("""
            create table t(a);
            begin;
            savepoint s;
            insert into t values(1);
            release s;
            rollback;
            select count(*) from t;
            savepoint s;
            begin;
            release s;
            begin;
            savepoint s;
            insert into t values(2);
            release s;
            commit;
            select count(*) from t;
            """);
    }

    @Test
    void rollbackToUndoesSchemaChanges() {
        Differential.assertSame("""
            create table t(a);
            savepoint s;
            create table u(x, y);
            create index ui on u(y);
            insert into u values(1, 2);
            alter table t add column b;
            rollback to s;
            select name from sqlite_schema order by name;
            select * from u;
            pragma table_info(t);
            create table v(z);
            insert into v values(7);
            savepoint s2;
            drop table v;
            rollback to s2;
            select * from v;
            release s;
            select name from sqlite_schema order by name;
            """);
    }

    @Test
    void rollbackToRestoresGrownAndFreedPages() {
        Differential.assertSame("""
            create table t(a integer primary key, b);
            insert into t values(1, 'keep');
            savepoint s;
            with recursive c(i) as (select 2 union all select i + 1 from c where i < 400)
              insert into t select i, randomblob(3000) from c;
            select count(*) from t;
            rollback to s;
            select * from t;
            with recursive c(i) as (select 2 union all select i + 1 from c where i < 50)
              insert into t select i, zeroblob(5000) from c;
            savepoint s2;
            delete from t where a > 10;
            rollback to s2;
            select count(*), sum(length(b)) from t;
            release s;
            pragma integrity_check;
            select count(*), sum(length(b)) from t;
            """);
    }

    @Test
    void failingStatementInsideSavepoint() {
        Differential.assertSame("""
            create table t(a unique);
            savepoint s;
            insert into t values(1);
            insert into t values(2), (1);
            select a from t order by a;
            insert or rollback into t values(1);
            select a from t order by a;
            release s;
            savepoint s;
            insert into t values(3);
            insert or fail into t values(4), (3);
            select a from t order by a;
            rollback to s;
            select a from t order by a;
            release s;
            """);
    }

    @Test
    void statementCompiledBeforeRollbackToIsRecompiled() throws SqliteException {
        try (SkerryEngine e = new SkerryEngine()) {
            e.run("savepoint s");
            e.run("create table t(a)");
            Statement insert = e.connection().prepare("insert into t values(1)");
            e.run("rollback to s");
            e.run("create table u(b)");
            try {
                HostLoop.step(insert, e.vfs());
                throw new AssertionError("the insert into a rolled-back table ran");
            } catch (SqliteException ex) {
                assertEquals("no such table: t", ex.getMessage());
            } finally {
                insert.close();
            }
            e.run("release s");
        }
    }
}
