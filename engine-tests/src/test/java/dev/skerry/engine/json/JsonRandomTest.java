package dev.skerry.engine.json;

import static dev.skerry.testkit.RandomScripts.pick;

import dev.skerry.testkit.RandomScripts;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random JSON documents (nested arrays and objects, JSON5 forms, escapes, non-ASCII text, numbers of
 * every shape), their truncated and corrupted variants, and random paths, run through the JSON functions,
 * json_each and json_tree on Skerry and on SQLite; every result (JSONB bytes included) must be equal.
 */
class JsonRandomTest {
    private static final String[] STRINGS = {"", "a", "abc", "x y", "é", "😀", "tab\\t", "q\\\"", "\\u0041",
        "\\ud83d\\ude00", "\\n\\r\\b\\f", "\\/", "''", "k.1", "a[0]", "$"};
    private static final String[] JSON5_STRINGS = {"'single'", "'it\\'s'", "\"\\x41\"", "\"\\v\"", "\"\\0\""};
    private static final String[] NUMBERS = {"0", "1", "-1", "12345678901234567890", "1.5", "-0.25", "1e10",
        "2E-3", "1.0e+2", "9223372036854775807", "-9223372036854775808", "0.1"};
    private static final String[] JSON5_NUMBERS = {"0x1f", "-0XAB", ".5", "5.", "+3", "Infinity", "-Infinity", "NaN"};
    private static final String[] KEYS = {"a", "b", "c d", "", "1", "é", "a.b", "x\\\"y", "k_1"};

    @Test
    void randomDocumentsAgreeWithSqlite() {
        RandomScripts.assertSame(20261123L, JsonRandomTest::script);
    }

    private static String script(Random rnd) {
        List<String> script = new ArrayList<>();
        script.add("create table d(id integer primary key, j text)");
        for (int n = 0; n < 120; n++) {
            boolean json5 = rnd.nextInt(4) == 0;
            String doc = value(rnd, 0, json5);
            String q = quote(doc);
            String path = path(rnd);
            String path2 = path(rnd);
            script.add("select json(" + q + "), hex(jsonb(" + q + ")), json_valid(" + q + "), json_valid(" + q
                    + ", 1), json_type(" + q + ")");
            script.add("select json_extract(" + q + ", " + quote(path) + "), json_type(" + q + ", " + quote(path)
                    + "), " + q + " -> " + quote(path) + ", " + q + " ->> " + quote(path));
            script.add("select json_set(" + q + ", " + quote(path) + ", 'v'), hex(jsonb_insert(" + q + ", "
                    + quote(path2) + ", json_array(1, 'two'))), json_replace(" + q + ", " + quote(path) + ", 3.5)");
            script.add("select hex(jsonb_set(" + q + ", " + quote(path) + ", 7)), json_remove(" + q + ", "
                    + quote(path) + ", " + quote(path2) + "), hex(jsonb_remove(" + q + ", " + quote(path) + "))");
            script.add("select json_patch(" + q + ", " + quote(value(rnd, 1, false)) + "), json_array_length(" + q
                    + "), json_pretty(" + q + ")");
            script.add("select key, value, type, atom, id, parent, fullkey, path from json_tree(" + q
                    + ") order by id");
            script.add("select key, value, type, id, fullkey, path from json_each(" + q + ", " + quote(path)
                    + ") order by id");
            String bad = corrupt(rnd, doc);
            script.add("select json_valid(" + quote(bad) + "), json_error_position(" + quote(bad) + ")");
            script.add("select json(" + quote(bad) + ")");
            script.add("insert into d(j) values (" + q + ")");
        }
        script.add("select json_group_array(json(j)), hex(jsonb_group_array(jsonb(j))) from d");
        script.add("select id, json_group_object(id, length(j)) over (order by id rows 2 preceding) from d order by id");
        return String.join(";\n", script);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String value(Random rnd, int depth, boolean json5) {
        int kind = rnd.nextInt(depth > 4 ? 5 : 8);
        switch (kind) {
            case 0: return "null";
            case 1: return rnd.nextBoolean() ? "true" : "false";
            case 2: return json5 && rnd.nextInt(3) == 0 ? pick(rnd, JSON5_NUMBERS) : pick(rnd, NUMBERS);
            case 3:
            case 4: return json5 && rnd.nextInt(3) == 0 ? pick(rnd, JSON5_STRINGS) : "\"" + pick(rnd, STRINGS) + "\"";
            case 5:
            case 6: {
                int n = rnd.nextInt(5);
                StringBuilder sb = new StringBuilder("{");
                for (int k = 0; k < n; k++) {
                    if (k > 0) {
                        sb.append(rnd.nextInt(4) == 0 ? " , " : ",");
                    }
                    String key = pick(rnd, KEYS);
                    if (json5 && rnd.nextInt(3) == 0 && !key.isEmpty() && Character.isLetter(key.charAt(0))
                            && key.indexOf(' ') < 0 && key.indexOf('.') < 0 && key.indexOf('\\') < 0) {
                        sb.append(key);
                    } else {
                        sb.append('"').append(key).append('"');
                    }
                    sb.append(rnd.nextBoolean() ? ":" : " : ").append(value(rnd, depth + 1, json5));
                }
                if (json5 && n > 0 && rnd.nextInt(3) == 0) {
                    sb.append(',');
                }
                return sb.append(json5 && rnd.nextInt(4) == 0 ? " /* c */ }" : "}").toString();
            }
            default: {
                int n = rnd.nextInt(6);
                StringBuilder sb = new StringBuilder(rnd.nextInt(5) == 0 ? "[ " : "[");
                for (int k = 0; k < n; k++) {
                    if (k > 0) {
                        sb.append(',');
                    }
                    sb.append(value(rnd, depth + 1, json5));
                }
                if (json5 && n > 0 && rnd.nextInt(3) == 0) {
                    sb.append(',');
                }
                return sb.append(']').toString();
            }
        }
    }

    private static String path(Random rnd) {
        StringBuilder sb = new StringBuilder("$");
        int n = rnd.nextInt(4);
        for (int k = 0; k < n; k++) {
            switch (rnd.nextInt(6)) {
                case 0: sb.append("[").append(rnd.nextInt(4)).append("]"); break;
                case 1: sb.append("[#-").append(1 + rnd.nextInt(2)).append("]"); break;
                case 2: sb.append("[#]"); break;
                case 3: sb.append(".\"").append(pick(rnd, KEYS)).append("\""); break;
                default: sb.append('.').append(pick(rnd, new String[] {"a", "b", "k_1", "1"})); break;
            }
        }
        if (rnd.nextInt(25) == 0) {
            sb.append(rnd.nextBoolean() ? "[x]" : ".");
        }
        return sb.toString();
    }

    private static String corrupt(Random rnd, String doc) {
        if (doc.isEmpty()) {
            return "[";
        }
        int at = rnd.nextInt(doc.length());
        switch (rnd.nextInt(3)) {
            case 0: return doc.substring(0, at);
            case 1: return doc.substring(0, at) + pick(rnd, new String[] {"]", "}", ",", ":", "x", "\"", "0"}) + doc.substring(at);
            default: return doc.substring(0, at) + doc.substring(Math.min(doc.length(), at + 1));
        }
    }
}
