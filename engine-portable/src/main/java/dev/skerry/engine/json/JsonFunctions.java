package dev.skerry.engine.json;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.func.FunctionDef;
import dev.skerry.engine.func.FunctionRegistry;
import dev.skerry.engine.value.Convert;
import dev.skerry.engine.value.Mem;

/**
 * The JSON scalar functions of SQLite 3.50 (json, jsonb, json_array, json_object, json_extract and the
 * {@code ->}/{@code ->>} operators, json_set/insert/replace/remove, json_patch, json_type, json_valid,
 * json_quote, json_array_length, json_error_position, json_pretty, with their {@code jsonb_} forms) and the
 * registration of the JSON aggregates. Text results that are JSON carry the JSON subtype as in SQLite.
 */
public final class JsonFunctions {
    private JsonFunctions() {
    }

    /** Adds the JSON functions to {@code r}. */
    public static void register(FunctionRegistry r) {
        r.register(FunctionDef.scalar("json", 1, true, (c, a, b, n, out) -> whole(a[b], out, false)));
        r.register(FunctionDef.scalar("jsonb", 1, true, (c, a, b, n, out) -> whole(a[b], out, true)));
        r.register(FunctionDef.variadic("json_array", 0, true, (c, a, b, n, out) -> array(a, b, n, out, false)));
        r.register(FunctionDef.variadic("jsonb_array", 0, true, (c, a, b, n, out) -> array(a, b, n, out, true)));
        r.register(FunctionDef.variadic("json_object", 0, true, (c, a, b, n, out) -> object(a, b, n, out, false)));
        r.register(FunctionDef.variadic("jsonb_object", 0, true, (c, a, b, n, out) -> object(a, b, n, out, true)));
        r.register(FunctionDef.scalar("json_array_length", 1, true, JsonFunctions::arrayLength));
        r.register(FunctionDef.scalar("json_array_length", 2, true, JsonFunctions::arrayLength));
        r.register(FunctionDef.scalar("json_error_position", 1, true, JsonFunctions::errorPosition));
        r.register(FunctionDef.variadic("json_extract", 0, true,
                (c, a, b, n, out) -> JsonExtract.extract(a, b, n, out, JsonExtract.TEXT)));
        r.register(FunctionDef.variadic("jsonb_extract", 0, true,
                (c, a, b, n, out) -> JsonExtract.extract(a, b, n, out, JsonExtract.BLOB)));
        r.register(FunctionDef.scalar("->", 2, true,
                (c, a, b, n, out) -> JsonExtract.extract(a, b, n, out, JsonExtract.ARROW)));
        r.register(FunctionDef.scalar("->>", 2, true,
                (c, a, b, n, out) -> JsonExtract.extract(a, b, n, out, JsonExtract.ARROW2)));
        registerEdit(r, "insert", JsonPath.EDIT_INSERT);
        registerEdit(r, "set", JsonPath.EDIT_SET);
        registerEdit(r, "replace", JsonPath.EDIT_REPLACE);
        r.register(FunctionDef.variadic("json_remove", 0, true, (c, a, b, n, out) -> remove(a, b, n, out, false)));
        r.register(FunctionDef.variadic("jsonb_remove", 0, true, (c, a, b, n, out) -> remove(a, b, n, out, true)));
        r.register(FunctionDef.scalar("json_patch", 2, true, (c, a, b, n, out) -> patch(a, b, out, false)));
        r.register(FunctionDef.scalar("jsonb_patch", 2, true, (c, a, b, n, out) -> patch(a, b, out, true)));
        r.register(FunctionDef.scalar("json_pretty", 1, true, JsonFunctions::pretty));
        r.register(FunctionDef.scalar("json_pretty", 2, true, JsonFunctions::pretty));
        r.register(FunctionDef.scalar("json_quote", 1, true, JsonFunctions::quote));
        r.register(FunctionDef.scalar("json_type", 1, true, JsonFunctions::type));
        r.register(FunctionDef.scalar("json_type", 2, true, JsonFunctions::type));
        r.register(FunctionDef.scalar("json_valid", 1, true, JsonFunctions::valid));
        r.register(FunctionDef.scalar("json_valid", 2, true, JsonFunctions::valid));
        JsonAggregates.register(r);
    }

