package dev.skerry.engine.json;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * json_each and json_tree compared with SQLite: every column, root paths, JSON5 and JSONB input, malformed
 * input and bad paths, correlated arguments in joins, WHERE on their columns, subtypes of their values, and
 * the JSON aggregates (also as window functions).
 */
class JsonEachSqlTest {
    @Test
    void eachColumns() {
        Differential.assertSame(String.join(";\n",
                "select * from json_each('[1,2.5,\"x\",[3,4],{\"a\":null},true,false,null]') order by id",
                "select * from json_each('{\"a\":1,\"b c\":[2],\"\":{},\"1x\":\"y\"}') order by id",
                "select key, value, type, atom, id, parent, fullkey, path, json, root from json_each('{\"a\":{\"b\":[1,2]}}', '$.a') order by id",
                "select key, value, fullkey, path, root from json_each('{\"a\":{\"b\":[1,2]}}', '$.a.b') order by id",
                "select key, value, fullkey, path from json_each('{\"a\":1}', '$.a')",
                "select key, value, fullkey, path from json_each('[1,[5]]', '$[1][0]')",
                "select key, value, fullkey, path from json_each('7')",
                "select * from json_each('[1]', '$.x')",
                "select * from json_each(null)",
                "select * from json_each('[1]', null)",
                "select * from json_each('[1,')",
                "select * from json_each('[1]', 'x')",
                "select * from json_each('[1]', '$[')",
                "select key, value from json_each(jsonb('{\"a\":[1,{\"b\":2}]}')) order by id",
                "select hex(json), root from json_each(jsonb('[1]')) union all select json, root from json_tree('[2]', '$[0]')",
                "select key, value, type from json_each('{a:0x10, b:.5, c:''q'', d:Infinity}') order by id",
                "select json_array(value), subtype(value), typeof(value) from json_each('[[1,2],3,{\"x\":[]}]') order by id"));
    }

    @Test
    void treeColumns() {
        Differential.assertSame(String.join(";\n",
                "select * from json_tree('{\"a\":[1,{\"b\":[true,null]}],\"c d\":{\"e\":\"f\"}}') order by id",
                "select * from json_tree('[[[]],[[1]],{}]') order by id",
                "select key, value, type, id, parent, fullkey, path from json_tree('{\"a\":{\"b\":[1,{\"c\":2}]}}', '$.a') order by id",
                "select key, value, id, parent, fullkey, path from json_tree('{\"a\":{\"b\":[1,{\"c\":2}]}}', '$.a.b[1]') order by id",
                "select key, fullkey, path from json_tree('[1,[2,[3]]]', '$[1]') order by id",
                "select key, fullkey, path from json_tree('5')",
                "select fullkey, atom from json_tree(jsonb('{\"x\":[1,2]}')) order by id",
                "select count(*), sum(type = 'integer') from json_tree('[' || replace(hex(zeroblob(100)), '00', '[1,{\"a\":2}],') || '0]')"));
    }

    @Test
    void joinsAndWhere() {
        Differential.assertSame(String.join(";\n",
                "create table t(id integer primary key, doc text)",
                "insert into t values (1, '[10,20]'), (2, '{\"a\":1,\"b\":[2,3]}'), (3, null), (4, '[]'), (5, '{\"a\":{\"x\":9}}')",
                "select t.id, j.key, j.value from t, json_each(t.doc) j order by t.id, j.id",
                "select t.id, j.value from t, json_each(t.doc) as j where j.type = 'integer' order by 1, 2",
                "select t.id, count(j.key) from t left join json_each(t.doc) j group by t.id order by t.id",
                "select t.id, j.fullkey from t join json_tree(t.doc) j on j.atom is not null order by 1, 2",
                "select t.id, j.value from t, json_each(t.doc, '$.b') j order by 1, 2",
                "select id from t where exists (select 1 from json_each(t.doc) where value = 20)",
                "select id, (select group_concat(key, ',') from json_each(t.doc)) from t order by id",
                "select a.value, b.value from json_each('[1,2]') a, json_each('[\"x\",\"y\"]') b order by 1, 2",
                "select e.value, f.value from json_each('[[1,2],[3]]') e, json_each(e.value) f order by 1, 2",
                "select value from json_each('[5,1,4]') where value > 1 order by value desc",
                "select key from json_each('{\"a\":1,\"b\":2}') where key = 'b'",
                "select value from json_each where json = '[7,8]'",
                "select * from json_each",
                "select rowid, key from json_each('[5,6]')",
                "select rowid, fullkey from json_tree('{\"a\":[5,6]}')",
                "select json_each.value from json_each('[1,2]') where json_each.key = 1",
                "select * from json_each('[1]', '$', 'x')",
                "select value from json_each('[1,2,3]') limit 1 offset 1",
                "select * from json_each('{\"a\":[1]}') j, json_each(j.value) k"));
    }

    @Test
    void aggregates() {
        Differential.assertSame(String.join(";\n",
                "create table g(k, v)",
                "insert into g values (1, 'a'), (1, 2), (2, null), (2, 1.5), (3, '[1]'), (1, x'00')",
                "select json_group_array(v) from g where typeof(v) <> 'blob'",
                "select k, json_group_array(v), json_group_object(cast(k as text) || 'k', v) from g where typeof(v) <> 'blob' group by k order by k",
                "select json_group_array(v) from g",
                "select json_group_array(json(v)) from g where k = 3",
                "select json_group_array(x) from (select 1 as x where 0)",
                "select json_group_object(k, v) from g where typeof(v) <> 'blob'",
                "select json_group_object(null, 1), json_group_object(1.5, 2), json_group_object(x'41', 3)",
                "select hex(jsonb_group_array(v)), hex(jsonb_group_object('k', v)) from g where k < 3 and typeof(v) <> 'blob'",
                "select json_group_array(value) from json_each('[1,[2,3],{\"a\":[4]}]')",
                "select json_group_object(key, value) from json_each('{\"a\":[1],\"b\":{\"c\":2}}')",
                "select subtype(json_group_array(1)), typeof(jsonb_group_array(1)), json_array(json_group_array(1))",
                "select v, json_group_array(v) over (order by rowid rows between 1 preceding and current row) from g where typeof(v) <> 'blob' order by rowid",
                "select v, json_group_object('k' || rowid, v) over (order by rowid rows between 2 preceding and current row) from g where typeof(v) <> 'blob' order by rowid"));
    }
}
