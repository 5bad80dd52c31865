package dev.skerry.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.testkit.Differential;
import dev.skerry.testkit.Outcome;
import dev.skerry.testkit.SkerryEngine;
import org.junit.jupiter.api.Test;

/**
 * The spellings of SQLite's statements that no feature test writes: {@code BEGIN DEFERRED/IMMEDIATE/EXCLUSIVE
 * [TRANSACTION]}, {@code END [TRANSACTION]}, {@code COMMIT/ROLLBACK TRANSACTION}, {@code REPLACE INTO},
 * against SQLite; and {@code CREATE VIRTUAL TABLE}, which Skerry refuses.
 */
class StatementFormsSqlTest {
    @Test
    void transactionSpellings() {
        Differential.assertSame("""
            create table t(a integer primary key, b);
            begin deferred;
            insert into t values(1, 'a');
            end;
            select * from t;
            begin immediate transaction;
            insert into t values(2, 'b');
            end transaction;
            begin exclusive;
            insert into t values(3, 'c');
            rollback transaction;
            begin transaction;
            begin immediate;
            commit transaction;
            end;
            end transaction;
            rollback transaction;
            begin exclusive transaction;
            delete from t where a = 1;
            commit;
            select * from t;
            begin deferred transaction;
            select count(*) from t;
            end;
            """);
    }

    @Test
    void replaceIntoIsInsertOrReplace() {
        Differential.assertSame("""
            create table t(a integer primary key, b unique, c);
            replace into t values(1, 'x', 1);
            replace into t values(2, 'x', 2);
            replace into t(a, c) values(1, 3);
            replace into t select a + 10, b || 'y', c from t;
            replace into t default values;
            select * from t order by a;
            select changes(), total_changes();
            replace into t values(5, 'x', 5) returning *;
            select * from t order by a;
            """);
    }

    @Test
    void virtualTablesAreRefused() {
        try (SkerryEngine skerry = new SkerryEngine()) {
            for (String module : new String[] {"fts5(a)", "fts4(a)", "fts3(a)", "rtree(id, x0, x1)",
                "dbstat", "generate_series", "json_each"}) {
                Outcome o = skerry.run("create virtual table v using " + module);
                assertTrue(o.isError(), module + ": " + o);
                assertEquals("not supported: CREATE VIRTUAL TABLE", o.errorMessage(), module);
            }
            Outcome o = skerry.run("select * from sqlite_schema");
            assertTrue(o.rows().isEmpty(), o.toString());
        }
    }
}