    private static void registerEdit(FunctionRegistry r, String name, int mode) {
        r.register(FunctionDef.variadic("json_" + name, 0, true,
                (c, a, b, n, out) -> edit(a, b, n, out, mode, name, false)));
        r.register(FunctionDef.variadic("jsonb_" + name, 0, true,
                (c, a, b, n, out) -> edit(a, b, n, out, mode, name, true)));
    }

    /** {@code bad JSON path: 'PATH'} (the path quoted as SQLite's %Q). */
    static SqliteException badPath(String path) {
        StringBuilder sb = new StringBuilder("bad JSON path: '");
        for (int k = 0; k < path.length(); k++) {
            char ch = path.charAt(k);
            if (ch == 0) {
                break;
            }
            sb.append(ch);
            if (ch == '\'') {
                sb.append('\'');
            }
        }
        return SqliteException.error(sb.append('\'').toString());
    }

    /** Sets {@code out} to a whole document: its JSON text (with the JSON subtype) or its JSONB. */
    static void result(byte[] doc, Mem out, boolean blob) throws SqliteException {
        if (blob) {
            out.setBlob(doc);
            return;
        }
        byte[] t = JsonText.render(doc);
        if (t == null) {
            throw JsonValues.malformed();
        }
        textResult(t, out);
    }

    static void textResult(byte[] t, Mem out) {
        out.setTextUtf8(t, 0, t.length);
        out.setSubtype(Jsonb.SUBTYPE);
    }

    /** JSON text built by a function returned as text with the subtype, or as its JSONB for a jsonb_ function. */
    static void builtResult(JsonBuilder text, Mem out, boolean blob) {
        if (blob) {
            JsonParser p = JsonParser.parse(text.buf, text.length);
            out.setBlob(p.blob());
        } else {
            out.setTextUtf8(text.buf, 0, text.length);
        }
        out.setSubtype(Jsonb.SUBTYPE);
    }

    private static void whole(Mem arg, Mem out, boolean blob) throws SqliteException {
        byte[] doc = JsonValues.document(arg);
        if (doc == null) {
            out.setNull();
            return;
        }
        result(doc, out, blob);
    }

