package dev.skerry.engine.json;

/**
 * Renders JSONB as JSON text, as SQLite's {@code jsonTranslateBlobToText} (minified canonical JSON: JSON5
 * numbers and escapes rewritten in standard form, raw text escaped) and {@code jsonTranslateBlobToPrettyText}
 * (json_pretty) do; and appends SQL text as a JSON string ({@code jsonAppendString}).
 *
 * <p>State: the output buffer and {@link #malformed}, set when the JSONB turned out not to be well-formed
 * (the caller then raises {@code malformed JSON}).
 */
final class JsonText {
    final JsonBuilder out;
    boolean malformed;
    private final byte[] a;
    private final int n;
    private byte[] indent;
    private int level;
    /** The nesting of the container being rendered (bounded by {@link Jsonb#MAX_RECURSION}). */
    private int nesting;

    JsonText(byte[] blob, int n, JsonBuilder out) {
        this.a = blob;
        this.n = n;
        this.out = out;
    }

    /** The text of the whole blob {@code b}, or null when it is not well-formed JSONB. */
    static byte[] render(byte[] b) {
        return render(b, 0, b.length);
    }

    /** The text of the node at {@code i} in {@code b[0 .. n)}, or null when it is not well-formed. */
    static byte[] render(byte[] b, int i, int n) {
        JsonText t = new JsonText(b, n, new JsonBuilder(n * 2 + 8));
        t.node(i);
        return t.malformed ? null : t.out.toArray();
    }

    /** json_pretty's text of {@code b} with {@code indent} per level, or null when not well-formed. */
    static byte[] pretty(byte[] b, byte[] indent) {
        JsonText t = new JsonText(b, b.length, new JsonBuilder(b.length * 3 + 8));
        t.indent = indent;
        t.prettyNode(0);
        return t.malformed ? null : t.out.toArray();
    }

    /** Appends the node at {@code i}; returns the offset after it. */
    int node(int i) {
        long h = Jsonb.header(a, i, n);
        if (h == 0) {
            malformed = true;
            return n + 1;
        }
        int hl = Jsonb.hdrLen(h);
        int sz = Jsonb.size(h);
        int p = i + hl;
        switch (a[i] & 0x0f) {
            case Jsonb.NULL:
                out.append("null");
                return i + 1;
            case Jsonb.TRUE:
                out.append("true");
                return i + 1;
            case Jsonb.FALSE:
                out.append("false");
                return i + 1;
            case Jsonb.INT:
            case Jsonb.FLOAT:
                if (sz == 0) {
                    malformed = true;
                    break;
                }
                out.append(a, p, sz);
                break;
            case Jsonb.INT5:
                int5(p, sz);
                break;
            case Jsonb.FLOAT5:
                float5(p, sz);
                break;
            case Jsonb.TEXT:
            case Jsonb.TEXTJ:
                out.append('"');
                out.append(a, p, sz);
                out.append('"');
                break;
            case Jsonb.TEXT5:
                text5(p, sz);
                break;
            case Jsonb.TEXTRAW:
                appendString(out, a, p, sz);
                break;
            case Jsonb.ARRAY: {
                if (++nesting > Jsonb.MAX_RECURSION) {
                    malformed = true;
                    return n + 1;
                }
                out.append('[');
                int j = p;
                int end = p + sz;
                while (j < end && !malformed) {
                    j = node(j);
                    out.append(',');
                }
                nesting--;
                if (j > end) {
                    malformed = true;
                }
                if (sz > 0) {
                    out.length--;
                }
                out.append(']');
                break;
            }
            case Jsonb.OBJECT: {
                if (++nesting > Jsonb.MAX_RECURSION) {
                    malformed = true;
                    return n + 1;
                }
                int x = 0;
                out.append('{');
                int j = p;
                int end = p + sz;
                while (j < end && !malformed) {
                    j = node(j);
                    out.append((x++ & 1) != 0 ? ',' : ':');
                }
                nesting--;
                if ((x & 1) != 0 || j > end) {
                    malformed = true;
                }
                if (sz > 0) {
                    out.length--;
                }
                out.append('}');
                break;
            }
            default:
                malformed = true;
                break;
        }
        return p + sz;
    }

    private void int5(int p, int sz) {
        int k = 2;
        long u = 0;
        boolean overflow = false;
        if (a[p] == '-') {
            out.append('-');
            k++;
        } else if (a[p] == '+') {
            k++;
        }
        for (; k < sz; k++) {
            int c = a[p + k];
            if (!Jsonb.isXDigit(c)) {
                malformed = true;
                break;
            } else if ((u >>> 60) != 0) {
                overflow = true;
            } else {
                u = u * 16 + Jsonb.hexValue(c);
            }
        }
        out.append(overflow ? "9.0e999" : unsignedText(u));
    }

    /** The decimal text of {@code u} read as an unsigned 64-bit integer. */
    static String unsignedText(long u) {
        if (u >= 0) {
            return Long.toString(u);
        }
        long q = (u >>> 1) / 5;
        return Long.toString(q) + (char) ('0' + (u - q * 10));
    }

