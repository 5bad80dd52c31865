package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Foreign keys whose parent or child key is a generated column: an UPDATE of a column the generated column
 * reads changes the key (SQLite's {@code sqlite3Update} marks such generated columns changed), so NO ACTION
 * fails, CASCADE follows and deferred violations count. Against SQLite.
 */
class ForeignKeyGeneratedSqlTest {
    @Test
    void parentKeyIsAGeneratedColumn() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table p(a integer, b integer generated always as (a * 2) virtual, c text);
            create unique index idx_p_b on p(b);
            create table c(x integer references p(b));
            insert into p(a, c) values(1, 'hi');
            insert into c(x) values(2);
            update p set a = 3 where a = 1;
            update p set c = 'ho' where a = 1;
            select * from p;
            create table p2(a integer, b integer as (a * 2) stored, d as (b + 1));
            create unique index idx_p2_d on p2(d);
            create table c2(x integer references p2(d) on update cascade);
            insert into p2(a) values(1000);
            insert into c2(x) values(2001);
            update p2 set a = 1001 where a = 1000;
            select * from c2;
            create table p3(a integer, b integer as (a * 2));
            create unique index idx_p3_b on p3(b);
            create table c3(x integer references p3(b) on update set null);
            insert into p3(a) values(5);
            insert into c3 values(10);
            update p3 set a = 6;
            select * from c3;
            """);
    }

    @Test
    void childKeyIsAGeneratedColumn() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table p(x primary key);
            create table c(a, b as (a), foreign key(b) references p deferrable initially deferred);
            insert into p values(1);
            insert into c values(1);
            update c set a = 2;
            select * from c;
            begin;
            update c set a = 3;
            insert into p values(3);
            commit;
            select * from c;
            create table c2(a, b as (a + 1) stored references p);
            insert into c2 values(0);
            update c2 set a = 5;
            update c2 set a = 2;
            select * from c2;
            """);
    }
}