    private static void array(Mem[] a, int b, int n, Mem out, boolean blob) throws SqliteException {
        JsonBuilder t = new JsonBuilder(32);
        t.append('[');
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                t.append(',');
            }
            JsonValues.appendSql(t, a[b + k]);
        }
        t.append(']');
        builtResult(t, out, blob);
    }

    private static void object(Mem[] a, int b, int n, Mem out, boolean blob) throws SqliteException {
        if ((n & 1) != 0) {
            throw SqliteException.error("json_object() requires an even number of arguments");
        }
        JsonBuilder t = new JsonBuilder(32);
        t.append('{');
        for (int k = 0; k < n; k += 2) {
            if (a[b + k].type() != Mem.TEXT) {
                throw SqliteException.error("json_object() labels must be TEXT");
            }
            if (k > 0) {
                t.append(',');
            }
            byte[] label = JsonValues.utf8(a[b + k]);
            JsonText.appendString(t, label, 0, label.length);
            t.append(':');
            JsonValues.appendSql(t, a[b + k + 1]);
        }
        t.append('}');
        builtResult(t, out, blob);
    }

    private static void quote(dev.skerry.engine.func.FunctionContext c, Mem[] a, int b, int n, Mem out)
            throws SqliteException {
        JsonBuilder t = new JsonBuilder(32);
        JsonValues.appendSql(t, a[b]);
        out.setTextUtf8(t.buf, 0, t.length);
        out.setSubtype(Jsonb.SUBTYPE);
    }

    private static void arrayLength(dev.skerry.engine.func.FunctionContext c, Mem[] a, int b, int n, Mem out)
            throws SqliteException {
        byte[] doc = JsonValues.document(a[b]);
        if (doc == null) {
            out.setNull();
            return;
        }
        JsonPath p = new JsonPath(doc, false);
        int i = 0;
        if (n == 2) {
            if (a[b + 1].type() == Mem.NULL) {
                out.setNull();
                return;
            }
            String path = Convert.toText(a[b + 1]);
            byte[] z = JsonPath.pathBytes(path);
            i = z[0] == '$' ? p.lookup(0, z, 1, 0) : JsonPath.BAD_PATH;
            if (i < 0) {
                if (i == JsonPath.NOT_FOUND) {
                    out.setNull();
                    return;
                }
                throw i == JsonPath.BAD_PATH ? badPath(path) : JsonValues.malformed();
            }
        }
        out.setLong((doc[i] & 0x0f) == Jsonb.ARRAY ? p.arrayCount(i) : 0);
    }

    private static void errorPosition(dev.skerry.engine.func.FunctionContext c, Mem[] a, int b, int n, Mem out) {
        Mem m = a[b];
        if (m.type() == Mem.BLOB && JsonValues.mightBeJsonb(m.blob())) {
            out.setLong(JsonValidity.check(m.blob(), 0, m.blob().length));
            return;
        }
        if (m.type() == Mem.NULL) {
            out.setNull();
            return;
        }
        byte[] t = JsonValues.utf8(m);
        JsonParser p = JsonParser.parse(t, t.length);
        out.setLong(p.ok ? 0 : p.errorPosition());
    }

    private static void edit(Mem[] a, int b, int n, Mem out, int mode, String name, boolean blob)
            throws SqliteException {
        if (n < 1) {
            out.setNull();
            return;
        }
        if ((n & 1) == 0) {
            throw SqliteException.error("json_" + name + "() needs an odd number of arguments");
        }
        byte[] doc = JsonValues.document(a[b]);
        if (doc == null) {
            out.setNull();
            return;
        }
        JsonPath p = new JsonPath(doc, true);
        for (int k = 1; k < n - 1; k += 2) {
            if (a[b + k].type() == Mem.NULL) {
                continue;
            }
            String path = Convert.toText(a[b + k]);
            byte[] z = JsonPath.pathBytes(path);
            if (z[0] != '$') {
                throw badPath(path);
            }
            byte[] node = JsonValues.toNode(a[b + k + 1]);
            int rc;
            if (z[1] == 0) {
                if (mode == JsonPath.EDIT_REPLACE || mode == JsonPath.EDIT_SET) {
                    p.replace(0, p.n, node, node.length);
                }
                rc = 0;
            } else {
                p.edit = mode;
                p.ins = node;
                p.delta = 0;
                rc = p.lookup(0, z, 1, 0);
            }
            if (rc == JsonPath.NOT_FOUND) {
                continue;
            }
            if (rc < 0) {
                throw rc == JsonPath.MALFORMED ? JsonValues.malformed() : badPath(path);
            }
        }
        result(p.result(), out, blob);
    }

    private static void remove(Mem[] a, int b, int n, Mem out, boolean blob) throws SqliteException {
        if (n < 1) {
            out.setNull();
            return;
        }
        byte[] doc = JsonValues.document(a[b]);
        if (doc == null) {
            out.setNull();
            return;
        }
        JsonPath p = new JsonPath(doc, true);
        for (int k = 1; k < n; k++) {
            if (a[b + k].type() == Mem.NULL) {
                out.setNull();
                return;
            }
            String path = Convert.toText(a[b + k]);
            byte[] z = JsonPath.pathBytes(path);
            if (z[0] != '$') {
                throw badPath(path);
            }
            if (z[1] == 0) {
                out.setNull();
                return;
            }
            p.edit = JsonPath.EDIT_DELETE;
            p.delta = 0;
            int rc = p.lookup(0, z, 1, 0);
            if (rc == JsonPath.NOT_FOUND) {
                continue;
            }
            if (rc < 0) {
                throw rc == JsonPath.BAD_PATH ? badPath(path) : JsonValues.malformed();
            }
        }
        result(p.result(), out, blob);
    }

    private static void patch(Mem[] a, int b, Mem out, boolean blob) throws SqliteException {
        byte[] target = JsonValues.document(a[b]);
        if (target == null) {
            out.setNull();
            return;
        }
        byte[] patch = JsonValues.document(a[b + 1]);
        if (patch == null) {
            out.setNull();
            return;
        }
        JsonPath t = new JsonPath(target, true);
        if (!JsonPatch.merge(t, 0, patch, 0, 0)) {
            throw JsonValues.malformed();
        }
        result(t.result(), out, blob);
    }

    private static void pretty(dev.skerry.engine.func.FunctionContext c, Mem[] a, int b, int n, Mem out)
            throws SqliteException {
        byte[] doc = JsonValues.document(a[b]);
        if (doc == null) {
            out.setNull();
            return;
        }
        byte[] indent = n < 2 || a[b + 1].type() == Mem.NULL ? new byte[] {' ', ' ', ' ', ' '}
                : JsonValues.utf8(a[b + 1]);
        byte[] t = JsonText.pretty(doc, indent);
        if (t == null) {
            throw JsonValues.malformed();
        }
        out.setTextUtf8(t, 0, t.length);
    }

    private static final String[] TYPE_NAMES = {"null", "true", "false", "integer", "integer", "real", "real",
        "text", "text", "text", "text", "array", "object", "", "", ""};

    private static void type(dev.skerry.engine.func.FunctionContext c, Mem[] a, int b, int n, Mem out)
            throws SqliteException {
        byte[] doc = JsonValues.document(a[b]);
        if (doc == null) {
            out.setNull();
            return;
        }
        int i = 0;
        if (n == 2) {
            if (a[b + 1].type() == Mem.NULL) {
                out.setNull();
                return;
            }
            String path = Convert.toText(a[b + 1]);
            byte[] z = JsonPath.pathBytes(path);
            if (z[0] != '$') {
                throw badPath(path);
            }
            i = new JsonPath(doc, false).lookup(0, z, 1, 0);
            if (i < 0) {
                if (i == JsonPath.NOT_FOUND) {
                    out.setNull();
                    return;
                }
                throw i == JsonPath.BAD_PATH ? badPath(path) : JsonValues.malformed();
            }
        }
        out.setText(TYPE_NAMES[doc[i] & 0x0f]);
    }

    private static void valid(dev.skerry.engine.func.FunctionContext c, Mem[] a, int b, int n, Mem out)
            throws SqliteException {
        int flags = 1;
        if (n == 2) {
            long f = Convert.toLong(a[b + 1]);
            if (f < 1 || f > 15) {
                throw SqliteException.error("FLAGS parameter to json_valid() must be between 1 and 15");
            }
            flags = (int) f;
        }
        Mem m = a[b];
        if (m.type() == Mem.NULL) {
            out.setNull();
            return;
        }
        if (m.type() == Mem.BLOB && JsonValues.isJsonb(m.blob())) {
            boolean res = false;
            if ((flags & 4) != 0) {
                res = true;
            } else if ((flags & 8) != 0) {
                res = JsonValidity.check(m.blob(), 0, m.blob().length) == 0;
            }
            out.setLong(res ? 1 : 0);
            return;
        }
        if ((flags & 3) == 0) {
            out.setLong(0);
            return;
        }
        byte[] t = JsonValues.utf8(m);
        if (t.length == 0) {
            out.setLong(0);
            return;
        }
        JsonParser p = JsonParser.parse(t, t.length);
        out.setLong(p.ok && ((flags & 2) != 0 || !p.nonStandard) ? 1 : 0);
    }
}
