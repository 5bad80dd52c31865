package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** {@code PRAGMA foreign_key_check} against SQLite: all tables and one, missing parents, mismatch errors. */
class ForeignKeyCheckSqlTest {
    @Test
    void reportsViolatingRows() {
        Differential.assertSame("""
            create table p(id integer primary key, k text unique);
            create table c(a references p, b references p(k), c);
            create table m(a, b, foreign key(a, b) references q(x, y));
            create table z(a);
            insert into p values(1, 'one'), (2, 'two');
            insert into c values(1, 'one', 1), (3, 'one', 2), (2, 'three', 3), (null, null, 4), ('1', 1, 5);
            insert into c values(9, 'nine', 6);
            insert into m values(1, 2), (null, 1);
            pragma foreign_key_check;
            pragma foreign_key_check(c);
            pragma foreign_key_check(z);
            pragma foreign_key_check(nosuch);
            create table q(x, y);
            pragma foreign_key_check(m);
            pragma foreign_key_check(c);
            pragma foreign_keys = on;
            pragma foreign_key_check(c);
            """);
    }
}
