package dev.skerry.engine.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.testkit.Differential;
import dev.skerry.testkit.QueryPlans;
import org.junit.jupiter.api.Test;

/**
 * A LEFT JOIN whose right-hand table the WHERE rejects when NULL is planned as an inner join, as SQLite's
 * {@code SQLITE_SimplifyJoin} does: the planner may then start from the right-hand table, or use a partial index
 * the ON terms imply. Which WHERE shapes qualify (comparisons, arithmetic, BETWEEN's operand, IN lists, NOTNULL,
 * both sides of OR) and which do not (IS, IS NULL, CASE, functions, LIKE, subqueries, one side of an OR, a
 * RIGHT or FULL join in the FROM) is SQLite's; plans and rows are compared with SQLite. A BETWEEN seeks with
 * either bound alone when only that one is known, and a column that is one of its bounds seeks too, as SQLite's
 * two virtual terms do.
 */
class SimplifyJoinsPlannerTest {
    private static final String SCHEMA = """
            create table a(id integer primary key, y int, name text);
            create table b(id integer primary key, aid int, x int, z int, w text);
            create index bx on b(x);
            create index baid on b(aid);
            create table c(id integer primary key, bid int, v int);
            create index cbid on c(bid);
            create index cv on c(v);
            create table p(id int, m int);
            create index pm on p(id) where m is not null;
            """;

    private static final String[] QUERIES = {
        "select * from a left join b on b.aid = a.id where b.x = 5",
        "select * from a left join b on b.aid = a.id where b.x is null",
        "select * from a left join b on b.aid = a.id where b.x is not null",
        "select * from a left join b on b.aid = a.id where b.x notnull and a.y = 1",
        "select * from a left join b on b.aid = a.id where coalesce(b.x, 0) = 5",
        "select * from a left join b on b.aid = a.id where b.w like 'a%'",
        "select * from a left join b on b.aid = a.id where b.x = 1 or a.y = 2",
        "select * from a left join b on b.aid = a.id where b.x = 1 or b.z = 2",
        "select * from a left join b on b.aid = a.id where not (b.x = 1 and a.y = 2)",
        "select * from a left join b on b.aid = a.id where b.x + 1 > 3",
        "select * from a left join b on b.aid = a.id where b.x between 1 and 5",
        "select * from a left join b on b.aid = a.id where 3 between b.x and 10",
        "select * from a left join b on b.aid = a.id where b.x between a.y and 5",
        "select * from a, b where b.x between a.y and 5 and b.aid = a.id",
        "select * from a, b where b.x between 2 and a.y",
        "select * from a left join b on b.aid = a.id where 3 between b.x and b.z",
        "select * from a, b where a.y between b.x and 9 and b.aid = a.id",
        "select * from b where 4 between x and z",
        "select * from b where 'a' between w and 'b'",
        "select * from a left join b on b.aid = a.id where b.x in (1, 2)",
        "select * from a left join b on b.aid = a.id where b.x not in (1, 2)",
        "select * from a left join b on b.aid = a.id where likely(b.x = 1)",
        "select * from a left join b on b.aid = a.id where case when b.x = 1 then 1 end",
        "select * from a left join b on b.aid = a.id where b.x is 1",
        "select * from a left join b on b.aid = a.id where cast(b.x as int) = 1",
        "select * from a left join b on b.aid = a.id where a.y = 1",
        "select count(*) from a left join b on b.aid = a.id where b.x > 0 group by a.y",
    };

    /**
     * Simplified as SQLite simplifies them, but planned in the written order: Skerry reorders a join only when no
     * LEFT JOIN and no USING remain, and uses no index for {@code IN (SELECT …)}.
     */
    private static final String[] ROWS_ONLY = {
        "select * from a left join b on b.aid = a.id where b.x in (select v from c) order by 1, 4",
        "select * from a left join b on b.aid = a.id left join c on c.bid = b.id where c.v = 7 order by 1, 4, 9",
        "select * from a left join b on b.aid = a.id left join c on c.bid = b.id where b.x = 7 order by 1, 4, 9",
        "select * from a left join b using (id) where b.x = 3 order by 1",
        "select * from a right join b on b.aid = a.id where b.x = 5 order by b.id",
        "select * from a left join b on b.aid = a.id left join c on c.bid = b.id full join p on p.id = a.id "
            + "where b.x = 3 order by 1, 4, 9, 12, 13",
        "select * from a left join p indexed by pm on p.id = a.id where p.m > 0 order by a.id",
        "select a.id, b.id from a left join b on b.aid = a.id where b.x = 1 or b.z = 2 order by 1, 2",
        "select a.id, b.id from a left join b on b.aid = a.id where not (b.x = 1 and a.y = 2) order by 1, 2",
        "select a.id, b.id from a left join b on b.aid = a.id where b.x not in (1, 2) order by 1, 2",
        "select a.id, b.id from a left join b on b.aid = a.id where b.x is null order by 1, 2",
    };

    @Test
    void plansMatchSqlites() {
        assertEquals("", QueryPlans.differences(SCHEMA, QUERIES));
    }

    @Test
    void rowsMatchSqlites() {
        StringBuilder script = new StringBuilder(SCHEMA).append("""
                insert into a values (1, 1, 'ann'), (2, 2, 'bob'), (3, 1, null), (4, null, 'al');
                insert into b values (10, 1, 5, 2, 'ax'), (11, 1, 1, 9, 'b'), (12, 2, null, 2, null), (13, 9, 3, 3, 'a'),
                    (14, 3, 2, 2, 'c');
                insert into c values (100, 10, 7), (101, 12, 1), (102, 14, 7), (103, 99, 7);
                insert into p values (1, 5), (2, null), (4, 0);
                """);
        for (String q : QUERIES) {
            script.append(q).append(q.contains("group by") ? " order by 1;\n" : " order by 1, 4;\n");
        }
        for (String q : ROWS_ONLY) {
            script.append(q).append(";\n");
        }
        Differential.assertSame(script.toString());
    }
}
