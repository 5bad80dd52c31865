package dev.skerry.engine.pragma;

import org.junit.jupiter.api.Test;

/**
 * The table-valued pragma functions ({@code pragma_table_info('t')} and the others), against SQLite: their
 * columns (hidden {@code arg} and {@code schema} included), their rows, arguments given as function arguments
 * or as equalities on the hidden columns, correlated use in joins, and their errors.
 */
class PragmaFunctionTest {
    private static final String SCHEMA = """
        create table t(a integer primary key, b text not null default 'x', c real unique, d,
            foreign key(d) references p(x) on delete cascade);
        create index i on t(b desc, c collate nocase);
        create table y(a, b collate NoCase, c, primary key(c, a), unique(b, a));
        create unique index yb on y(b);
        create table z(a references y, b, c, foreign key(b, c) references y(a, b) on update set null);
        create view v as select a, b from t;
        """;

    @Test
    void schemaPragmasAsTables() {
        PragmaDiff.assertSame(SCHEMA + """
            select * from pragma_table_info('t');
            select *, arg, schema from pragma_table_info('y');
            select * from pragma_table_info('t', 'main');
            select name, type, pk from pragma_table_xinfo('z') order by cid desc;
            select * from pragma_table_info() ;
            select * from pragma_table_info;
            select * from pragma_table_info(NULL);
            select * from pragma_table_info('nosuch');
            select * from pragma_table_info where arg = 't';
            select * from pragma_table_info where arg = 'y' and schema = 'main';
            select * from pragma_index_list('t');
            select *, arg from pragma_index_list('y');
            select * from pragma_index_info('i');
            select * from pragma_index_xinfo('yb');
            select * from pragma_index_info('sqlite_autoindex_y_1');
            select * from pragma_foreign_key_list('t');
            select * from pragma_foreign_key_list('z');
            select * from pragma_table_list where name not like 'sqlite%';
            select * from pragma_table_list('t');
            select * from pragma_collation_list;
            select * from main.pragma_table_info('t');
            select * from PRAGMA_TABLE_INFO('T');
            select count(*), sum(pk) from pragma_table_info('y');
            select arg, typeof(arg) from pragma_table_info(5);
            """);
    }

    @Test
    void correlatedInJoins() {
        PragmaDiff.assertSame(SCHEMA + """
            select s.name, p.cid, p.name, p.type from sqlite_schema s, pragma_table_info(s.name) p
                where s.type = 'table' order by 1, 2;
            select s.name, p.* from sqlite_schema s join pragma_index_list(s.name) p order by 1, 2;
            select m.name, ii.name from sqlite_schema m, pragma_index_list(m.name) il, pragma_index_info(il.name) ii
                where m.type = 'table' order by 1, 2;
            select t.name, (select count(*) from pragma_table_info(t.name)) from sqlite_schema t
                where t.type <> 'view' order by 1;
            select name from sqlite_schema where type = 'table'
                and exists (select 1 from pragma_table_info(name) where pk > 0) order by 1;
            select p.name from pragma_table_info('t') p left join pragma_index_list('t') l on l.name = p.name;
            """);
    }

    @Test
    void settingsAsTables() {
        PragmaDiff.assertSame("""
            select * from pragma_cache_size;
            pragma cache_size = 123;
            select * from pragma_cache_size;
            select * from pragma_cache_size('main');
            select * from pragma_foreign_keys;
            pragma foreign_keys = 1;
            select foreign_keys from pragma_foreign_keys;
            select * from pragma_recursive_triggers;
            pragma busy_timeout = 250;
            select * from pragma_busy_timeout;
            select * from pragma_synchronous;
            select * from pragma_query_only;
            pragma query_only = 1;
            select * from pragma_query_only;
            """);
    }

    @Test
    void tableInfoOfViews() {
        PragmaDiff.assertSame("""
            create table t(a Integer primary key, b VarChar(10), c "my type", d int, e, f real, g text not null default 'x');
            create view v as select * from t;
            create view v2 as select a+1, cast(b as text), e, +c, c, -d, f * 2, g || 'y', 5, 'q', NULL, a as b from t;
            create view v3(x, y) as select b, count(*) from t group by b;
            create view v4 as select t1.a, t2.a, t1.a from t t1, t t2;
            create view v7 as select a, a as "A", a as "a:1", a from t;
            create view v6 as select cast(a as integer), cast(b as real), cast(c as numeric), cast(d as blob), cast(e as foo) from t;
            pragma table_info(v);
            pragma table_info(v2);
            pragma table_xinfo(v3);
            pragma table_info(v4);
            pragma table_info(v6);
            pragma table_info(v7);
            select * from pragma_table_info('v2');
            select s.name, p.name, p.type from sqlite_schema s, pragma_table_info(s.name) p order by 1, p.cid;
            """);
    }

    @Test
    void databaseListOnFiles() throws java.io.IOException {
        PragmaDiff.assertSameOnFiles(null, """
            select * from pragma_database_list;
            select name from pragma_database_list where seq = 0;
            """);
    }

    @Test
    void errors() {
        PragmaDiff.assertSame(SCHEMA + """
            select * from pragma_table_info('t', 'main', 'x');
            select * from pragma_table_info('t', 'nosuch');
            select * from pragma_cache_size(5);
            select * from pragma_function_list('x');
            select * from pragma_nosuch;
            select * from pragma_;
            """);
    }
}
