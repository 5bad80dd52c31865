package dev.skerry.engine.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.testkit.Differential;
import dev.skerry.testkit.QueryPlans;
import org.junit.jupiter.api.Test;

/**
 * SQLite's min/max optimization: a query over one table whose only aggregate is a plain min(X) or max(X) is
 * planned in the order of X and stops at the first row that has a value, so {@code max(id)} or the latest row
 * of a group ({@code max(b) ... where a = ?} with an index on (a, b)) costs a seek, not a scan. Rows and bare
 * columns are SQLite's (NULLs, mixed types, collations, WHERE terms the index does not serve, empty results),
 * and so is EXPLAIN QUERY PLAN ({@code SEARCH t USING COVERING INDEX tx}).
 */
class MinMaxPlannerTest {
    private static final String SCHEMA = """
            create table t(id integer primary key, x, y not null, z, w text collate nocase);
            create index tx on t(x);
            create index ty on t(y desc);
            create index tzx on t(z, x);
            create index tw on t(w);
            create table e(a int, b int);
            create index eab on e(a + b);
            create table k(p text primary key, q) without rowid;
            create table s(g int, v);
            create index sgv on s(g, v);
            """;

    private static final String DATA = SCHEMA + """
            insert into t values (1, null, 5, 1, 'b'), (2, 3, 2, 1, 'A'), (3, null, 9, 2, null), (4, 'text', 1, 2, 'a'),
                (5, x'00', 7, 1, 'C'), (6, 2.5, 3, null, 'B'), (7, -4, 4, 2, 'c'), (8, 3, 6, 1, 'a');
            insert into e values (1, 2), (5, -9), (null, 3), (4, 4);
            insert into k values ('m', 1), ('B', 2), ('a', null);
            insert into s values (1, 10), (1, 30), (1, null), (2, 5), (2, null), (3, null);
            create table empty(id integer primary key, x);
            create index emptyx on empty(x);
            create table nulls(x);
            create index nullsx on nulls(x);
            insert into nulls values (null), (null);
            """;

    private static final String[] QUERIES = {
        "select max(id) from t",
        "select min(id) from t",
        "select min(x) from t",
        "select max(x) from t",
        "select min(y) from t",
        "select max(y), id from t",
        "select max(x) from t where x < 5",
        "select min(x) from t where z = 2",
        "select max(x) from t where z = 1",
        "select min(x) from t where y > 3",
        "select max(x) + 1 from t",
        "select max(z) from t",
        "select min(w), id from t",
        "select max(w) from t",
        "select max(p) from k",
        "select min(p), q from k",
        "select *, (select max(v) from s where s.g = t.id) from t",
        "select *, (select min(v) from s where s.g = t.id) from t",
    };

    private static final String[] ROWS_ONLY = {
        "select min(a + b) from e",
        "select max(a + b), a from e",
        "select min(x), max(x) from t",
        "select min(x collate nocase) from t",
        "select max(x collate nocase) from t",
        "select min(x), id, y from t",
        "select max(x), id, y from t",
        "select min(x) from t where x is null",
        "select max(x), id from t where x is null",
        "select max(x) from t where id > 100",
        "select min(x) from t where z = 9",
        "select max(x) from empty",
        "select min(x), id from empty",
        "select max(id) from empty",
        "select min(x), rowid from nulls",
        "select max(x), rowid from nulls",
        "select max(x) from t limit 0",
        "select max(x) from t limit 1 offset 1",
        "select min(distinct x) from t",
        "select max(x) filter (where id < 3) from t",
        "select count(*), max(x) from t",
        "select max(x) from t group by z order by 1",
        "select max(x) from t having max(x) > 0",
        "select max(x) from (select x from t)",
        "select max(x) from t, e where e.a = t.id",
        "select t.id, (select max(v) from s where s.g = t.id), (select min(v) from s where s.g = t.id) from t",
        "select t.id, (select max(v), count(*) from s where s.g = t.id) from t",
        "select id, (select min(x) from t as u where u.x > t.x) from t order by id",
        "select max(w), min(w) from t where w > 'a'",
        "select min(y) from t where y not in (1, 2)",
    };

    @Test
    void plansMatchSqlites() {
        assertEquals("", QueryPlans.differences(SCHEMA, QUERIES));
    }

    @Test
    void rowsMatchSqlites() {
        StringBuilder script = new StringBuilder(DATA);
        for (String q : QUERIES) {
            script.append(q).append(";\n");
        }
        for (String q : ROWS_ONLY) {
            script.append(q).append(";\n");
        }
        Differential.assertSame(script.toString());
    }
}
