package dev.skerry.engine.json;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.Convert;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.value.NumberFormat;
import dev.skerry.engine.value.NumberParse;
import java.nio.charset.StandardCharsets;

/**
 * Conversions between SQL values and JSON: a function argument read as a JSON document
 * ({@code jsonParseFuncArg}), an SQL value appended to JSON text ({@code jsonAppendSqlValue}) or made a JSONB
 * node ({@code jsonFunctionArgToBlob}), and a JSONB node returned as an SQL value ({@code jsonReturnFromBlob}).
 */
public final class JsonValues {
    private JsonValues() {
    }

    static SqliteException malformed() {
        return SqliteException.error("malformed JSON");
    }

    /** The UTF-8 bytes of a value's text (a blob's own bytes). */
    static byte[] utf8(Mem m) {
        if (m.type() == Mem.TEXT && m.hasUtf8()) {
            byte[] b = new byte[m.utf8Length()];
            System.arraycopy(m.utf8Bytes(), 0, b, 0, b.length);
            return b;
        }
        return Convert.toTextBytes(m);
    }

    /**
     * The JSONB of a JSON argument: a blob that is JSONB as it is, anything else read as JSON text; null for
     * NULL. Throws {@code malformed JSON}.
     */
    public static byte[] document(Mem m) throws SqliteException {
        if (m.type() == Mem.NULL) {
            return null;
        }
        if (m.type() == Mem.BLOB && isJsonb(m.blob())) {
            return m.blob();
        }
        byte[] t = utf8(m);
        if (t.length == 0) {
            throw malformed();
        }
        JsonParser p = JsonParser.parse(t, t.length);
        if (!p.ok) {
            throw malformed();
        }
        return p.blob();
    }

    /**
     * True when the blob looks like JSONB (SQLite's {@code jsonArgIsJsonb}): one node of a known type exactly
     * filling it; a short blob that also reads as JSON text must pass the deep validity check.
     */
    static boolean isJsonb(byte[] b) {
        if (!mightBeJsonb(b)) {
            return false;
        }
        int c = b[0] & 0xff;
        long h = Jsonb.header(b, 0, b.length);
        return Jsonb.size(h) > 4 || (c != 0x7b && c != 0x5b && c != 0x22) || JsonValidity.check(b, 0, b.length) == 0;
    }

    /** SQLite's {@code jsonFuncArgMightBeBinary}: the blob's first node has a known type and fills it exactly. */
    static boolean mightBeJsonb(byte[] b) {
        if (b.length < 1 || (b[0] & 0x0f) > Jsonb.OBJECT) {
            return false;
        }
        long h = Jsonb.header(b, 0, b.length);
        if (h == 0 || Jsonb.size(h) + Jsonb.hdrLen(h) != b.length) {
            return false;
        }
        return (b[0] & 0x0f) > Jsonb.FALSE || Jsonb.size(h) == 0;
    }

    /** The JSON text of a REAL: SQLite's {@code %!0.15g} (infinities as ±9.0e+999, NaN as null). */
    static String realText(double r) {
        if (Double.isNaN(r)) {
            return "null";
        }
        if (Double.isInfinite(r)) {
            return r > 0 ? "9.0e+999" : "-9.0e+999";
        }
        return NumberFormat.formatDouble(r);
    }

    /** Appends an SQL value to JSON text as SQLite's {@code jsonAppendSqlValue}. */
    static void appendSql(JsonBuilder out, Mem v) throws SqliteException {
        switch (v.type()) {
            case Mem.NULL:
                out.append("null");
                break;
            case Mem.INTEGER:
                out.append(Long.toString(v.longValue()));
                break;
            case Mem.FLOAT:
                out.append(realText(v.doubleValue()));
                break;
            case Mem.TEXT: {
                byte[] t = utf8(v);
                if (v.subtype() == Jsonb.SUBTYPE) {
                    out.append(t, 0, t.length);
                } else {
                    JsonText.appendString(out, t, 0, t.length);
                }
                break;
            }
            default: {
                byte[] b = v.blob();
                if (!mightBeJsonb(b)) {
                    throw SqliteException.error("JSON cannot hold BLOB values");
                }
                JsonText t = new JsonText(b, b.length, out);
                t.node(0);
                if (t.malformed) {
                    throw malformed();
                }
            }
        }
    }

