package dev.skerry.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.engine.Statement;
import dev.skerry.testkit.HostLoop;
import dev.skerry.testkit.SkerryEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A statement prepared before a trigger or a TEMP view is created or dropped runs against the schema as it
 * is when it runs (it is compiled again, as SQLite does after a schema change).
 */
class TriggerPrepareTest {
    @Test
    void preparedStatementsSeeLaterTriggersAndTempObjects() throws Exception {
        try (SkerryEngine skerry = new SkerryEngine()) {
            skerry.run("create table t(a)");
            skerry.run("create table log(x)");
            Statement insert = skerry.connection().prepare("insert into t values(1)");
            Statement count = skerry.connection().prepare("select count(*) from log");
            skerry.run("create temp trigger tt after insert on t begin insert into log values('temp'); end");
            HostLoop.rows(insert, skerry.vfs());
            assertEquals(List.of(List.of((Object) 1L)), HostLoop.rows(count, skerry.vfs()));
            skerry.run("create trigger tm after insert on t begin insert into log values('main'); end");
            insert.reset();
            HostLoop.rows(insert, skerry.vfs());
            count.reset();
            assertEquals(List.of(List.of((Object) 3L)), HostLoop.rows(count, skerry.vfs()));
            skerry.run("drop trigger tt");
            skerry.run("drop trigger tm");
            insert.reset();
            HostLoop.rows(insert, skerry.vfs());
            count.reset();
            assertEquals(List.of(List.of((Object) 3L)), HostLoop.rows(count, skerry.vfs()));
            skerry.run("create view v as select 'main' from t limit 1");
            Statement view = skerry.connection().prepare("select * from v");
            skerry.run("create temp view v as select 'temp' from t limit 1");
            assertEquals(List.of(List.of((Object) "temp")), HostLoop.rows(view, skerry.vfs()));
            skerry.run("drop view v");
            view.reset();
            assertEquals(List.of(List.of((Object) "main")), HostLoop.rows(view, skerry.vfs()));
            insert.close();
            count.close();
            view.close();
        }
    }
}
