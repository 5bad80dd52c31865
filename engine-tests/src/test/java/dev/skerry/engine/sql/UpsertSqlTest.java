package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** INSERT ... ON CONFLICT DO NOTHING / DO UPDATE (targets, excluded.*, WHERE, conflicts of the update) against SQLite. */
class UpsertSqlTest {
    /** The ON CONFLICT targets' constraints are checked before the others (and the rowid after them). */
    @Test
    void targetConstraintsAreCheckedFirst() {
        Differential.assertSame("""
            create table u(a primary key, b unique);
            insert into u values(1, 1);
            insert into u values(1, 1) on conflict(a) do update set b = 5;
            select * from u;
            insert into u values(1, 5) on conflict(b) do update set a = 7;
            select * from u;
            create table v(a unique, b unique, c unique);
            insert into v values(1, 1, 1);
            insert into v values(1, 1, 1) on conflict(c) do update set c = 5;
            insert into v values(2, 1, 5) on conflict(c) do nothing;
            insert into v values(1, 2, 3) on conflict(b) do nothing on conflict(a) do update set c = 9;
            insert into v values(1, 1, 3) on conflict(b) do update set c = 8 on conflict(a) do update set c = 9;
            select * from v;
            create table w(id integer primary key, b unique, c unique);
            insert into w values(1, 1, 1);
            insert into w values(1, 1, 2) on conflict(b) do update set c = 7;
            insert into w values(1, 2, 7) on conflict(id) do update set b = 3;
            insert into w values(1, 3, 5) on conflict(c) do update set b = 4 on conflict(id) do update set b = 6;
            insert into w values(1, 9, 9) on conflict(c) do update set b = 4 on conflict(id) do update set b = 6;
            select * from w;
            create table x(id integer primary key, b unique);
            insert into x values(1, 1), (2, 2);
            insert into x values(1, 2) on conflict(b) do update set b = 20;
            insert into x values(2, 1) on conflict(id) do update set b = 30;
            select * from x;
            create table y(id integer primary key, b unique, c unique, d unique);
            insert into y values(1, 1, 1, 1);
            insert into y values(1, 5, 1, 5) on conflict(b) do nothing;
            insert into y values(1, 2, 1, 2) on conflict(b) do nothing on conflict(d) do nothing;
            insert into y values(1, 2, 1, 2) on conflict(b) do nothing on conflict(id) do update set b = 9 on conflict(c) do update set b = 8;
            insert into y values(1, 3, 1, 3) on conflict(c) do update set b = 7 on conflict(id) do update set b = 6;
            insert into y values(2, 7, 2, 1) on conflict do update set c = 4;
            select * from y;
            """);
    }

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