    /** The JSONB node of an SQL value given to json_set and the like ({@code jsonFunctionArgToBlob}). */
    static byte[] toNode(Mem v) throws SqliteException {
        JsonBuilder out = new JsonBuilder(16);
        switch (v.type()) {
            case Mem.BLOB:
                if (!isJsonb(v.blob())) {
                    throw SqliteException.error("JSON cannot hold BLOB values");
                }
                return v.blob();
            case Mem.TEXT: {
                byte[] t = utf8(v);
                if (v.subtype() == Jsonb.SUBTYPE) {
                    JsonParser p = JsonParser.parse(t, t.length);
                    if (!p.ok) {
                        throw malformed();
                    }
                    return p.blob();
                }
                out.appendNode(Jsonb.TEXTRAW, t, 0, t.length);
                break;
            }
            case Mem.FLOAT: {
                double r = v.doubleValue();
                if (Double.isNaN(r)) {
                    out.append(Jsonb.NULL);
                } else {
                    String s = Double.isInfinite(r) ? (r > 0 ? "9e999" : "-9e999") : NumberFormat.formatDouble(r);
                    byte[] t = s.getBytes(StandardCharsets.UTF_8);
                    out.appendNode(Jsonb.FLOAT, t, 0, t.length);
                }
                break;
            }
            case Mem.INTEGER: {
                byte[] t = Long.toString(v.longValue()).getBytes(StandardCharsets.UTF_8);
                out.appendNode(Jsonb.INT, t, 0, t.length);
                break;
            }
            default:
                out.append(Jsonb.NULL);
        }
        return out.toArray();
    }

    /**
     * Sets {@code out} to the SQL value of the node at {@code i} ({@code jsonReturnFromBlob}): null, 1/0 for
     * true/false, INTEGER or REAL for numbers, TEXT (escapes decoded) for strings; an array or object becomes
     * its JSON text, or its JSONB when {@code blob}. Throws {@code malformed JSON}.
     */
    static void toSql(byte[] a, int i, int n, Mem out, boolean blob) throws SqliteException {
        long h = Jsonb.header(a, i, n);
        if (h == 0) {
            throw malformed();
        }
        int p = i + Jsonb.hdrLen(h);
        int sz = Jsonb.size(h);
        switch (a[i] & 0x0f) {
            case Jsonb.NULL:
                if (sz != 0) {
                    throw malformed();
                }
                out.setNull();
                return;
            case Jsonb.TRUE:
            case Jsonb.FALSE:
                if (sz != 0) {
                    throw malformed();
                }
                out.setLong((a[i] & 0x0f) == Jsonb.TRUE ? 1 : 0);
                return;
            case Jsonb.INT:
            case Jsonb.INT5:
                integer(a, p, sz, out);
                return;
            case Jsonb.FLOAT:
            case Jsonb.FLOAT5:
                if (sz == 0) {
                    throw malformed();
                }
                real(new String(a, p, sz, StandardCharsets.ISO_8859_1), out);
                return;
            case Jsonb.TEXT:
            case Jsonb.TEXTRAW:
                out.setTextUtf8(a, p, sz);
                return;
            case Jsonb.TEXTJ:
            case Jsonb.TEXT5: {
                byte[] t = unescape(a, p, sz);
                out.setTextUtf8(t, 0, t.length);
                return;
            }
            case Jsonb.ARRAY:
            case Jsonb.OBJECT: {
                int len = p + sz - i;
                if (blob) {
                    byte[] b = new byte[len];
                    System.arraycopy(a, i, b, 0, len);
                    out.setBlob(b);
                } else {
                    byte[] t = JsonText.render(a, i, i + len);
                    if (t == null) {
                        throw malformed();
                    }
                    out.setTextUtf8(t, 0, t.length);
                }
                return;
            }
            default:
                throw malformed();
        }
    }

    private static void integer(byte[] a, int p, int sz, Mem out) throws SqliteException {
        if (sz == 0) {
            throw malformed();
        }
        boolean neg = false;
        if (a[p] == '-') {
            if (sz < 2) {
                throw malformed();
            }
            neg = true;
            p++;
            sz--;
        }
        String z = new String(a, p, sz, StandardCharsets.ISO_8859_1);
        int rc = NumberParse.decOrHexStatus(z);
        if (rc == 0) {
            long v = NumberParse.decOrHexToLong(z);
            out.setLong(neg ? -v : v);
        } else if (rc == 3 && neg) {
            out.setLong(Long.MIN_VALUE);
        } else if (rc == 1) {
            throw malformed();
        } else {
            real(neg ? "-" + z : z, out);
        }
    }

    private static void real(String z, Mem out) throws SqliteException {
        if (NumberParse.atofType(z) <= 0) {
            throw malformed();
        }
        out.setDouble(NumberParse.atof(z));
    }

    /** The raw UTF-8 text of a TEXTJ/TEXT5 payload with its escapes decoded. */
    static byte[] unescape(byte[] a, int p, int sz) {
        JsonBuilder b = new JsonBuilder(sz);
        int end = p + sz;
        for (int k = p; k < end; k++) {
            if (a[k] != '\\') {
                b.append(a[k]);
                continue;
            }
            long r = unescapeOne(a, k, end);
            int v = (int) (r >>> 32);
            appendUtf8(b, v);
            k += (int) r - 1;
        }
        return b.toArray();
    }

