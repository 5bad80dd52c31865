package dev.skerry.engine.json;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.Convert;
import dev.skerry.engine.value.Mem;
import java.nio.charset.StandardCharsets;

/**
 * The rows of json_each and json_tree (SQLite's {@code JsonEachCursor}): json_each visits the elements of the
 * top container (or the single value the root path names); json_tree visits the root and then every
 * descendant depth first. Columns: key, value, type, atom, id (the node's offset in the JSONB), parent (json_tree:
 * the parent's id), fullkey, path, and the hidden json and root.
 *
 * <p>The walk's state lives in VM registers, not in this object, so that a scan may restart (correlated
 * arguments) or run in nested frames: the document's JSONB in one register and the cursor in another, a blob
 * encoding {@link #rowid}, {@link #i} (the current node, its label for an object member), {@link #end},
 * {@link #containerType} (type of the container holding node i, 0 for the root), {@link #rootLength}, the
 * stack of open containers (head, value, end, path length, array index) and the current path text. A blob is
 * never changed once stored: each step encodes a new one. {@link #load} decodes a state, {@link #store}
 * encodes it; rows end when {@code i >= end}.
 */
public final class JsonWalk {
    private final boolean recursive;
    private byte[] doc;
    private long rowid;
    private int i;
    private int end;
    private int containerType;
    private int rootLength;
    private int depth;
    private int[] head = new int[8];
    private int[] value = new int[8];
    private int[] parentEnd = new int[8];
    private int[] pathLength = new int[8];
    private long[] key = new long[8];
    private JsonBuilder path = new JsonBuilder(32);

    public JsonWalk(boolean recursive) {
        this.recursive = recursive;
    }

    /** The JSONB of the json argument (a JSONB blob as it is), or null for NULL (no rows). */
    public static byte[] document(Mem json) throws SqliteException {
        if (json.type() == Mem.NULL) {
            return null;
        }
        if (json.type() == Mem.BLOB && JsonValues.mightBeJsonb(json.blob())) {
            return json.blob();
        }
        byte[] t = JsonValues.utf8(json);
        JsonParser p = JsonParser.parse(t, t.length);
        if (!p.ok) {
            throw JsonValues.malformed();
        }
        return p.blob();
    }

    /**
     * The start state for document {@code doc} and the root path (null: {@code $}); null when there is no row.
     * Throws {@code bad JSON path} for a root not starting with {@code $} or not well-formed.
     */
    public byte[] start(byte[] doc, Mem root, boolean hasRoot) throws SqliteException {
        this.doc = doc;
        rowid = 0;
        depth = 0;
        path.length = 0;
        int at;
        if (hasRoot) {
            if (root.type() == Mem.NULL) {
                return null;
            }
            String z = Convert.toText(root);
            byte[] zb = JsonPath.pathBytes(z);
            if (zb[0] != '$') {
                throw JsonFunctions.badPath(z);
            }
            int len = 0;
            while (zb[len] != 0) {
                len++;
            }
            rootLength = len;
            if (zb[1] == 0) {
                at = 0;
                i = 0;
                containerType = 0;
            } else {
                JsonPath p = new JsonPath(doc, false);
                at = p.lookup(0, zb, 1, 0);
                if (at < 0) {
                    if (at == JsonPath.NOT_FOUND) {
                        return null;
                    }
                    throw JsonFunctions.badPath(z);
                }
                if (p.label != 0) {
                    i = p.label;
                    containerType = Jsonb.OBJECT;
                } else {
                    i = at;
                    containerType = Jsonb.ARRAY;
                }
            }
            path.append(zb, 0, len);
        } else {
            at = 0;
            i = 0;
            containerType = 0;
            rootLength = 1;
            path.append('$');
        }
        long h = Jsonb.header(doc, at, doc.length);
        if (h == 0) {
            throw JsonValues.malformed();
        }
        end = at + Jsonb.hdrLen(h) + Jsonb.size(h);
        int type = doc[at] & 0x0f;
        if (type >= Jsonb.ARRAY && !recursive) {
            i = at + Jsonb.hdrLen(h);
            containerType = type;
            push(i, at, end, -1);
            key[0] = 0;
        }
        return i < end ? store() : null;
    }

