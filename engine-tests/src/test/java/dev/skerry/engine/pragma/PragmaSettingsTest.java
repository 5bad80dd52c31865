package dev.skerry.engine.pragma;

import org.junit.jupiter.api.Test;

/**
 * The pragmas that read or set a header field or a connection setting, against SQLite: {@code user_version},
 * {@code application_id}, {@code schema_version}, {@code freelist_count}, {@code page_count},
 * {@code max_page_count}, {@code page_size}, {@code cache_size}, {@code synchronous}, {@code foreign_keys},
 * {@code recursive_triggers}, {@code busy_timeout}, {@code encoding}, {@code auto_vacuum}; with SQLite's
 * parsing of the value ({@code sqlite3Atoi}, booleans, safety levels).
 */
class PragmaSettingsTest {
    @Test
    void headerFields() {
        PragmaDiff.assertSame("""
            pragma user_version;
            pragma user_version = 7;
            pragma user_version;
            pragma user_version = -5;
            pragma user_version;
            pragma user_version = 3.9;
            pragma user_version;
            pragma user_version = 'abc';
            pragma user_version;
            pragma user_version(2147483647);
            pragma user_version;
            pragma user_version = 2147483648;
            pragma user_version;
            pragma user_version = -2147483648;
            pragma main.user_version;
            pragma user_version = 0x10;
            pragma user_version;
            pragma user_version = '12abc';
            pragma USER_VERSION;
            pragma application_id;
            pragma application_id = 1234567;
            pragma application_id;
            pragma application_id = 99999999999;
            pragma application_id;
            pragma application_id = -1;
            pragma application_id;
            pragma schema_version;
            create table t(a);
            pragma schema_version;
            pragma freelist_count;
            pragma freelist_count = 5;
            begin;
            pragma user_version = 42;
            rollback;
            pragma user_version;
            """);
    }

    @Test
    void pageCountsAndSizes() {
        PragmaDiff.assertSame("""
            pragma page_count;
            pragma page_size;
            pragma page_size = 8192;
            pragma page_size;
            pragma page_size = 1000;
            pragma page_size;
            create table t(a, b);
            create index ti on t(b);
            pragma page_size;
            pragma page_size = 1024;
            pragma page_size;
            pragma page_count;
            insert into t select value, randomblob(300) from (with recursive c(value) as (select 1 union all select value + 1 from c where value < 40) select value from c);
            pragma page_count;
            delete from t where a > 5;
            pragma freelist_count;
            pragma page_count;
            pragma max_page_count;
            pragma max_page_count = 0;
            pragma max_page_count = 3;
            pragma max_page_count;
            pragma max_page_count = 100000;
            pragma max_page_count = -5;
            pragma max_page_count = 'x';
            pragma max_page_count = 99999999999;
            """);
    }

    @Test
    void maxPageCountStopsGrowthWithSqlitesError() {
        PragmaDiff.assertSame("""
            create table t(a);
            pragma page_count;
            pragma max_page_count = 3;
            insert into t values(randomblob(3000));
            insert into t values(randomblob(9000));
            select count(*) from t;
            pragma page_count;
            pragma max_page_count = 1;
            create table u(x);
            """);
    }

    @Test
    void connectionSettings() {
        PragmaDiff.assertSame("""
            pragma cache_size;
            pragma cache_size = 200;
            pragma cache_size;
            pragma cache_size = -500;
            pragma cache_size;
            pragma cache_size = 'x';
            pragma cache_size;
            pragma synchronous;
            pragma synchronous = off;
            pragma synchronous;
            pragma synchronous = NORMAL;
            pragma synchronous;
            pragma synchronous = extra;
            pragma synchronous;
            pragma synchronous = full;
            pragma synchronous;
            pragma synchronous = 7;
            pragma synchronous;
            pragma synchronous = 1;
            pragma synchronous;
            pragma synchronous = bogus;
            pragma synchronous;
            begin;
            pragma synchronous = 0;
            commit;
            pragma foreign_keys;
            pragma foreign_keys = on;
            pragma foreign_keys;
            pragma foreign_keys = 0;
            pragma foreign_keys;
            pragma foreign_keys = yes;
            pragma foreign_keys;
            begin;
            pragma foreign_keys = off;
            pragma foreign_keys;
            commit;
            pragma foreign_keys;
            pragma recursive_triggers;
            pragma recursive_triggers = true;
            pragma recursive_triggers;
            pragma recursive_triggers = full;
            pragma recursive_triggers;
            pragma busy_timeout = 250;
            pragma busy_timeout;
            pragma busy_timeout = -10;
            pragma busy_timeout(1000);
            """);
    }

    @Test
    void encodingAndAutoVacuum() {
        PragmaDiff.assertSame("""
            pragma encoding;
            pragma encoding = 'UTF-8';
            pragma encoding = 'latin1';
            pragma encoding;
            pragma auto_vacuum;
            pragma auto_vacuum = none;
            pragma auto_vacuum;
            create table t(a);
            pragma auto_vacuum = full;
            pragma auto_vacuum;
            pragma encoding = 'UTF-16le';
            pragma encoding;
            """);
    }
}
