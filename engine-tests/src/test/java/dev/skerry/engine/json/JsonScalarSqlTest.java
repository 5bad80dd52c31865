package dev.skerry.engine.json;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * The JSON scalar functions compared with SQLite (sqlite-jdbc 3.50.3): values, storage classes, subtypes
 * (through {@code subtype()} and through nesting), JSONB bytes (through {@code hex()}), and error messages,
 * for valid, JSON5 and malformed inputs.
 */
class JsonScalarSqlTest {
    @Test
    void jsonMinifiesAndAcceptsJson5() {
        Differential.assertSame(String.join(";\n",
                "select json(' Infinity '), json('-Infinity'), json('NaN'), json('+1'), json('0x1F'), json('-0x1f')",
                "select json('.5'), json('5.'), json('+.5'), json('1e5'), json('1E+5'), json('-0'), json('-.5e3')",
                "select json('\"\\v\\x41\\0 \\''\"'), json('{a:1, b_$:2,}'), json('[1,2,]'), json('[1 /* x */]')",
                "select json(' { \"a\" : [ 1 , 2 , { } , [ ] ] , \"b\" : null } ')",
                "select json('\"a\\u0041\\n\\\"\"'), json('''single'''), json('\"tab\there\"')",
                "select json(x'7b7d'), json('[\"\\u00e9\\ud83d\\ude00\"]'), json('\"é😀\"')",
                "select json('{\"a\":1,\"a\":2}'), json('[[[[]]]]'), json('true'), json('false'), json('null')",
                "select json('0xFFFFFFFFFFFFFFFFFF'), json('123456789012345678901234567890'), json('1.5e999')",
                "select json('0xFFFFFFFFFFFFFFFF'), json('0x8000000000000000'), json('-0x7fffffffffffffff'), json('[0x0, 0X00a]')",
                "select json(null), typeof(json(null)), json(1), json(1.5), json(' 12 ')",
                "select json('// comment\n[1]'), json('[1] // tail'), json('\u00a0[1]'), json('{\"a\\\\b\":1}')",
                "select json('[1,2'), 1",
                "select json('')",
                "select json('[1] x')",
                "select json('{\"a\" 1}')",
                "select json('[01]')",
                "select json('{1:2}')",
                "select json('[1,,2]')",
                "select json('\"abc')",
                "select json(x'00')",
                "select json('nul')"));
    }

    @Test
    void errorPositions() {
        Differential.assertSame(String.join(";\n",
                "select json_error_position('[1,2'), json_error_position('{\"a\" 1}'), json_error_position('')",
                "select json_error_position('[1] x'), json_error_position(x'0102'), json_error_position('  ')",
                "select json_error_position(null), json_error_position('[1,]x'), json_error_position('é[x')",
                "select json_error_position('{\"a\":1,}'), json_error_position('[.]'), json_error_position('[-]')",
                "select json_error_position('[1e]'), json_error_position('[1.2.3]'), json_error_position('{a b}')",
                "select json_error_position('[\"\\q\"]'), json_error_position('[\"a' || char(1) || '\"]')",
                "select json_error_position(jsonb('[1,2]')), json_error_position(x'8b0131'), json_error_position(x'13')",
                "select json_error_position('[0x]'), json_error_position('[00]'), json_error_position('[-01]')",
                "select json_error_position('{\"a\":1 \"b\":2}'), json_error_position('[1 2]'), json_error_position('{:1}')"));
    }

    @Test
    void jsonbBytesEqualSqlites() {
        Differential.assertSame(String.join(";\n",
                "select hex(jsonb('{\"a\":1}')), hex(jsonb('{a:1}')), hex(jsonb('\"a\\nb\"')), hex(jsonb('0x10'))",
                "select hex(jsonb('[1.5e3,\"\\u0041\"]')), hex(jsonb('[]')), hex(jsonb('{}')), hex(jsonb('null'))",
                "select hex(jsonb('[' || replace(hex(zeroblob(20)), '00', '1,') || '1]'))",
                "select hex(jsonb('\"' || hex(zeroblob(200)) || '\"')), hex(jsonb('[\"' || hex(zeroblob(40000)) || '\"]'))",
                "select hex(jsonb('''a\"b''')), hex(jsonb('[Infinity, -Infinity, NaN, .5, 5., +7]'))",
                "select hex(jsonb_array(1, 2.5, 'x', null, json('[1]'), jsonb('{}'))), hex(jsonb_object('a', 1))",
                "select json(jsonb('{\"a\":[1,2,{\"b\":\"c\"}]}')), jsonb(jsonb('[1]')) = jsonb('[1]')",
                "select hex(jsonb_set('{}','$.a',1)), hex(jsonb_set('{\"a\":\"hello\"}','$.a',1))",
                "select hex(jsonb_set('\"hello\"','$',1)), hex(jsonb_replace('[\"abcdefgh\",2]','$[0]','x'))",
                "select hex(jsonb_set('{\"a\":\"x\"}','$.\"b\\\\c\"',2)), hex(jsonb_insert('[1]','$[#]',json('{\"z\":[]}')))",
                "select hex(jsonb_remove('[1,2,3]','$[1]')), hex(jsonb_patch('{\"a\":1,\"b\":2}','{\"a\":null,\"c\":{\"d\":3}}'))",
                "select json(x'0c'), json(x'13'), json(x'1a61'), json(x'8c1a6113'), hex(jsonb(x'1a61'))"));
    }

