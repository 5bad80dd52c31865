package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** Reads of a database that has never been written (an empty file): the schema table is empty, not corrupt. */
class EmptyDatabaseSqlTest {
    @Test
    void readsOfAnEmptyDatabase() {
        Differential.assertSame("""
            select * from sqlite_schema;
            select count(*) from sqlite_master;
            select type, name, tbl_name from sqlite_schema where substr(name, 1, 7) <> 'sqlite_' order by name;
            select * from nosuch;
            begin;
            select count(*) from sqlite_schema;
            commit;
            create table t(a);
            select name from sqlite_schema;
            """);
    }
}
