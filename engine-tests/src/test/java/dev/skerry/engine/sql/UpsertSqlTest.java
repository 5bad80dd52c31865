package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** INSERT ... ON CONFLICT DO NOTHING / DO UPDATE (targets, excluded.*, WHERE, conflicts of the update) against SQLite. */
class UpsertSqlTest {
    @Test
    void upserts() {
        Differential.assertSame("""
            create table t(a integer primary key, b text unique, c int default 0);
            insert into t values(1, 'x', 1);
            insert into t values(1, 'y', 5) on conflict do nothing;
            insert into t values(2, 'x', 5) on conflict(b) do nothing;
            insert into t values(2, 'x', 5) on conflict(c) do nothing;
            insert into t values(1, 'q', 5) on conflict(a) do update set c = c + excluded.c;
            select * from t;
            insert into t values(3, 'x', 7) on conflict(b) do update set c = excluded.c, a = 9 where c < 10;
            select * from t;
            select changes();
            insert into t values(4, 'x', 100) on conflict(b) do update set c = excluded.c where excluded.c < 50;
            select * from t;
            insert into t values(5, 'x', 1) on conflict(b) do update set b = 'y';
            insert into t values(5, 'new', 1) on conflict(b) do update set b = 'y';
            select * from t;
            insert into t values(6, 'y', 2) on conflict(b) do update set b = 'new';
            insert into t values(7, 'z', 3), (8, 'z', 4) on conflict(b) do update set c = t.c * 10 + excluded.c;
            select * from t;
            insert into t values(9, 'y', 1) on conflict(rowid) do nothing;
            insert into t(b) values('z') on conflict(b) do update set c = 0 returning *;
            create table kv(k text primary key, v);
            insert into kv values('a', 1) on conflict(k) do update set v = v + 1;
            insert into kv values('a', 1) on conflict(k) do update set v = v + 1;
            insert into kv values('A', 1) on conflict(k) do update set v = v + 1;
            select * from kv;
            insert into kv values('a', 1) on conflict(v) do update set v = 0;
            """);
    }
}