    private void push(int headAt, int valueAt, int endAt, long k) {
        if (depth == head.length) {
            int cap = depth * 2;
            head = java.util.Arrays.copyOf(head, cap);
            value = java.util.Arrays.copyOf(value, cap);
            parentEnd = java.util.Arrays.copyOf(parentEnd, cap);
            pathLength = java.util.Arrays.copyOf(pathLength, cap);
            key = java.util.Arrays.copyOf(key, cap);
        }
        head[depth] = headAt;
        value[depth] = valueAt;
        parentEnd[depth] = endAt;
        pathLength[depth] = path.length;
        key[depth] = k;
        depth++;
    }

    /** The offset of the current node's value (past its label inside an object). */
    private int valueAt() throws SqliteException {
        if (containerType == Jsonb.OBJECT) {
            int len = Jsonb.nodeLength(doc, i, doc.length);
            if (len < 0) {
                throw JsonValues.malformed();
            }
            return i + len;
        }
        return i;
    }

    /** The state after the current row, or null when there is none. */
    public byte[] next() throws SqliteException {
        int v = valueAt();
        long h = Jsonb.header(doc, v, doc.length);
        if (h == 0) {
            throw JsonValues.malformed();
        }
        int n = Jsonb.hdrLen(h);
        int sz = Jsonb.size(h);
        if (recursive) {
            int x = doc[v] & 0x0f;
            boolean levelChange = false;
            if (x == Jsonb.OBJECT || x == Jsonb.ARRAY) {
                levelChange = true;
                int saved = path.length;
                if (containerType != 0 && depth > 0) {
                    appendPathName();
                }
                push(i, v, v + n + sz, -1);
                pathLength[depth - 1] = saved;
                i = v + n;
            } else {
                i = v + n + sz;
            }
            while (depth > 0 && i >= parentEnd[depth - 1]) {
                depth--;
                path.length = pathLength[depth];
                levelChange = true;
            }
            if (levelChange) {
                containerType = depth > 0 ? doc[value[depth - 1]] & 0x0f : 0;
            }
        } else {
            i = v + n + sz;
        }
        if (containerType == Jsonb.ARRAY && depth > 0) {
            key[depth - 1]++;
        }
        rowid++;
        return i < end ? store() : null;
    }

    /** Appends the current node's step ({@code [N]} or {@code .key}, quoted unless alphanumeric) to the path. */
    private void appendPathName() {
        if (containerType == Jsonb.ARRAY) {
            path.append('[');
            path.append(Long.toString(key[depth - 1]));
            path.append(']');
            return;
        }
        long h = Jsonb.header(doc, i, doc.length);
        int k = i + Jsonb.hdrLen(h);
        int sz = Jsonb.size(h);
        boolean quote = sz == 0 || !Jsonb.isAlpha(doc[k]);
        for (int q = 0; q < sz && !quote; q++) {
            if (!Jsonb.isAlnum(doc[k + q])) {
                quote = true;
            }
        }
        path.append('.');
        if (quote) {
            path.append('"');
        }
        path.append(doc, k, sz);
        if (quote) {
            path.append('"');
        }
    }

    /**
     * json_each's column {@code column} of the current row into {@code out} ({@code json} is the json argument);
     * column 10 is the rowid.
     */
    public void column(int column, Mem json, Mem out) throws SqliteException {
        switch (column) {
            case 0:
                key(out);
                return;
            case 1: {
                int v = valueAt();
                JsonValues.toSql(doc, v, doc.length, out, false);
                if ((doc[v] & 0x0f) >= Jsonb.ARRAY) {
                    out.setSubtype(Jsonb.SUBTYPE);
                }
                return;
            }
            case 2:
                out.setText(TYPE_NAMES[doc[valueAt()] & 0x0f]);
                return;
            case 3: {
                int v = valueAt();
                if ((doc[v] & 0x0f) < Jsonb.ARRAY) {
                    JsonValues.toSql(doc, v, doc.length, out, false);
                } else {
                    out.setNull();
                }
                return;
            }
            case 4:
                out.setLong(i);
                return;
            case 5:
                if (depth > 0 && recursive) {
                    out.setLong(head[depth - 1]);
                } else {
                    out.setNull();
                }
                return;
            case 6: {
                int saved = path.length;
                if (depth > 0) {
                    appendPathName();
                }
                out.setTextUtf8(path.buf, 0, path.length);
                path.length = saved;
                return;
            }
            case 7:
                out.setTextUtf8(path.buf, 0, pathLength());
                return;
            case 8:
                if (json.type() == Mem.BLOB && JsonValues.mightBeJsonb(json.blob())) {
                    out.setBlob(json.blob());
                } else {
                    String t = Convert.toText(json);
                    int nul = t.indexOf(0);
                    out.setText(nul >= 0 ? t.substring(0, nul) : t);
                }
                return;
            case 9:
                out.setTextUtf8(path.buf, 0, rootLength);
                return;
            default:
                out.setLong(rowid);
        }
    }

