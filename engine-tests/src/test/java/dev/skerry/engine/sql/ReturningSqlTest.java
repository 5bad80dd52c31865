package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** RETURNING on INSERT, UPDATE and DELETE against SQLite: names, values after affinity, OR IGNORE, errors. */
class ReturningSqlTest {
    @Test
    void returningRows() {
        Differential.assertSame("""
            create table t(a integer primary key, b text, c real default 1, unique(b));
            insert into t(b) values('x') returning *;
            insert into t(b, c) values('y', '5') returning a, b || '!', c as cc, rowid;
            insert into t values(10, 'z', 2), (11, 'w', 3) returning a;
            update t set c = c + 1 where a > 5 returning a, c;
            delete from t where a = 1 returning *;
            insert into t(b) values(1) returning count(*);
            insert into t(b) values(1) returning t.b, (select count(*) from t);
            insert or ignore into t(b) values('y'), ('q') returning b;
            insert into t(b) values('y') returning b;
            select * from t;
            delete from t returning a;
            select count(*) from t;
            """);
    }
}