    @Test
    void extractAndOperators() {
        Differential.assertSame(String.join(";\n",
                "select json_extract('{\"a\":{\"b\":[1,2,{\"c\":true}]}}', '$.a.b[2].c'), json_extract('[1,2,3]','$[#-1]')",
                "select json_extract('[1,2,3]','$[#]'), json_extract('[1,2,3]','$[#-4]'), json_extract('[1,2,3]','$[9]')",
                "select json_extract('{\"a\":[1,2]}','$.a'), subtype(json_extract('{\"a\":[1,2]}','$.a')), json_extract('{\"a\":\"x\"}','$.a')",
                "select json_extract('{\"a\":1,\"b\":[2]}','$.a','$.b','$.c'), json_extract('{\"a b\":1}','$.\"a b\"')",
                "select json_extract('{\"a\":1}','a')",
                "select json_extract('{\"a\":1}','$.')",
                "select json_extract('{\"a\":1}','$[')",
                "select json_extract('[1]','$[a]')",
                "select json_extract('{\"a\":1}', null), json_extract(null, '$'), json_extract('{\"a\":1}')",
                "select json_extract('[1.5, 1e3, -0, 0x1F, \"\\u00e9\", true, false, null]', '$[0]', '$[1]', '$[2]', '$[3]', '$[4]', '$[5]')",
                "select typeof(json_extract('[1e3]','$[0]')), json_extract('[9223372036854775807]','$[0]'), json_extract('[9223372036854775808]','$[0]')",
                "select json_extract('[-9223372036854775808]','$[0]'), json_extract('[0xffffffffffffffff]','$[0]'), json_extract('[-9223372036854775809]','$[0]')",
                "select '{\"a\":[1,2]}' -> 'a', '{\"a\":[1,2]}' ->> 'a', '[1,2,3]' -> -1, '[1,2,3]' ->> 1, '{\"a b\":1}' ->> 'a b', '[1,2]' -> '[0]'",
                "select '{\"a\":\"x\"}' -> '$.a', '{\"a\":\"x\"}' ->> '$.a', subtype('[1]' -> 0), subtype('[1]' ->> 0), '[[1]]' -> 0 -> 0",
                "select '{\"a\":1}' -> 'b', '[1]' -> 5, '{\"a\":{\"b\":2}}' -> 'a' ->> 'b', 1 + '[5]' ->> 0",
                "select json_extract(jsonb('{\"a\":[1]}'), '$.a'), hex(jsonb_extract('{\"a\":[1]}', '$.a')), jsonb_extract('{\"a\":2}', '$.a')",
                "select hex(jsonb_extract('[1,[2]]','$[0]','$[1]')), jsonb('[1]') -> 0, jsonb('[\"a\"]') ->> 0",
                "select '[1]' -> 'x' -> 'y', json_extract('\"abc\"', '$'), json_extract('{\"\":1}', '$.\"\"')",
                "select json_extract('{\"a\\u0062\":1}', '$.ab'), json_extract('{\"ab\":1}', '$.\"a\\u0062\"')",
                "select json_extract('{\"\\\"\":1 }', '$.\"\\\"\"'), json_extract('{\"a\\\\b\":1 }', '$.\"a\\b\"'), json_extract('{\"a.b\":1 }', '$.\"a.b\"')",
                "select json_set('{}', '$.\"a\\\"b\"', 1), hex(jsonb_set('{}', '$.\"a\\\"b\"', 1))"));
    }

