package dev.skerry.engine.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.testkit.Differential;
import dev.skerry.testkit.QueryPlans;
import org.junit.jupiter.api.Test;

/**
 * {@code column IS NULL} drives an index seek as an equality (SQLite's {@code WO_ISNULL}): the seek finds the
 * entries whose field is NULL, alone or after other equalities, in SELECT, UPDATE and DELETE, under any
 * collation; EXPLAIN QUERY PLAN shows it as {@code (x=?)} (UPDATE and DELETE seek the same way; their plans say
 * COVERING INDEX where SQLite's do not, as everywhere). The rows are SQLite's, also for UNIQUE indexes
 * (which hold several NULLs), NOT NULL columns, and the rowid (never NULL, so never sought that way).
 */
class IsNullPlannerTest {
    private static final String SCHEMA = """
            create table t(id integer primary key, x, y, z, w text collate nocase);
            create index tx on t(x);
            create index tzx on t(z, x);
            create unique index ty on t(y);
            create index tw on t(w);
            create table n(a not null, b);
            create index na on n(a);
            """;

    private static final String[] QUERIES = {
        "select * from t where x is null",
        "select id from t where x isnull",
        "select * from t where z = 1 and x is null",
        "select * from t where z is null and x is null",
        "select * from t where y is null",
        "select * from t where w is null",
        "select * from t where x is null and x = 3",
        "select * from t where x is null order by x desc",
        "select * from t where x is not null",
        "select * from t where id is null",
        "select * from n where a is null",
    };

    @Test
    void plansMatchSqlites() {
        assertEquals("", QueryPlans.differences(SCHEMA, QUERIES));
    }

    @Test
    void rowsMatchSqlites() {
        StringBuilder script = new StringBuilder(SCHEMA).append("""
                insert into t values (1, null, null, 1, null), (2, 3, 1, 1, 'a'), (3, null, null, null, 'A'),
                    (4, 'x', 2, 2, null), (5, x'00', null, 1, 'b'), (6, null, 3, 1, 'B'), (7, 0, null, null, '');
                insert into n values (1, null), (2, 2);
                """);
        for (String q : QUERIES) {
            if (q.startsWith("select")) {
                script.append(q).append(";\n");
            }
        }
        script.append("""
                select * from t where x is null or x = 3 order by id;
                select * from t where x is null and y is null;
                select count(*) from t where z is null;
                update t set z = 9 where y is null;
                delete from t where x is null and z = 9;
                select * from t order by id;
                pragma integrity_check;
                """);
        Differential.assertSame(script.toString());
    }
}
