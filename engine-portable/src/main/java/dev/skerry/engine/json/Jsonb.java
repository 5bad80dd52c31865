package dev.skerry.engine.json;

/**
 * The JSONB format (https://sqlite.org/jsonb.html). A value is a node: a header then a payload. The header's
 * first byte holds the node type in its low four bits and a size code in its high four bits: 0–11 are the
 * payload size itself, 12, 13, 14 and 15 say that the size follows in the next 1, 2, 4 or 8 bytes (big-endian).
 * Types: NULL, TRUE, FALSE (no payload), INT (decimal text), INT5 (JSON5 integer text such as hexadecimal),
 * FLOAT (JSON float text), FLOAT5 (JSON5 float text), TEXT (string without escapes), TEXTJ (with JSON escapes),
 * TEXT5 (with JSON5 escapes), TEXTRAW (raw text that needs escaping on output), ARRAY (payload: the elements),
 * OBJECT (payload: label and value nodes alternating). SQLite writes the shortest header that holds the size.
 *
 * <p>{@link #header} decodes a header; the other methods are small predicates on bytes shared by the parser,
 * the renderer and the path code.
 */
public final class Jsonb {
    private Jsonb() {
    }

    public static final int NULL = 0;
    public static final int TRUE = 1;
    public static final int FALSE = 2;
    public static final int INT = 3;
    public static final int INT5 = 4;
    public static final int FLOAT = 5;
    public static final int FLOAT5 = 6;
    public static final int TEXT = 7;
    public static final int TEXTJ = 8;
    public static final int TEXT5 = 9;
    public static final int TEXTRAW = 10;
    public static final int ARRAY = 11;
    public static final int OBJECT = 12;

    /** SQLite's JSON subtype ({@code 'J'}), carried by JSON text a JSON function returns. */
    public static final int SUBTYPE = 74;

    /** The deepest nesting of arrays and objects SQLite accepts. */
    static final int MAX_DEPTH = 1000;

    /**
     * The deepest recursion Skerry makes over a JSONB blob or a path (a blob built elsewhere may nest deeper
     * than text can); beyond it the value is reported as malformed instead of overflowing the stack.
     */
    static final int MAX_RECURSION = 2 * MAX_DEPTH;

    /**
     * The header of the node at {@code i} in {@code a[0 .. n)} (SQLite's {@code jsonbPayloadSize}): its length
     * in the low 8 bits and the payload size in the high bits, or 0 when the header or its payload does not fit.
     */
    static long header(byte[] a, int i, int n) {
        if (i >= n) {
            return 0;
        }
        int x = (a[i] & 0xff) >> 4;
        long sz;
        int h;
        if (x <= 11) {
            sz = x;
            h = 1;
        } else if (x == 12) {
            if (i + 1 >= n) {
                return 0;
            }
            sz = a[i + 1] & 0xff;
            h = 2;
        } else if (x == 13) {
            if (i + 2 >= n) {
                return 0;
            }
            sz = ((a[i + 1] & 0xff) << 8) | (a[i + 2] & 0xff);
            h = 3;
        } else if (x == 14) {
            if (i + 4 >= n) {
                return 0;
            }
            sz = ((long) (a[i + 1] & 0xff) << 24) | ((a[i + 2] & 0xff) << 16) | ((a[i + 3] & 0xff) << 8)
                    | (a[i + 4] & 0xff);
            h = 5;
        } else {
            if (i + 8 >= n || a[i + 1] != 0 || a[i + 2] != 0 || a[i + 3] != 0 || a[i + 4] != 0) {
                return 0;
            }
            sz = ((long) (a[i + 5] & 0xff) << 24) | ((a[i + 6] & 0xff) << 16) | ((a[i + 7] & 0xff) << 8)
                    | (a[i + 8] & 0xff);
            h = 9;
        }
        if (i + sz + h > n) {
            return 0;
        }
        return (sz << 8) | h;
    }

    /** The header length of a {@link #header} result (0: malformed). */
    static int hdrLen(long header) {
        return (int) (header & 0xff);
    }

    /** The payload size of a {@link #header} result. */
    static int size(long header) {
        return (int) (header >>> 8);
    }

    /** The total length of the node at {@code i}, or -1 when malformed. */
    static int nodeLength(byte[] a, int i, int n) {
        long h = header(a, i, n);
        return h == 0 ? -1 : hdrLen(h) + size(h);
    }

    static int type(byte[] a, int i) {
        return a[i] & 0x0f;
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isXDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static int hexValue(int c) {
        if (c <= '9') {
            return c - '0';
        }
        return (c | 0x20) - 'a' + 10;
    }

    static boolean isAlpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAlnum(int c) {
        return isAlpha(c) || isDigit(c);
    }

    /** JSON's own whitespace: space, tab, newline, carriage return. */
    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /**
     * Bytes that may appear in a string literal as they are (SQLite's {@code jsonIsOk}): everything but the
     * control characters, {@code "}, {@code \} and {@code '}.
     */
    static boolean isOk(int c) {
        c &= 0xff;
        return c >= 0x20 && c != '"' && c != '\\' && c != '\'';
    }
}
