package dev.skerry.engine.json;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * The {@code jsonb_} JSON aggregates as window functions (sliding frames, partitions, whole-partition frames),
 * against SQLite: {@code JsonEachSqlTest} covers the {@code json_} ones. JSON subtypes cross a window as in
 * SQLite: a JSON aggregate embeds an argument that is JSON ({@code json_object()}, {@code ->}, a CASE or COALESCE
 * giving JSON) instead of quoting it, and its value stays JSON in the result when its window is the first
 * written; other functions' arguments, and values passed on from another window's stage, are plain text there.
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

    @Test
    void jsonSubtypesCrossWindows() {
        Differential.assertSame("""
            create table g(id integer primary key, p, k, v);
            insert into g values(1, 'a', 'x', 1), (2, 'a', 'y', 'two'), (3, 'a', 'z', null), (4, 'b', 'x', 2.5),
              (5, 'b', 'y', '[1,2]'), (6, 'b', 'z', 7);
            select id, json_group_array(json_object('k', k, 'v', v)) over (order by id) from g order by id;
            select id, json_group_array(json(v)) over (partition by p order by id rows between 1 preceding and current row)
                from g where id != 2 order by id;
            select id, json_group_object(k, json_array(v, id)) over (partition by p) from g order by id;
            select id, json_group_array(v -> '$') over (order by id) from g where id in (1, 4, 5) order by id;
            select id, json_group_array(case when id > 3 then json_array(id) else k end) over (order by id) from g order by id;
            select id, json_group_array(coalesce(json_object('v', v), 0)) over (order by id) from g order by id;
            select id, json_array(json_group_array(v) over (partition by p)) from g order by id;
            select id, json_object('all', json_group_array(id) over (), 'p', json_group_object(k, id) over (partition by p))
                from g order by id;
            select id, json_array(first_value(json_object('id', id)) over (order by id),
                lag(json_array(id)) over (order by id), nth_value(json_array(k), 2) over (order by id)) from g order by id;
            select id, json_array(max(json_array(id)) over (order by id rows between 1 preceding and 1 following)) from g
                order by id;
            select id, json_group_array(json_object('id', id)) over (order by id rows between 1 preceding and 1 following
                exclude current row), row_number() over (partition by p order by id desc) from g order by id;
            select p, json_group_array(json_object('n', count(*))) over (order by p) from g group by p order by p;
            select x, json_array(x) from (select json_group_array(id) over () as x from g) order by 1 limit 1;
            select id, json_group_array(json_object('k', k)) filter (where id % 2 = 1) over (order by id) from g order by id;
            """);
    }
}