    static final int INVALID_CHAR = 0xfffd;

    /** Decodes the escape at {@code z} ({@code jsonUnescapeOneChar}): code point in the high word, length low. */
    static long unescapeOne(byte[] a, int z, int end) {
        int n = end - z;
        if (n < 2) {
            return pack(INVALID_CHAR, n);
        }
        switch (a[z + 1] & 0xff) {
            case 'u': {
                if (n < 6) {
                    return pack(INVALID_CHAR, n);
                }
                int v = hex4(a, z + 2);
                if ((v & 0xfc00) == 0xd800 && n >= 12 && a[z + 6] == '\\' && a[z + 7] == 'u') {
                    int lo = hex4(a, z + 8);
                    if ((lo & 0xfc00) == 0xdc00) {
                        return pack(((v & 0x3ff) << 10) + (lo & 0x3ff) + 0x10000, 12);
                    }
                }
                return pack(v, 6);
            }
            case 'b': return pack('\b', 2);
            case 'f': return pack('\f', 2);
            case 'n': return pack('\n', 2);
            case 'r': return pack('\r', 2);
            case 't': return pack('\t', 2);
            case 'v': return pack(0x0b, 2);
            case '0':
                return pack(n > 2 && Jsonb.isDigit(a[z + 2]) ? INVALID_CHAR : 0, 2);
            case '\'':
            case '"':
            case '/':
            case '\\':
                return pack(a[z + 1], 2);
            case 'x':
                if (n < 4) {
                    return pack(INVALID_CHAR, n);
                }
                return pack((Jsonb.hexValue(a[z + 2]) << 4) | Jsonb.hexValue(a[z + 3]), 4);
            case 0xe2:
            case '\r':
            case '\n': {
                int skip = bytesToBypass(a, z, n);
                if (skip == 0) {
                    return pack(INVALID_CHAR, n);
                } else if (skip == n) {
                    return pack(0, n);
                } else if (a[z + skip] == '\\') {
                    long r = unescapeOne(a, z + skip, end);
                    return pack((int) (r >>> 32), skip + (int) r);
                } else {
                    long r = readUtf8(a, z + skip, end);
                    return pack((int) (r >>> 32), skip + (int) r);
                }
            }
            default:
                return pack(INVALID_CHAR, 2);
        }
    }

    private static long pack(int cp, int len) {
        return ((long) cp << 32) | (len & 0xffffffffL);
    }

    private static int hex4(byte[] a, int k) {
        int v = 0;
        for (int j = 0; j < 4; j++) {
            v = (v << 4) | Jsonb.hexValue(a[k + j]);
        }
        return v;
    }

    private static int bytesToBypass(byte[] a, int z, int n) {
        int i = 0;
        while (i + 1 < n) {
            if (a[z + i] != '\\') {
                return i;
            }
            if (a[z + i + 1] == '\n') {
                i += 2;
                continue;
            }
            if (a[z + i + 1] == '\r') {
                i += i + 2 < n && a[z + i + 2] == '\n' ? 3 : 2;
                continue;
            }
            if ((a[z + i + 1] & 0xff) == 0xe2 && i + 3 < n && (a[z + i + 2] & 0xff) == 0x80
                    && ((a[z + i + 3] & 0xff) == 0xa8 || (a[z + i + 3] & 0xff) == 0xa9)) {
                i += 4;
                continue;
            }
            break;
        }
        return i;
    }

    /** One UTF-8 character at {@code k}: code point high, byte length low (SQLite's {@code sqlite3Utf8ReadLimited}). */
    private static long readUtf8(byte[] a, int k, int end) {
        int c = a[k] & 0xff;
        int i = 1;
        if (c >= 0xc0) {
            int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
            c &= extra == 3 ? 0x07 : extra == 2 ? 0x0f : 0x1f;
            while (i < 4 && k + i < end && (a[k + i] & 0xc0) == 0x80) {
                c = (c << 6) | (a[k + i] & 0x3f);
                i++;
            }
        }
        return pack(c, i);
    }

    static void appendUtf8(JsonBuilder b, int v) {
        if (v <= 0x7f) {
            b.append(v);
        } else if (v <= 0x7ff) {
            b.append(0xc0 | (v >> 6));
            b.append(0x80 | (v & 0x3f));
        } else if (v < 0x10000) {
            b.append(0xe0 | (v >> 12));
            b.append(0x80 | ((v >> 6) & 0x3f));
            b.append(0x80 | (v & 0x3f));
        } else {
            b.append(0xf0 | (v >> 18));
            b.append(0x80 | ((v >> 12) & 0x3f));
            b.append(0x80 | ((v >> 6) & 0x3f));
            b.append(0x80 | (v & 0x3f));
        }
    }
}
