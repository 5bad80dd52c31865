package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * The rowid named in INSERT column lists (the last of {@code rowid} and the INTEGER PRIMARY KEY column wins, as
 * SQLite's ipkColumn) and in upsert SET/WHERE (unqualified: the target row's), against SQLite.
 */
class RowidNamesSqlTest {
    @Test
    void insertColumnListRowid() {
        Differential.assertSame("""
            create table t (x, y integer primary key, z);
            insert into t(z, x, y, rowid) values (1, 2, 3, 4), (5, 6, 7, 8);
            insert into t(z, x, y, rowid) values (9, 10, 11, 12);
            insert into t(z, x, rowid, y) values (-1, -2, -3, -4), (-5, -6, -7, -8);
            insert into t(z, x, rowid, y) values (-9, -10, -11, -12);
            insert into t(z, oid, x, _rowid_) select 100, 101, 102, 103;
            insert into t(y, z, y) values (200, 1, 201);
            select rowid, x, y, z from t;
            create table u (a, b);
            insert into u(rowid, a, rowid) values (5, 1, 6);
            select rowid, * from u;
            """);
    }

    @Test
    void upsertRowid() {
        Differential.assertSame("""
            create table rid (id integer primary key, name);
            insert into rid values (5, 'foo');
            insert into rid values (5, 'bar') on conflict do update set name = printf('id=%d', rowid);
            select * from rid;
            create table k (a unique, b);
            insert into k values (1, 'x');
            insert into k values (1, 'y') on conflict (a) do update set b = b || rowid || excluded.b || excluded.rowid where rowid > 0;
            select rowid, * from k;
            insert into k values (1, 'z') on conflict (a) do update set b = excluded.rowid;
            select rowid, * from k;
            """);
    }
}
