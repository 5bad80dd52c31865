package dev.skerry.engine.json;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * The {@code jsonb_} JSON aggregates as window functions (sliding frames, partitions, whole-partition frames),
 * against SQLite: {@code JsonEachSqlTest} covers the {@code json_} ones.
 */
class JsonbWindowSqlTest {
    @Test
    void jsonbAggregatesOverWindows() {
        Differential.assertSame("""
            create table g(id integer primary key, p, k, v);
            insert into g values(1, 'a', 'x', 1), (2, 'a', 'y', 'two'), (3, 'a', 'z', null), (4, 'b', 'x', 2.5),
              (5, 'b', 'y', '[1,2]'), (6, 'b', 'z', 7);
            select id, hex(jsonb_group_array(v) over (order by id rows between 1 preceding and current row)) from g order by id;
            select id, json(jsonb_group_array(v) over (partition by p order by id)) from g order by id;
            select id, hex(jsonb_group_object(k, v) over (partition by p)) from g order by id;
            select id, json(jsonb_group_object(k || id, v) over (order by id rows between 2 preceding and 1 following)) from g order by id;
            select id, json(jsonb_group_array(v) filter (where id % 2 = 0) over (order by id)) from g order by id;
            select p, json(jsonb_group_array(v)), json(jsonb_group_object(k, v)) from g group by p order by p;
            """);
    }
}
