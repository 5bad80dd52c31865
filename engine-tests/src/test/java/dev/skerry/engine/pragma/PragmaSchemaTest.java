package dev.skerry.engine.pragma;

import org.junit.jupiter.api.Test;

/**
 * The pragmas that describe the schema, against SQLite on varied schemas: {@code table_info},
 * {@code table_xinfo}, {@code index_list}, {@code index_info}, {@code index_xinfo},
 * {@code foreign_key_list}, {@code table_list} (in the order of SQLite's schema hash table, also after
 * drops), {@code collation_list}; rows compared in order.
 */
class PragmaSchemaTest {
    private static final String SCHEMA = """
        create table t(a integer primary key, b text not null default 'x', c real unique, d,
            foreign key(d) references p(x) on delete cascade);
        create index i on t(b desc, c collate nocase);
        create table x(a integer, b varchar(10), "c c" Decimal(5, 2), d "my type", e, f INT, g blob, h Text,
            i default (1 + 2), j default -5, k default +7, l default 'it''s', m default null, n default x'ab',
            o default current_time, p default true);
        create table y(a, b collate NoCase, c, primary key(c, a), unique(b, a), unique(a collate rtrim));
        create unique index yb on y(b);
        create index yc on y(c, b collate binary, a desc);
        create table z(a references y, b, c, foreign key(b, c) references y(a, b) on update set null,
            foreign key(c) references x match full, d references t(a) on update restrict on delete set default);
        create table r(a unique on conflict replace, b unique, c primary key on conflict replace);
        create view v as select a, b from t;
        """;

    @Test
    void tableInfoAndXinfo() {
        PragmaDiff.assertSame(SCHEMA + """
            pragma table_info(t);
            pragma table_info('x');
            pragma table_info(y);
            PRAGMA TABLE_INFO(z);
            pragma main.table_info(r);
            pragma table_xinfo(t);
            pragma table_xinfo(x);
            pragma table_info(nosuch);
            pragma table_info;
            pragma table_info(sqlite_schema);
            pragma table_info(sqlite_master);
            pragma table_info(T);
            """);
    }

    @Test
    void indexListInfoAndXinfo() {
        PragmaDiff.assertSame(SCHEMA + """
            pragma index_list(t);
            pragma index_list(y);
            pragma index_list(r);
            pragma index_list(x);
            pragma index_list(nosuch);
            pragma index_info(i);
            pragma index_info(yc);
            pragma index_info(sqlite_autoindex_y_1);
            pragma index_info(sqlite_autoindex_y_2);
            pragma index_info(sqlite_autoindex_y_3);
            pragma index_xinfo(i);
            pragma index_xinfo(yb);
            pragma index_xinfo(yc);
            pragma index_xinfo(sqlite_autoindex_y_1);
            pragma index_xinfo(sqlite_autoindex_y_2);
            pragma index_xinfo(sqlite_autoindex_y_3);
            pragma index_xinfo(sqlite_autoindex_t_1);
            pragma index_xinfo(sqlite_autoindex_r_1);
            pragma index_info(t);
            pragma index_info(nosuch);
            drop index i;
            pragma index_list(t);
            """);
    }

    @Test
    void foreignKeyList() {
        PragmaDiff.assertSame(SCHEMA + """
            pragma foreign_key_list(t);
            pragma foreign_key_list(z);
            pragma foreign_key_list(x);
            pragma foreign_key_list(nosuch);
            create table fk(A, B, foreign key(a, B) references t, foreign key (b) references z(d) deferrable initially deferred);
            pragma foreign_key_list(fk);
            """);
    }

    @Test
    void tableListFollowsSqlitesHashOrder() {
        PragmaDiff.assertSame("""
            pragma table_list;
            create table a(x);
            pragma table_list;
            """ + SCHEMA + """
            pragma table_list;
            pragma table_list(t);
            pragma table_list(v);
            pragma table_list(nosuch);
            pragma table_list(sqlite_schema);
            pragma table_list(sqlite_master);
            create table t10(x); create table t11(x); create table t12(x, y); create table t13(x);
            create table t14(x); create table t15(x); create table t16(x); create table t17(x);
            pragma table_list;
            create table u1(x); create table u2(x); create table u3(x); create table u4(x); create table u5(x);
            create table u6(x); create table u7(x); create table u8(x); create table u9(x); create table u10(x);
            create table u11(x); create table u12(x); create table u13(x); create table u14(x); create table u15(x);
            pragma table_list;
            drop table u5;
            drop table t;
            pragma table_list;
            """);
    }

    @Test
    void collationList() {
        PragmaDiff.assertSame("""
            pragma collation_list;
            """);
    }

    @Test
    void unknownPragmasAndSchemasAsSqlite() {
        PragmaDiff.assertSame("""
            pragma no_such_pragma;
            pragma no_such_pragma = 5;
            pragma no_such_pragma(x);
            pragma nosuchdb.user_version;
            pragma nosuchdb.no_such_pragma;
            """);
    }
}