    private static final String[] TYPE_NAMES = {"null", "true", "false", "integer", "integer", "real", "real",
        "text", "text", "text", "text", "array", "object", "", "", ""};

    private void key(Mem out) throws SqliteException {
        if (depth == 0) {
            if (rootLength == 1) {
                out.setNull();
                return;
            }
            int j = pathLength();
            int n = rootLength - j;
            byte[] z = path.buf;
            if (n == 0) {
                out.setNull();
            } else if (z[j] == '[') {
                out.setLong(dev.skerry.engine.value.NumberParse.atoi64(
                        new String(z, j + 1, n - 1, StandardCharsets.ISO_8859_1)));
            } else if (z[j + 1] == '"') {
                out.setTextUtf8(z, j + 2, n - 3);
            } else {
                out.setTextUtf8(z, j + 1, n - 1);
            }
            return;
        }
        if (containerType == Jsonb.OBJECT) {
            JsonValues.toSql(doc, i, doc.length, out, false);
        } else {
            out.setLong(key[depth - 1]);
        }
    }

    /** The length of the path column's text ({@code jsonEachPathLength}). */
    private int pathLength() {
        int n = path.length;
        byte[] z = path.buf;
        if (rowid == 0 && recursive && n >= 2) {
            while (n > 1) {
                n--;
                if (z[n] == '[' || z[n] == '.') {
                    byte[] prefix = new byte[n + 1];
                    System.arraycopy(z, 0, prefix, 0, n);
                    int x = new JsonPath(doc, false).lookup(0, prefix, 1, 0);
                    if (x < 0) {
                        continue;
                    }
                    if (x + Jsonb.hdrLen(Jsonb.header(doc, x, doc.length)) == i) {
                        break;
                    }
                }
            }
        }
        return n;
    }

    /** Encodes the state as a blob (see the class comment). */
    private byte[] store() {
        int ints = 6 + depth * 6;
        byte[] b = new byte[ints * 8 + path.length];
        int at = 0;
        at = put(b, at, rowid);
        at = put(b, at, i);
        at = put(b, at, end);
        at = put(b, at, containerType);
        at = put(b, at, rootLength);
        at = put(b, at, depth);
        for (int k = 0; k < depth; k++) {
            at = put(b, at, head[k]);
            at = put(b, at, value[k]);
            at = put(b, at, parentEnd[k]);
            at = put(b, at, pathLength[k]);
            at = put(b, at, key[k]);
            at = put(b, at, 0);
        }
        System.arraycopy(path.buf, 0, b, at, path.length);
        return b;
    }

    /** Makes this walk the state {@code state} over document {@code doc}. */
    public void load(byte[] doc, byte[] state) {
        this.doc = doc;
        int at = 0;
        rowid = get(state, at);
        i = (int) get(state, at + 8);
        end = (int) get(state, at + 16);
        containerType = (int) get(state, at + 24);
        rootLength = (int) get(state, at + 32);
        int d = (int) get(state, at + 40);
        at = 48;
        depth = 0;
        path.length = 0;
        for (int k = 0; k < d; k++) {
            push((int) get(state, at), (int) get(state, at + 8), (int) get(state, at + 16), get(state, at + 32));
            pathLength[k] = (int) get(state, at + 24);
            at += 48;
        }
        path.append(state, at, state.length - at);
    }

    private static int put(byte[] b, int at, long v) {
        for (int k = 0; k < 8; k++) {
            b[at + k] = (byte) (v >>> (56 - 8 * k));
        }
        return at + 8;
    }

    private static long get(byte[] b, int at) {
        long v = 0;
        for (int k = 0; k < 8; k++) {
            v = (v << 8) | (b[at + k] & 0xff);
        }
        return v;
    }
}
