package dev.skerry.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.SqliteException;
import dev.skerry.testkit.HostLoop;
import dev.skerry.testkit.Outcome;
import dev.skerry.testkit.ScriptSplitter;
import dev.skerry.testkit.SkerryEngine;
import dev.skerry.testkit.SqliteEngine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recursive triggers ({@code PRAGMA recursive_triggers = 1} on both engines): a trigger firing itself until its WHEN stops it, the depth limit of 1000 levels, DELETE
 * triggers fired by REPLACE; and the extended result code of RAISE.
 */
class TriggerRecursionTest {
    private static void assertSameRecursive(String script) {
        List<String> diffs = new ArrayList<>();
        try (SqliteEngine sqlite = new SqliteEngine(); SkerryEngine skerry = new SkerryEngine()) {
            sqlite.run("pragma recursive_triggers = 1");
            skerry.run("pragma recursive_triggers = 1");
            for (String sql : ScriptSplitter.split(script)) {
                Outcome want = sqlite.run(sql);
                Outcome got = skerry.run(sql);
                if (!want.equals(got)) {
                    diffs.add(sql + "\n  SQLite: " + want + "\n  Skerry: " + got);
                }
            }
        }
        assertTrue(diffs.isEmpty(), String.join("\n", diffs));
    }

    @Test
    void selfRecursionStopsAtWhen() {
        assertSameRecursive("""
            create table t(x);
            create trigger r after insert on t when new.x < 300 begin insert into t values(new.x + 1); end;
            insert into t values(1);
            select count(*), min(x), max(x) from t;
            select changes(), total_changes();
            create table f(n integer primary key, v);
            create trigger fib after insert on f when new.n < 40 begin
              insert into f values(new.n + 1, new.v + coalesce((select v from f where n = new.n - 1), 0));
            end;
            insert into f values(1, 1);
            select v from f where n = 40;
            """);
    }

    @Test
    void tooManyLevels() {
        assertSameRecursive("""
            create table t(x);
            create trigger r after insert on t begin insert into t values(new.x + 1); end;
            insert into t values(1);
            select count(*) from t;
            create table u(x);
            create trigger r2 before update on u begin update u set x = x + 1; end;
            insert into u values(1);
            update u set x = 5;
            select * from u;
            """);
    }

    @Test
    void replaceFiresDeleteTriggers() {
        assertSameRecursive("""
            create table t(a integer primary key, b unique);
            create table log(x);
            create trigger bd before delete on t begin insert into log values('bd ' || old.a || ' ' || old.b); end;
            create trigger ad after delete on t begin insert into log values('ad ' || old.a); end;
            insert into t values(1, 'p'), (2, 'q');
            insert or replace into t values(3, 'p');
            insert or replace into t values(2, 'z');
            update or replace t set b = 'z' where a = 3;
            select * from t order by a;
            select rowid, x from log order by rowid;
            select changes();
            """);
    }

    @Test
    void raiseHasTheTriggerConstraintCode() throws Exception {
        int sqliteCode;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
            st.execute("create table t(a)");
            st.execute("create trigger tr before insert on t begin select raise(abort, 'boom'); end");
            sqliteCode = -1;
            try {
                st.execute("insert into t values(1)");
            } catch (org.sqlite.SQLiteException e) {
                sqliteCode = e.getResultCode().code;
            }
        }
        try (SkerryEngine skerry = new SkerryEngine()) {
            skerry.run("create table t(a)");
            skerry.run("create trigger tr before insert on t begin select raise(abort, 'boom'); end");
            dev.skerry.engine.Statement st = skerry.connection().prepare("insert into t values(1)");
            SqliteException e = org.junit.jupiter.api.Assertions.assertThrows(SqliteException.class,
                    () -> HostLoop.step(st, skerry.vfs()));
            assertEquals(sqliteCode, e.code());
            assertEquals("boom", e.getMessage());
            st.close();
        }
    }
}
