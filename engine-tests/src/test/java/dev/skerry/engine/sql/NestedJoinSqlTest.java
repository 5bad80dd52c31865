package dev.skerry.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Parenthesized joins wherever SQLite accepts them, against SQLite: as the right side of LEFT, RIGHT, FULL,
 * NATURAL and USING joins, with outer joins inside, with an alias, nested in each other and in subqueries;
 * names inside the parentheses ({@code b.y}, {@code b.*}, the alias's columns, ambiguous unqualified
 * names, the {@code :N} names of repeated columns); and RIGHT/FULL JOIN to a table-valued function.
 */
class NestedJoinSqlTest {
    static final String ABC = """
        create table a(id, x);
        create table b(id, y);
        create table c(id, z);
        insert into a values(1, 10), (2, 20), (3, 30), (null, 40);
        insert into b values(1, 100), (2, 200), (4, 400);
        insert into c values(1, 1000), (3, 3000), (4, 4000);
        """;

    @Test
    void outerJoinsToParenthesizedJoins() {
        Differential.assertSame(ABC + """
            select * from a left join (b join c on b.id = c.id) on a.id = b.id;
            select * from a left join (b join c using(id)) on a.id = b.id;
            select * from a left join (b join c using(id)) using(id);
            select * from a natural left join (b join c using(id));
            select * from a join (b join c on b.id = c.id) using(id);
            select * from a right join (b left join c on b.id = c.id) on a.id = c.id;
            select * from a full join (b left join c on b.id = c.id) on a.id = c.id;
            select * from a left join (b left join c on b.id = c.id) on a.id = b.id where z is null;
            select * from a left join (b, c) on b.id = c.id;
            select * from a left join (b join (c join a as d on c.id = d.id) on b.id = c.id) on a.id = b.id;
            select * from a left join (b left join (c join a as d on c.id = d.id) on b.id = c.id) on a.id = b.id;
            select * from a join (b left join c on b.id = c.id) on a.id = b.id;
            select * from a full join (b full join c on b.id = c.id) on a.id = coalesce(b.id, c.id);
            select * from a join (b join c on b.id = c.id) on b.id = a.id join (select 1 as k) on k = a.id;
            select count(*), sum(z) from a left join (b join c on b.id = c.id) on a.id = b.id;
            select a.id, b.y, c.z from a left join (b join c on b.id = c.id) on a.id = b.id order by b.id, a.x;
            """);
    }

    @Test
    void namesInsideTheParentheses() {
        Differential.assertSame(ABC + """
            select a.id, b.id, c.id, y, z from a left join (b join c on b.id = c.id) on a.id = b.id;
            select b.*, c.* from a left join (b join c on b.id = c.id) on a.id = b.id;
            select c.* from a left join (b join c on b.id = c.id) on a.id = b.id;
            select y, z, c.z, b.y from a left join (b join c on b.id = c.id) on a.id = b.id;
            select id from a left join (b join c on b.id = c.id) on a.id = b.id;
            select id from a left join (b join c using(id)) on a.x = b.y / 10;
            select d.x from a left join (b left join (c join a as d on c.id = d.id) on b.id = c.id) on a.id = b.id;
            select zz from a left join (b join c on b.id = c.id) on 1;
            select q.zz from a left join (b join c on b.id = c.id) on 1;
            select c.zz from a left join (b join c on b.id = c.id) on 1;
            select q.* from a left join (b join c on b.id = c.id) on 1;
            select * from a join (b join c on a.id = c.id) on 1;
            select * from a left join (b join c on b.id = a.id) on 1;
            select a.id, (select count(*) from (b join c on b.id = c.id) where b.id = a.id) from a;
            select a.id from a where exists (select 1 from b left join (c join a as e on c.id = e.id) on b.id = c.id where e.x = a.x);
            """);
    }

    @Test
    void parenthesizedJoinsWithAnAlias() {
        Differential.assertSame(ABC + """
            select * from a join (b join c on b.id = c.id) as x on a.id = x.id;
            select x.id, x.z, x.y from a left join (b join c on b.id = c.id) as x on a.id = x.id;
            select b.y from a join (b join c on b.id = c.id) as x on a.id = x.y / 100;
            select x.* from a join (b join c on b.id = c.id) as x on a.id = x.y / 100;
            select * from a, (b join c on b.id = c.id) as x;
            select x.id from a, (b join c on b.id = c.id) as x;
            select * from a left join (b join c on b.id = c.id) as x using (id);
            select * from a left join (b join c on b.id = c.id) as b on a.id = b.id;
            """);
    }

    @Test
    void rightAndFullJoinToTableValuedFunctions() {
        String[] pairs = {
            "create table a(id, x)",
            "insert into a values(1, 10), (2, 20), (3, 30)",
            "select * from a right join generate_series(2, 5) on a.id = value"
                + " ### select a.*, s.value from a right join (select 2 as value union all select 3 union all select 4 union all select 5) as s on a.id = s.value",
            "select a.id, value from a full join generate_series(3, 4) as g on a.id = g.value order by 2, 1"
                + " ### select a.id, s.value from a full join (select 3 as value union all select 4) as s on a.id = s.value order by 2, 1",
            "select a.id, g.* from a right join generate_series(1, 2) as g on a.id = g.value + 1"
                + " ### select a.id, s.value from a right join (select 1 as value union all select 2) as s on a.id = s.value + 1",
            "select value, start, stop from a right join generate_series(5, 6) on a.id = value"
                + " ### select 5, 5, 6 union all select 6, 5, 6",
        };
        assertEquals("", String.join("\n", Differential.checkEquivalents(pairs, true)));
    }
}
