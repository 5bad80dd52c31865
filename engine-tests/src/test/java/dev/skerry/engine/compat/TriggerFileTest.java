package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Triggers in database files, both directions: SQLite opens a file whose triggers Skerry created (their
 * sqlite_schema rows are exactly the ones SQLite writes for the same statements, and they fire in SQLite), and
 * Skerry opens a file whose triggers SQLite created and fires them as SQLite does.
 */
class TriggerFileTest {
    @TempDir
    Path dir;

    private static final String[] SCHEMA = {
        "create table t(a integer primary key, b text)",
        "create table log(what, x)",
        "create view v as select a, b from t",
        "create trigger ti after insert on t begin insert into log values('ins', new.b); end",
        "CREATE TRIGGER \"tu\"  BEFORE UPDATE OF b ON T FOR EACH ROW WHEN new.b <> old.b BEGIN\n"
            + "  insert into log values('upd', old.b || '>' || new.b);\nEND",
        "create trigger td after delete on t begin insert into log values('del', old.a); end",
        "create trigger vi instead of insert on v begin insert into t values(new.a, new.b || '!'); end",
    };

    private static final String[] WORK = {
        "insert into t values(1, 'x')",
        "insert into v values(2, 'y')",
        "update t set b = 'z' where a = 1",
        "update t set b = b",
        "delete from t where a = 2",
    };

    private static final String CHECK_LOG = "select what, x from log order by rowid";
    private static final String CHECK_SCHEMA = "select type, name, tbl_name, rootpage, sql from sqlite_schema order by rowid";

    @Test
    void sqliteRunsTheTriggersSkerryCreated() throws Exception {
        FileRoundTrip.sqliteOpensSkerrysFile(dir, new String[][] {SCHEMA}, (reference, sqlite) -> {
            FileRoundTrip.assertSameRows(reference, sqlite, CHECK_SCHEMA);
            FileRoundTrip.run(reference, WORK);
            FileRoundTrip.run(sqlite, WORK);
            FileRoundTrip.assertSameRows(reference, sqlite, CHECK_LOG);
            assertEquals(4, sqlite.query(CHECK_LOG).size());
        });
    }

    @Test
    void skerryRunsTheTriggersSqliteCreated() throws Exception {
        FileRoundTrip.skerryChangesSqlitesFile(dir, new String[][] {SCHEMA}, (reference, skerry) -> {
            FileRoundTrip.run(reference, WORK);
            FileRoundTrip.run(skerry, WORK);
            FileRoundTrip.assertSameRows(reference, skerry, CHECK_LOG);
            skerry.exec("drop trigger td");
            skerry.exec("drop table t");
        }, (reference, sqlite) -> assertEquals(
                List.of(List.of("table", "log"), List.of("view", "v"), List.of("trigger", "vi")),
                sqlite.query("select type, name from sqlite_schema order by rowid")));
    }
}
