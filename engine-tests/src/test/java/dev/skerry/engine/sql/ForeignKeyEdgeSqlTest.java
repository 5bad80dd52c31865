package dev.skerry.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.Statement;
import dev.skerry.testkit.Differential;
import dev.skerry.testkit.HostLoop;
import dev.skerry.testkit.SkerryEngine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Foreign key corner cases against SQLite: schema changes, views, rowid child keys, case of names. */
class ForeignKeyEdgeSqlTest {
    @Test
    void renamesAndCaseOfNames() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table Parent(ID integer primary key);
            create table child(x references PARENT(id) on delete cascade);
            insert into parent values(1), (2);
            insert into child values(1), (2);
            insert into child values(3);
            alter table parent rename to p2;
            insert into child values(3);
            delete from p2 where id = 1;
            select * from child;
            alter table child rename column x to y;
            delete from p2 where id = 2;
            select * from child;
            insert into child values(5);
            """);
    }

    @Test
    void viewsAndRowidChildKeys() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table base(a primary key);
            create view v as select a from base;
            create table cv(x references v(a));
            insert into cv values(1);
            pragma foreign_key_check(cv);
            create table p(id integer primary key);
            create table c(id integer primary key references p on update cascade on delete cascade, t);
            insert into p values(1), (2);
            insert into c values(1, 'a'), (2, 'b');
            insert into c values(3, 'c');
            update p set id = 10 where id = 1;
            select rowid, * from c order by id;
            delete from p where id = 2;
            select rowid, * from c order by id;
            update c set id = 11 where id = 10;
            update c set id = 12, t = 'z' where id = 10;
            """);
    }

    @Test
    void deleteAllAndInsertSelect() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table p(id integer primary key);
            create table c(x references p);
            with recursive n(v) as (select 1 union all select v + 1 from n where v < 20) insert into p select v from n;
            with recursive n(v) as (select 1 union all select v + 1 from n where v < 20) insert into c select v from n where v % 3 = 0;
            with recursive n(v) as (select 15 union all select v + 1 from n where v < 25) insert into c select v from n;
            delete from p;
            delete from p where id % 3 <> 0;
            select count(*) from p;
            delete from c;
            delete from p;
            select count(*) from p;
            """);
    }

    @Test
    void orFailKeepsChangesOnlyWithoutViolations() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table p(id integer primary key);
            create table c(id integer primary key, x references p, y not null);
            insert into p values(1), (2);
            insert into c values(1, 1, 'a'), (2, 2, 'b'), (3, 1, 'c');
            update or fail c set y = case id when 3 then null else 'z' end;
            select * from c order by id;
            update or fail c set x = 9, y = case id when 3 then null else 'w' end;
            select * from c order by id;
            begin;
            update or fail c set x = 9, y = case id when 2 then null else 'v' end;
            select * from c order by id;
            commit;
            """);
    }

    /** A statement prepared before {@code PRAGMA foreign_keys} changes runs with the new setting, as in SQLite. */
    @Test
    void statementPreparedBeforeThePragmaFollowsIt() throws Exception {
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            sqlite.createStatement().execute("create table p(id integer primary key)");
            sqlite.createStatement().execute("create table c(x references p)");
            try (PreparedStatement ins = sqlite.prepareStatement("insert into c values(?)")) {
                ins.setInt(1, 1);
                ins.executeUpdate();
                sqlite.createStatement().execute("pragma foreign_keys = on");
                ins.setInt(1, 2);
                SQLException e = assertThrows(SQLException.class, ins::executeUpdate);
                assertEquals(true, e.getMessage().contains("FOREIGN KEY constraint failed"));
            }
        }
        try (SkerryEngine e = new SkerryEngine()) {
            e.run("create table p(id integer primary key)");
            e.run("create table c(x references p)");
            Statement ins = e.connection().prepare("insert into c values(?)");
            ins.bindLong(1, 1);
            HostLoop.step(ins, e.vfs());
            ins.reset();
            e.run("pragma foreign_keys = on");
            ins.bindLong(1, 2);
            SqliteException fk = assertThrows(SqliteException.class, () -> HostLoop.step(ins, e.vfs()));
            assertEquals("FOREIGN KEY constraint failed", fk.getMessage());
            ins.close();
        }
    }
}