    @Test
    void editsSetInsertReplaceRemovePatch() {
        Differential.assertSame(String.join(";\n",
                "select json_remove('{\"a\":1}','$'), json_set('{}','$.a.b',1), json_set('{}','$.a[0]',1), json_set('[]','$[5]',1), json_set('[]','$[#]',1)",
                "select json_set('{\"a\":1}','$.a',2,'$.b',3), json_insert('{\"a\":1}','$.a',2,'$.b',3), json_replace('{\"a\":1}','$.a',2,'$.b',3)",
                "select json_set('[1,2]','$[1]','x'), json_insert('[1,2]','$[#]',json('[3]')), json_set('[1]','$[0]',json_array(1,2))",
                "select json_set('{\"a\":1}','$',2), json_replace('{}', '$', 'x'), json_insert('{}', '$', 'x'), json_set('[]', null, 1)",
                "select json_set('{}','$.a',1.5), json_set('{}','$.a',1e999), json_set('{}','$.a',null), json_set('{}','$.a','[1]')",
                "select json_set('{}','$.a',x'00')",
                "select json_set('{}','a',1)",
                "select json_set('{}','$.a')",
                "select json_insert()",
                "select json_replace('{}', '$.a')",
                "select json_remove('[1,2,3]','$[0]','$[0]'), json_remove('{\"a\":{\"b\":1}}','$.a.b'), json_remove('[1]', '$[5]'), json_remove('[1]', null)",
                "select json_remove('[1]', 'x')",
                "select json_remove('[1]'), json_remove('{\"a\":1}', '$.a', '$')",
                "select json_patch('{\"a\":1,\"b\":{\"c\":2}}','{\"b\":{\"c\":null,\"d\":4},\"e\":[5]}'), json_patch('[1]','{\"a\":1}'), json_patch('{\"a\":1}','[2]')",
                "select json_patch('{\"a\":{\"x\":1}}','{\"a\":{\"y\":{\"z\":2}}}'), json_patch(null, '{}'), json_patch('{}', null)",
                "select json_set('{\"a\":[1,{\"b\":2}]}', '$.a[1].b', json_object('c', json_array(1, 'two'))), subtype(json_set('{}','$.a',1))"));
    }

    @Test
    void constructorsTypesAndValidity() {
        Differential.assertSame(String.join(";\n",
                "select json_array(1e999, -1e999, 1.0, 1.5e300, 0.1), json_quote(1e999), hex(jsonb_array(1e999))",
                "select json_array(), json_array(null), json_array('a\"b', 'tab\t', char(1), 'é'), json_array(json('{}'), '{}')",
                "select json_object(), json_object('a', 1, 'b', json_array(2)), json_object('a', 'x', 'a', 'y')",
                "select json_object('a')",
                "select json_object(1, 2)",
                "select json_array(x'01')",
                "select json_array(jsonb('[1]')), json_object('k', jsonb('{\"a\":[]}'))",
                "select json_quote('x\"y'), json_quote(null), json_quote(3), json_quote(-1.5), json_quote(json('[1]')), json_quote(x'0c')",
                "select json_type('{\"a\":[1,2.5,\"x\",true,false,null]}','$.a[0]'), json_type('[1.5]','$[0]'), json_type('1'), json_type('[1]','$[9]')",
                "select json_type('{\"a\":[1,2.5,\"x\",true,false,null,{}]}','$.a[2]'), json_type('[true,false,null,{}]','$[0]'), json_type('[true,false,null,{}]','$[1]'), json_type('[true,false,null,{}]','$[2]'), json_type('[{}]','$[0]')",
                "select json_type('[1]', 'x')",
                "select json_type(null), json_type('[1]', null), json_type('[1]')",
                "select json_array_length('[1,2,3]'), json_array_length('{}'), json_array_length('{\"a\":[1]}','$.a'), json_array_length('[]','$.x'), json_array_length(null)",
                "select json_array_length('[1]', 'a')",
                "select json_valid('{a:1}'), json_valid('{a:1}',1), json_valid('{a:1}',2), json_valid(jsonb('[1]'),4), json_valid(jsonb('[1]'),8), json_valid('[1]',8)",
                "select json_valid('x', 0)",
                "select json_valid('[1]'), json_valid('[1'), json_valid(''), json_valid(null), json_valid(jsonb('[1]')), json_valid(x'0c', 4), json_valid(x'8c', 12)",
                "select json_valid('{\"a\":1}', 6), json_valid('''a''', 1), json_valid('''a''', 2), json_valid('[1,]', 1), json_valid('[1,]', 3)",
                "select json_pretty('{\"a\":[1,2,{\"b\":null}],\"c\":{}}'), json_pretty('[]', '  '), json_pretty('[1]', null), json_pretty('[1,[2]]', '--')",
                "select subtype(json_pretty('[1]')), subtype(json('[1]')), subtype(json_array()), subtype(json_object()), subtype(json_quote(1)), subtype(jsonb('[1]'))",
                "select json_pretty(null), json_pretty('{\"a\":{\"b\":[]}}')",
                "select json_array(json_array(1), json_extract('[[2]]','$[0]'), json_quote('x'), '[3]' -> '$', '[4]' ->> '$')",
                "select subtype(x), json_array(x) from (select json_group_array(1) x)",
                "select subtype(json_array(1)), subtype(x), json_array(x) from (select json_array(1) x)",
                "with c(x) as (select json_array(1)) select json_array(x) from c",
                "select json_array(x) from (select json_array(1) x union all select json_array(2))",
                "select json_array((select json_array(1)))",
                "create table s(a)",
                "insert into s values (json_array(1))",
                "select json_array(a), subtype(a) from s"));
    }
}
