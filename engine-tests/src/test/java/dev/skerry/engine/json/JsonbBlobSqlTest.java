package dev.skerry.engine.json;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * JSONB blobs given to the JSON functions compared with SQLite: headers wider than needed (kept as given, and
 * rewritten where an edit changes a size), edits that overwrite a node in place by widening its header, the
 * shallow and deep validity checks (json_valid flags 4 and 8, json_error_position), malformed blobs, blobs
 * that are not JSONB read as text, and large payloads that need two- and four-byte sizes.
 */
class JsonbBlobSqlTest {
    @Test
    void blobsAsSqliteReadsThem() {
        Differential.assertSame(String.join(";\n",
                "select json(x'c70161'), hex(jsonb(x'c70161')), json(x'd7000161'), json_set(x'c70161', '$', 5)",
                "select hex(jsonb_set(x'cb03130131', '$[0]', 9)), hex(jsonb_set(x'cb03130131', '$[1]', 'abc'))",
                "select hex(jsonb_set(x'cb03130131', '$[#]', 'abcdefghijklmnop')), hex(jsonb_remove(x'cb03130131', '$[0]'))",
                "select hex(jsonb_set(x'db0003130131', '$[0]', 1)), hex(jsonb_insert(x'eb0000000213311331', '$[#]', 2))",
                "select hex(jsonb_replace(jsonb('[\"abcdefghij\"]'), '$[0]', 1)), hex(jsonb_replace(jsonb('[\"abcdefghij\"]'), '$[0]', 'abcdefgh'))",
                "select hex(jsonb_replace(jsonb('{\"a\":[1,2,3,4,5,6,7,8,9,10]}'), '$.a', 1)), hex(jsonb_replace(jsonb('{\"a\":\"xy\"}'), '$.a', 1))",
                "select hex(jsonb_patch(jsonb('{\"a\":\"abcdefghijkl\"}'), '{\"a\":5}')), hex(jsonb_patch(jsonb('{\"a\":1}'), '{\"a\":{\"b\":2}}'))",
                "select json_valid(x'0c', 4), json_valid(x'8c', 12), json_valid(x'1c', 4), json_valid(x'1c', 8), json_valid(x'13', 8), json_valid(x'1331', 8)",
                "select json_valid(x'23313233', 8), json_valid(x'1431', 8), json_valid(x'2531', 8), json_valid(x'352e3565', 8), json_valid(x'46302e35', 8)",
                "select json_valid(x'3c1a61', 8), json_valid(x'4c1a6113', 8), json_valid(x'2b1313', 8), json_valid(x'1b', 8), json_valid(x'5a5c7830', 8)",
                "select json_valid(x'5930785c78', 8), json_valid(x'385c7530303431', 8), json_valid(x'285c71', 8), json_valid(x'395c71', 8), json_valid(x'1a61', 8)",
                "select json_error_position(x'4c1a6113'), json_error_position(x'2b1313'), json_error_position(x'23313233'), json_error_position(x'285c71')",
                "select json_valid('[1]', 4), json_valid('[1]', 8), json_valid('[1]', 9), json_valid(x'5b315d'), json_valid(x'5b315d', 4), hex(jsonb(x'5b315d'))",
                "select json(x'1b')",
                "select json(x'2b1313')",
                "select json(x'3c1a61')",
                "select json(x'23313233'), json(x'1431')",
                "select json(x'2531')",
                "select json(x'46302e35'), json(x'352e3565')",
                "select json_extract(x'4c1a6113', '$.a')",
                "select json_extract(x'4c1a6113', '$.b')",
                "select json_array_length(x'2b1313'), json_type(x'2b1313')",
                "select json_array(x'2b1313')",
                "select length(json(jsonb('[\"' || hex(zeroblob(70000)) || '\"]'))), hex(substr(jsonb('[\"' || hex(zeroblob(70000)) || '\"]'), 1, 12))",
                "select length(jsonb_set(jsonb('[' || hex(zeroblob(130)) || ']'), '$[0]', 'x')), hex(substr(jsonb_set('{\"a\":' || hex(zeroblob(40000)) || '}', '$.b', 1), 1, 8))",
                "select json_extract(jsonb_set(jsonb('[' || replace(hex(zeroblob(300)), '00', '1,') || '1]'), '$[5]', 'abcdefghijklmnopqrstuvwxyz'), '$[5]')"));
    }

    @Test
    void deepNestingAndLimits() {
        Differential.assertSame(String.join(";\n",
                "select json_valid(replace(hex(zeroblob(999)), '00', '[') || replace(hex(zeroblob(999)), '00', ']'))",
                "select json_valid(replace(hex(zeroblob(1000)), '00', '[') || replace(hex(zeroblob(1000)), '00', ']'))",
                "select json_valid(replace(hex(zeroblob(1001)), '00', '[') || replace(hex(zeroblob(1001)), '00', ']'))",
                "select json_error_position(replace(hex(zeroblob(1001)), '00', '[') || replace(hex(zeroblob(1001)), '00', ']'))",
                "select json_array_length('[' || replace(hex(zeroblob(5000)), '00', '1,') || '1]')",
                "select count(*), max(id) from json_each('[' || replace(hex(zeroblob(5000)), '00', '\"ab\",') || '1]')"));
    }
}
