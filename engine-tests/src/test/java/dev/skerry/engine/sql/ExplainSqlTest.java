package dev.skerry.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.testkit.Outcome;
import dev.skerry.testkit.SkerryEngine;
import dev.skerry.testkit.SqliteEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EXPLAIN gives SQLite's columns and a program of SQLite's shape: Init first, jumping to a prologue that
 * opens the transaction and returns to address 1; and EXPLAIN does not run the statement.
 */
class ExplainSqlTest {
    @Test
    void explainListsTheProgramWithoutRunningIt() {
        try (SqliteEngine sqlite = new SqliteEngine(); SkerryEngine skerry = new SkerryEngine()) {
            skerry.run("create table t(a integer primary key, b)");
            sqlite.run("create table t(a integer primary key, b)");
            for (String q : List.of("select b from t where a = 1", "insert into t values(1, 2)",
                    "update t set b = 3", "delete from t where b > 1", "create index i on t(b)")) {
                Outcome want = sqlite.run("explain " + q);
                Outcome got = skerry.run("explain " + q);
                assertFalse(got.isError(), q + ": " + got);
                assertEquals(want.columns(), got.columns(), q);
                List<List<String>> rows = got.rows();
                assertEquals("text:Init", rows.get(0).get(1), q);
                assertEquals("text:Goto", rows.get(rows.size() - 1).get(1), q);
                assertEquals("int:1", rows.get(rows.size() - 1).get(3), q);
                assertTrue(rows.stream().anyMatch(r -> r.get(1).equals("text:Transaction")), q);
            }
            assertEquals(0, skerry.run("select count(*) from t").rows().get(0).get(0).equals("int:0") ? 0 : 1);
            assertTrue(skerry.run("select name from sqlite_schema where name = 'i'").rows().isEmpty());
        }
    }
}
