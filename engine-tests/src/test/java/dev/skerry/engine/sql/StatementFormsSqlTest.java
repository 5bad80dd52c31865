package dev.skerry.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.testkit.Differential;
import dev.skerry.testkit.Outcome;
import dev.skerry.testkit.SkerryEngine;
import org.junit.jupiter.api.Test;

/**
 * The spellings of SQLite's statements that no feature test writes, against SQLite: {@code BEGIN
 * DEFERRED/IMMEDIATE/EXCLUSIVE [TRANSACTION]}, {@code END [TRANSACTION]}, {@code COMMIT/ROLLBACK TRANSACTION},
 * {@code REPLACE INTO}, {@code VALUES} as a table (FROM, CTEs, compounds, subqueries); and {@code CREATE VIRTUAL
 * TABLE}, which Skerry refuses.
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
    void valuesIsATable() {
        Differential.assertSame("""
            create table t(a, b);
            insert into t values(1, 'x'), (2, 'y');
            select column1, column2 from (values(1, 'a'), (2, 'b'), (3, null)) order by column1 desc;
            select * from (values(1, 2)) as v join t on t.a = v.column1;
            with c as (values(1, 2), (3, 4)) select column2, * from c order by 1;
            with c(x, y) as (values(1, 2)) select y, x from c;
            select a from t union values(5) order by 1;
            values(1) union all values(2) except values(2);
            values(1, 2) union select a, b from t order by 1 desc;
            select (values(7)), exists (values(1)), 2 in (values(1), (2));
            insert into t values(3, 'z') returning *;
            insert into t select * from (values(4, 'w'), (5, 'v'));
            select * from t order by a;
            values(1, 2), (3);
            select column3 from (values(1, 2));
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