    private void float5(int p, int sz) {
        int k = 0;
        if (a[p] == '-') {
            out.append('-');
            k++;
        }
        if (a[p + k] == '.') {
            out.append('0');
        }
        for (; k < sz; k++) {
            out.append(a[p + k]);
            if (a[p + k] == '.' && (k + 1 == sz || !Jsonb.isDigit(a[p + k + 1]))) {
                out.append('0');
            }
        }
    }

    /** A TEXT5 string: JSON5 escapes and raw characters rewritten as standard JSON. */
    private void text5(int p, int sz) {
        out.append('"');
        int z = p;
        int left = sz;
        while (left > 0) {
            int k = 0;
            while (k < left && (Jsonb.isOk(a[z + k]) || a[z + k] == '\'')) {
                k++;
            }
            if (k > 0) {
                out.append(a, z, k);
                if (k >= left) {
                    break;
                }
                z += k;
                left -= k;
            }
            int c = a[z] & 0xff;
            if (c == '"') {
                out.append('\\');
                out.append('"');
                z++;
                left--;
                continue;
            }
            if (c <= 0x1f) {
                controlChar(out, c);
                z++;
                left--;
                continue;
            }
            if (left < 2) {
                malformed = true;
                break;
            }
            switch (a[z + 1] & 0xff) {
                case '\'':
                    out.append('\'');
                    break;
                case 'v':
                    out.append("\\u0009");
                    break;
                case 'x':
                    if (left < 4) {
                        malformed = true;
                        left = 2;
                        break;
                    }
                    out.append("\\u00");
                    out.append(a, z + 2, 2);
                    z += 2;
                    left -= 2;
                    break;
                case '0':
                    out.append("\\u0000");
                    break;
                case '\r':
                    if (left > 2 && a[z + 2] == '\n') {
                        z++;
                        left--;
                    }
                    break;
                case '\n':
                    break;
                case 0xe2:
                    if (left < 4 || (a[z + 2] & 0xff) != 0x80
                            || ((a[z + 3] & 0xff) != 0xa8 && (a[z + 3] & 0xff) != 0xa9)) {
                        malformed = true;
                        left = 2;
                        break;
                    }
                    z += 2;
                    left -= 2;
                    break;
                default:
                    out.append(a, z, 2);
                    break;
            }
            z += 2;
            left -= 2;
        }
        out.append('"');
    }

    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    /** A control character as SQLite escapes it: backslash and b, t, n, f or r; others as
     * backslash, u00 and two hexadecimal digits. */
    static void controlChar(JsonBuilder out, int c) {
        out.append('\\');
        switch (c) {
            case 8: out.append('b'); return;
            case 9: out.append('t'); return;
            case 10: out.append('n'); return;
            case 12: out.append('f'); return;
            case 13: out.append('r'); return;
            default:
                out.append("u00");
                out.append(HEX[c >> 4]);
                out.append(HEX[c & 15]);
        }
    }

    /** Appends {@code s[off .. off+len)} as a JSON string literal (SQLite's {@code jsonAppendString}). */
    static void appendString(JsonBuilder out, byte[] s, int off, int len) {
        out.append('"');
        int start = off;
        int end = off + len;
        for (int k = off; k < end; k++) {
            int c = s[k] & 0xff;
            if (Jsonb.isOk(c)) {
                continue;
            }
            out.append(s, start, k - start);
            start = k + 1;
            if (c == '"' || c == '\\') {
                out.append('\\');
                out.append(c);
            } else if (c == '\'') {
                out.append(c);
            } else {
                controlChar(out, c);
            }
        }
        out.append(s, start, end - start);
        out.append('"');
    }

    private void newlineIndent() {
        for (int k = 0; k < level; k++) {
            out.append(indent, 0, indent.length);
        }
    }

    private int prettyNode(int i) {
        long h = Jsonb.header(a, i, n);
        if (h == 0) {
            malformed = true;
            return n + 1;
        }
        int type = a[i] & 0x0f;
        if (type != Jsonb.ARRAY && type != Jsonb.OBJECT) {
            return node(i);
        }
        if (level >= Jsonb.MAX_RECURSION) {
            malformed = true;
            return n + 1;
        }
        int j = i + Jsonb.hdrLen(h);
        int end = j + Jsonb.size(h);
        out.append(type == Jsonb.ARRAY ? '[' : '{');
        if (j < end) {
            out.append('\n');
            level++;
            while (!malformed) {
                newlineIndent();
                if (type == Jsonb.OBJECT) {
                    j = node(j);
                    if (j > end) {
                        malformed = true;
                        break;
                    }
                    out.append(':');
                    out.append(' ');
                }
                j = prettyNode(j);
                if (j >= end) {
                    break;
                }
                out.append(',');
                out.append('\n');
            }
            out.append('\n');
            level--;
            newlineIndent();
        }
        out.append(type == Jsonb.ARRAY ? ']' : '}');
        return end;
    }
}
