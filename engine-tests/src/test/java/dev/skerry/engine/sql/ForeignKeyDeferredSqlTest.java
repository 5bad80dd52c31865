package dev.skerry.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.testkit.Differential;
import dev.skerry.testkit.SkerryEngine;
import org.junit.jupiter.api.Test;

/**
 * Deferred foreign keys against SQLite: DEFERRABLE INITIALLY DEFERRED constraints and {@code PRAGMA
 * defer_foreign_keys} checked at COMMIT (a failing COMMIT leaves the transaction open), autocommit statements
 * failing at their end, ROLLBACK clearing what is outstanding, RESTRICT acting at once even when deferred,
 * DROP TABLE's implicit DELETE, and the extended result codes.
 */
class ForeignKeyDeferredSqlTest {
    @Test
    void deferredConstraintsAreCheckedAtCommit() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table p(id integer primary key);
            create table c(x references p deferrable initially deferred);
            insert into c values(1);
            select count(*) from c;
            begin;
            insert into c values(1);
            insert into c values(2);
            commit;
            select count(*) from c;
            insert into p values(1);
            commit;
            select count(*) from c;
            delete from c where x = 2;
            commit;
            select * from c;
            begin;
            delete from p;
            update c set x = 7;
            insert into p values(7);
            commit;
            select * from c;
            begin;
            delete from p;
            commit;
            rollback;
            select * from p;
            """);
    }

    @Test
    void rollbackToSavepointRestoresTheDeferredCount() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table p(id integer primary key);
            create table c(x references p deferrable initially deferred);
            begin;
            insert into c values(1);
            savepoint s1;
            insert into c values(2);
            savepoint s2;
            insert into c values(3);
            rollback to s2;
            commit;
            rollback to s1;
            commit;
            rollback to s1;
            select * from c;
            savepoint a;
            insert into c values(5);
            release a;
            select * from c;
            savepoint b;
            insert into c values(6);
            rollback to b;
            release b;
            select * from c;
            """);
    }

    @Test
    void deferForeignKeysPragma() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table p(id integer primary key);
            create table c(x references p);
            pragma defer_foreign_keys;
            begin;
            pragma defer_foreign_keys = 1;
            pragma defer_foreign_keys;
            insert into c values(3);
            commit;
            insert into p values(3);
            commit;
            pragma defer_foreign_keys;
            select * from c;
            begin;
            pragma defer_foreign_keys = on;
            delete from p;
            commit;
            rollback;
            pragma defer_foreign_keys;
            select * from p;
            """);
    }

    @Test
    void restrictActsEvenWhenDeferred() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table p(id integer primary key);
            create table c(x references p on delete restrict on update restrict deferrable initially deferred);
            insert into p values(1), (2);
            insert into c values(1);
            begin;
            delete from p where id = 1;
            update p set id = 5 where id = 1;
            delete from p where id = 2;
            commit;
            select * from p;
            begin;
            pragma defer_foreign_keys = 1;
            delete from p where id = 1;
            commit;
            rollback;
            select * from p;
            """);
    }

    @Test
    void dropTableOfAParent() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table p(id integer primary key);
            create table c(x references p);
            insert into p values(1), (2);
            insert into c values(1), (null);
            drop table p;
            select count(*) from p;
            delete from c where x = 1;
            drop table p;
            select * from c;
            insert into c values(null);
            insert into c values(1);
            create table p2(id primary key);
            create table c2(x references p2 on delete cascade, y);
            create table c3(x references p2 on delete set null, y);
            insert into p2 values(1), (2);
            insert into c2 values(1, 'a'), (2, 'b');
            insert into c3 values(1, 'a'), (2, 'b');
            drop table p2;
            select * from c2;
            select * from c3;
            begin;
            create table p4(id primary key);
            create table c4(x references p4 deferrable initially deferred);
            insert into p4 values(1);
            insert into c4 values(1);
            drop table p4;
            commit;
            drop table c4;
            commit;
            """);
    }

    @Test
    void extendedCodes() throws Exception {
        try (SkerryEngine e = new SkerryEngine()) {
            e.run("pragma foreign_keys = on");
            for (String sql : new String[] {
                "create table p(id integer primary key)",
                "create table c(x references p)",
                "create table r(x references p on delete restrict)",
                "insert into p values(1)",
                "insert into r values(1)",
            }) {
                e.run(sql);
            }
            SqliteException fk = assertThrows(SqliteException.class, () -> step(e, "insert into c values(2)"));
            assertEquals(ResultCode.SQLITE_CONSTRAINT_FOREIGNKEY, fk.code());
            assertEquals("FOREIGN KEY constraint failed", fk.getMessage());
            SqliteException restrict = assertThrows(SqliteException.class, () -> step(e, "delete from p"));
            assertEquals(ResultCode.SQLITE_CONSTRAINT_TRIGGER, restrict.code());
            assertEquals("FOREIGN KEY constraint failed", restrict.getMessage());
        }
    }

    private static void step(SkerryEngine e, String sql) throws Exception {
        dev.skerry.testkit.HostLoop.step(e.connection().prepare(sql), e.vfs());
    }
}
