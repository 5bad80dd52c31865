package dev.skerry.engine.json;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.Convert;
import dev.skerry.engine.value.Mem;

/**
 * json_extract, jsonb_extract and the {@code ->} / {@code ->>} operators (SQLite's {@code jsonExtractFunc}).
 * The operators also take abbreviated paths: an integer N means {@code $[N]} ({@code $[#N]} when negative), a
 * label of letters, digits and underscores means {@code $.label}, {@code [N]} means {@code $[N]}, anything
 * else {@code $."text"}.
 */
final class JsonExtract {
    private JsonExtract() {
    }

    /** json_extract: SQL values, containers as JSON text with the subtype. */
    static final int TEXT = 0;
    /** jsonb_extract: SQL values, containers as JSONB. */
    static final int BLOB = 1;
    /** {@code ->}: always JSON text with the subtype. */
    static final int ARROW = 2;
    /** {@code ->>}: always an SQL value. */
    static final int ARROW2 = 3;

    static void extract(Mem[] a, int b, int n, Mem out, int mode) throws SqliteException {
        if (n < 2) {
            out.setNull();
            return;
        }
        byte[] doc = JsonValues.document(a[b]);
        if (doc == null) {
            out.setNull();
            return;
        }
        JsonPath p = new JsonPath(doc, false);
        JsonBuilder list = n > 2 ? new JsonBuilder(32) : null;
        if (list != null) {
            list.append('[');
        }
        for (int k = 1; k < n; k++) {
            Mem arg = a[b + k];
            if (arg.type() == Mem.NULL) {
                out.setNull();
                return;
            }
            String path = Convert.toText(arg);
            byte[] z = JsonPath.pathBytes(path);
            int j;
            if (z[0] == '$') {
                j = p.lookup(0, z, 1, 0);
            } else if (mode >= ARROW) {
                j = p.lookup(0, abbreviated(arg, path), 0, 0);
            } else {
                throw JsonFunctions.badPath(path);
            }
            if (j >= 0) {
                if (list == null) {
                    single(doc, j, out, mode);
                    return;
                }
                if (list.length > 1) {
                    list.append(',');
                }
                JsonText t = new JsonText(doc, doc.length, list);
                t.node(j);
                if (t.malformed) {
                    throw JsonValues.malformed();
                }
            } else if (j == JsonPath.NOT_FOUND) {
                if (list == null) {
                    out.setNull();
                    return;
                }
                if (list.length > 1) {
                    list.append(',');
                }
                list.append("null");
            } else if (j == JsonPath.MALFORMED) {
                throw JsonValues.malformed();
            } else {
                throw JsonFunctions.badPath(path);
            }
        }
        list.append(']');
        if (mode == BLOB) {
            JsonParser q = JsonParser.parse(list.buf, list.length);
            out.setBlob(q.blob());
        } else {
            out.setTextUtf8(list.buf, 0, list.length);
            out.setSubtype(Jsonb.SUBTYPE);
        }
    }

    private static void single(byte[] doc, int j, Mem out, int mode) throws SqliteException {
        if (mode == ARROW) {
            byte[] t = JsonText.render(doc, j, doc.length);
            if (t == null) {
                throw JsonValues.malformed();
            }
            JsonFunctions.textResult(t, out);
            return;
        }
        JsonValues.toSql(doc, j, doc.length, out, mode == BLOB);
        int type = doc[j] & 0x0f;
        if (mode == TEXT && type >= Jsonb.ARRAY) {
            out.setSubtype(Jsonb.SUBTYPE);
        }
    }

    /** The path an operator's right side abbreviates, NUL-terminated, without the leading {@code $}. */
    private static byte[] abbreviated(Mem arg, String path) {
        StringBuilder sb = new StringBuilder();
        if (arg.type() == Mem.INTEGER) {
            sb.append('[');
            if (path.startsWith("-")) {
                sb.append('#');
            }
            sb.append(path).append(']');
        } else if (allAlphanumeric(path)) {
            sb.append('.').append(path);
        } else if (path.length() >= 3 && path.charAt(0) == '[' && path.charAt(path.length() - 1) == ']') {
            sb.append(path);
        } else {
            sb.append(".\"").append(path).append('"');
        }
        return JsonPath.pathBytes(sb.toString());
    }

    private static boolean allAlphanumeric(String s) {
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!Jsonb.isAlnum(c) && c != '_') {
                return false;
            }
        }
        return true;
    }
}
