package dev.skerry.engine.sql;

/**
 * The script shared by the INSERT, SELECT and UPDATE/DELETE differential tests: table {@code t1} with an
 * INTEGER PRIMARY KEY, a UNIQUE column and a NOT NULL default, filled through every conflict clause;
 * table {@code t2} with a NOCASE column and two indexes. Each test appends its own statements.
 */
final class IndexedTables {
    /** Creates t1 and t2 with their indexes, fills t1 (some inserts fail or conflict on purpose) and shows it. */
    static final String T1_FILLED = """
        create table t1(a integer primary key, b text unique, c real, d not null default 'dd');
        create table t2(x int, y, z text collate nocase);
        create index t2x on t2(x);
        create index t2yz on t2(y, z);
        insert into t1(b, c) values('one', 1), ('two', 2.5), ('three', '3'), (null, null);
        insert into t1 values(10, 'ten', 10, 'x');
        insert into t1 values(10, 'dup', 1, 'y');
        insert into t1 values(11, 'ten', 1, 'y');
        insert or ignore into t1 values(10, 'dup', 1, 'y');
        insert or replace into t1 values(10, 'ten2', 100, 'z');
        insert or replace into t1(a, b) values(12, 'one');
        insert into t1(a, b, d) values(13, 'nn', null);
        insert or ignore into t1(a, b, d) values(13, 'nn', null);
        select * from t1;
        """;

    /** {@link #T1_FILLED}, then rows in t2 mixing types, NULLs and case. */
    static final String T1_T2_FILLED = T1_FILLED + """
        insert into t2 values(1, 'a', 'A'), (2, 'b', 'b'), (1, 'c', 'C'), (null, 'a', 'a'), (3, 3, 'x'), ('1', '1', '1');
        """;

    private IndexedTables() {
    }
}
