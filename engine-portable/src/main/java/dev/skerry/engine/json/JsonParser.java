package dev.skerry.engine.json;

/**
 * Translates JSON text into JSONB as SQLite's {@code jsonTranslateTextToBlob} does, accepting SQLite's JSON5
 * extensions (comments, unquoted labels, single-quoted strings, trailing commas, hexadecimal integers,
 * Infinity/NaN, leading or trailing decimal points, extra escapes and whitespace). Numbers and strings keep
 * their source text in the node (JSON5 forms are marked INT5/FLOAT5/TEXT5).
 *
 * <p>State of one parse: the input bytes {@code z} (NUL-terminated: a NUL byte ends the text, as in SQLite),
 * the output, the nesting depth, {@link #errorAt} (the byte offset SQLite records as {@code iErr}: the last
 * error or delimiter seen) and {@link #nonStandard} (some JSON5 extension was used).
 */
final class JsonParser {
    private final byte[] z;
    private final JsonBuilder out;
    private int depth;
    /** SQLite's {@code iErr}: where the error was found (also set when a delimiter ends a nested call). */
    int errorAt;
    /** SQLite's {@code hasNonstd}: the text is JSON5 rather than canonical JSON. */
    boolean nonStandard;

    private JsonParser(byte[] text, int n) {
        z = new byte[n + 4];
        System.arraycopy(text, 0, z, 0, n);
        out = new JsonBuilder(n + 8);
    }

    /** Parses {@code text[0 .. n)}; the result's {@link #ok} says whether it is well-formed JSON. */
    static JsonParser parse(byte[] text, int n) {
        JsonParser p = new JsonParser(text, n);
        p.ok = p.run();
        return p;
    }

    /** True when the text was one well-formed JSON value (with optional surrounding whitespace). */
    boolean ok;

    /** The JSONB of a successful parse. */
    byte[] blob() {
        return out.toArray();
    }

    /** The number of characters (not bytes) before {@link #errorAt}, plus one: json_error_position's value. */
    long errorPosition() {
        long pos = 0;
        for (int k = 0; k < errorAt && z[k] != 0; k++) {
            if ((z[k] & 0xc0) != 0x80) {
                pos++;
            }
        }
        return pos + 1;
    }

    private boolean run() {
        int i = value(0);
        if (i > 0) {
            while (Jsonb.isSpace(z[i])) {
                i++;
            }
            if (z[i] != 0) {
                i += json5Whitespace(i);
                if (z[i] != 0) {
                    return false;
                }
                nonStandard = true;
            }
        }
        return i > 0;
    }

    /**
     * Parses one value starting at {@code i}. Returns the offset after it, or: 0 at the end of the text, -1
     * on a syntax error, -2 on {@code '}'}, -3 on {@code ']'}, -4 on {@code ','}, -5 on {@code ':'} (the
     * delimiter's offset in {@link #errorAt}).
     */
    private int value(int i) {
        while (true) {
            int c = z[i] & 0xff;
            switch (c) {
                case '{':
                    return object(i);
                case '[':
                    return array(i);
                case '"':
                case '\'':
                    return string(i);
                case 't':
                    return literal(i, "true", Jsonb.TRUE);
                case 'f':
                    return literal(i, "false", Jsonb.FALSE);
                case 'n':
                    if (startsWith(i, "null", true) && !Jsonb.isAlnum(z[i + 4])) {
                        out.append(Jsonb.NULL);
                        return i + 4;
                    }
                    return nanInf(i);
                case '+':
                case '-':
                case '.':
                case '0': case '1': case '2': case '3': case '4':
                case '5': case '6': case '7': case '8': case '9':
                    return number(i);
                case '}':
                    errorAt = i;
                    return -2;
                case ']':
                    errorAt = i;
                    return -3;
                case ',':
                    errorAt = i;
                    return -4;
                case ':':
                    errorAt = i;
                    return -5;
                case 0:
                    return 0;
                case 0x09: case 0x0a: case 0x0d: case 0x20:
                    i++;
                    while (Jsonb.isSpace(z[i])) {
                        i++;
                    }
                    continue;
                case 0x0b: case 0x0c: case '/': case 0xc2: case 0xe1: case 0xe2: case 0xe3: case 0xef: {
                    int j = json5Whitespace(i);
                    if (j > 0) {
                        i += j;
                        nonStandard = true;
                        continue;
                    }
                    errorAt = i;
                    return -1;
                }
                default:
                    return nanInf(i);
            }
        }
    }

    private int literal(int i, String word, int type) {
        if (startsWith(i, word, true) && !Jsonb.isAlnum(z[i + word.length()])) {
            out.append(type);
            return i + word.length();
        }
        errorAt = i;
        return -1;
    }

    private static final String[] NAN_INF = {"inf", "infinity", "nan", "qnan", "snan"};

    /** The JSON5/SQLite names of infinity and NaN, in any case: {@code Infinity} is 9e999, NaN is null. */
    private int nanInf(int i) {
        for (int k = 0; k < NAN_INF.length; k++) {
            String w = NAN_INF[k];
            if (!startsWith(i, w, false) || Jsonb.isAlnum(z[i + w.length()])) {
                continue;
            }
            if (k < 2) {
                out.appendNode(Jsonb.FLOAT, NINE_E_999, 1, 5);
            } else {
                out.append(Jsonb.NULL);
            }
            nonStandard = true;
            return i + w.length();
        }
        errorAt = i;
        return -1;
    }

    private static final byte[] NINE_E_999 = {'-', '9', 'e', '9', '9', '9'};

    private boolean startsWith(int i, String w, boolean exactCase) {
        for (int k = 0; k < w.length(); k++) {
            int c = z[i + k];
            int d = w.charAt(k);
            if (c != d && (exactCase || (c | 0x20) != d || !Jsonb.isAlpha(c))) {
                return false;
            }
        }
        return true;
    }

    private int object(int i) {
        int at = out.openContainer(Jsonb.OBJECT);
        if (++depth > Jsonb.MAX_DEPTH) {
            errorAt = i;
            return -1;
        }
        int start = out.length;
        int j = i + 1;
        for (;; j++) {
            int labelAt = out.length;
            int x = value(j);
            if (x <= 0) {
                if (x == -2) {
                    j = errorAt;
                    if (out.length != start) {
                        nonStandard = true;
                    }
                    break;
                }
                j += json5Whitespace(j);
                int op = Jsonb.TEXT;
                int c = z[j] & 0xff;
                boolean esc = c == '\\' && is4HexU(j + 1);
                if (isId1(c) || esc) {
                    if (esc) {
                        op = Jsonb.TEXTJ;
                    }
                    int k = j + 1;
                    while (true) {
                        int d = z[k] & 0xff;
                        if (isId2(d) && json5Whitespace(k) == 0) {
                            k++;
                        } else if (d == '\\' && is4HexU(k + 1)) {
                            op = Jsonb.TEXTJ;
                            k++;
                        } else {
                            break;
                        }
                    }
                    out.appendNode(op, z, j, k - j);
                    nonStandard = true;
                    x = k;
                } else {
                    if (x != -1) {
                        errorAt = j;
                    }
                    return -1;
                }
            }
            int t = out.buf[labelAt] & 0x0f;
            if (t < Jsonb.TEXT || t > Jsonb.TEXTRAW) {
                errorAt = j;
                return -1;
            }
            j = x;
            boolean colon = false;
            if (z[j] == ':') {
                j++;
                colon = true;
            } else if (Jsonb.isSpace(z[j])) {
                do {
                    j++;
                } while (Jsonb.isSpace(z[j]));
                if (z[j] == ':') {
                    j++;
                    colon = true;
                }
            }
            if (!colon) {
                x = value(j);
                if (x != -5) {
                    if (x != -1) {
                        errorAt = j;
                    }
                    return -1;
                }
                j = errorAt + 1;
            }
            x = value(j);
            if (x <= 0) {
                if (x != -1) {
                    errorAt = j;
                }
                return -1;
            }
            j = x;
            int next = separator(j, '}', -2);
            if (next == SEP_COMMA) {
                j = sepAt;
                continue;
            }
            if (next == SEP_END) {
                j = sepAt;
                break;
            }
            errorAt = sepAt;
            return -1;
        }
        out.closeContainer(at);
        depth--;
        return j + 1;
    }

    private static final int SEP_COMMA = 1;
    private static final int SEP_END = 2;
    /** Where {@link #separator} found its comma or closing delimiter (or the error offset). */
    private int sepAt;

    /**
     * After an element at {@code j}: finds the comma or the closing {@code close} (JSON whitespace skipped,
     * then JSON5 whitespace through a nested call returning {@code closeCode} or -4).
     */
    private int separator(int j, int close, int closeCode) {
        if (z[j] == ',') {
            sepAt = j;
            return SEP_COMMA;
        }
        if (z[j] == close) {
            sepAt = j;
            return SEP_END;
        }
        if (Jsonb.isSpace(z[j])) {
            j++;
            while (Jsonb.isSpace(z[j])) {
                j++;
            }
            if (z[j] == ',') {
                sepAt = j;
                return SEP_COMMA;
            }
            if (z[j] == close) {
                sepAt = j;
                return SEP_END;
            }
        }
        int x = value(j);
        if (x == -4) {
            sepAt = errorAt;
            return SEP_COMMA;
        }
        if (x == closeCode) {
            sepAt = errorAt;
            return SEP_END;
        }
        sepAt = j;
        return 0;
    }

    private int array(int i) {
        int at = out.openContainer(Jsonb.ARRAY);
        if (++depth > Jsonb.MAX_DEPTH) {
            errorAt = i;
            return -1;
        }
        int start = out.length;
        int j = i + 1;
        for (;; j++) {
            int x = value(j);
            if (x <= 0) {
                if (x == -3) {
                    j = errorAt;
                    if (out.length != start) {
                        nonStandard = true;
                    }
                    break;
                }
                if (x != -1) {
                    errorAt = j;
                }
                return -1;
            }
            j = x;
            int next = separator(j, ']', -3);
            if (next == SEP_COMMA) {
                j = sepAt;
                continue;
            }
            if (next == SEP_END) {
                j = sepAt;
                break;
            }
            errorAt = sepAt;
            return -1;
        }
        out.closeContainer(at);
        depth--;
        return j + 1;
    }

    private int string(int i) {
        int delim = z[i];
        int op = Jsonb.TEXT;
        if (delim == '\'') {
            nonStandard = true;
        }
        int j = i + 1;
        while (true) {
            int c = z[j] & 0xff;
            if (Jsonb.isOk(c)) {
                j++;
                continue;
            }
            if (c == delim) {
                break;
            }
            if (c == '\\') {
                c = z[++j] & 0xff;
                if (c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't'
                        || (c == 'u' && is4Hex(j + 1))) {
                    if (op == Jsonb.TEXT) {
                        op = Jsonb.TEXTJ;
                    }
                } else if (c == '\'' || c == 'v' || c == '\n' || (c == '0' && !Jsonb.isDigit(z[j + 1]))
                        || (c == 0xe2 && (z[j + 1] & 0xff) == 0x80
                            && ((z[j + 2] & 0xff) == 0xa8 || (z[j + 2] & 0xff) == 0xa9))
                        || (c == 'x' && Jsonb.isXDigit(z[j + 1]) && Jsonb.isXDigit(z[j + 2]))) {
                    op = Jsonb.TEXT5;
                    nonStandard = true;
                } else if (c == '\r') {
                    if (z[j + 1] == '\n') {
                        j++;
                    }
                    op = Jsonb.TEXT5;
                    nonStandard = true;
                } else {
                    errorAt = j;
                    return -1;
                }
            } else if (c <= 0x1f) {
                if (c == 0) {
                    errorAt = j;
                    return -1;
                }
                op = Jsonb.TEXT5;
                nonStandard = true;
            } else if (c == '"') {
                op = Jsonb.TEXT5;
            }
            j++;
        }
        out.appendNode(op, z, i + 1, j - 1 - i);
        return j + 1;
    }

    private boolean is4Hex(int k) {
        return Jsonb.isXDigit(z[k]) && Jsonb.isXDigit(z[k + 1]) && Jsonb.isXDigit(z[k + 2])
                && Jsonb.isXDigit(z[k + 3]);
    }

    private boolean is4HexU(int k) {
        return z[k] == 'u' && is4Hex(k + 1);
    }

    /** A byte that may start an unquoted JSON5 label: a letter, {@code _}, {@code $} or any non-ASCII byte. */
    private static boolean isId1(int c) {
        return Jsonb.isAlpha(c) || c == '_' || c == '$' || c >= 0x80;
    }

    private static boolean isId2(int c) {
        return isId1(c) || Jsonb.isDigit(c);
    }

    /** SQLite's number scanner (decimal, JSON5 hexadecimal, leading/trailing point, signs, Infinity). */
    private int number(int i) {
        int t;
        int j;
        int c = z[i];
        if (c == '.') {
            if (!Jsonb.isDigit(z[i + 1])) {
                errorAt = i;
                return -1;
            }
            nonStandard = true;
            t = 0x03;
            j = digits(i, t);
            return j < 0 ? -1 : finish(i, j, lastT);
        }
        t = 0;
        if (c == '+') {
            nonStandard = true;
        }
        if (c <= '0') {
            if (c == '0') {
                if ((z[i + 1] == 'x' || z[i + 1] == 'X') && Jsonb.isXDigit(z[i + 2])) {
                    nonStandard = true;
                    for (j = i + 3; Jsonb.isXDigit(z[j]); j++) {
                        continue;
                    }
                    return finish(i, j, 0x01);
                } else if (Jsonb.isDigit(z[i + 1])) {
                    errorAt = i + 1;
                    return -1;
                }
            } else {
                if (!Jsonb.isDigit(z[i + 1])) {
                    if ((z[i + 1] == 'I' || z[i + 1] == 'i') && startsWith(i + 1, "inf", false)) {
                        nonStandard = true;
                        if (c == '-') {
                            out.appendNode(Jsonb.FLOAT, NINE_E_999, 0, 6);
                        } else {
                            out.appendNode(Jsonb.FLOAT, NINE_E_999, 1, 5);
                        }
                        return i + (startsWith(i + 4, "inity", false) ? 9 : 4);
                    }
                    if (z[i + 1] == '.') {
                        nonStandard = true;
                        t |= 0x01;
                        j = digits(i, t);
                        return j < 0 ? -1 : finish(i, j, lastT);
                    }
                    errorAt = i;
                    return -1;
                }
                if (z[i + 1] == '0') {
                    if (Jsonb.isDigit(z[i + 2])) {
                        errorAt = i + 1;
                        return -1;
                    } else if ((z[i + 2] == 'x' || z[i + 2] == 'X') && Jsonb.isXDigit(z[i + 3])) {
                        nonStandard = true;
                        for (j = i + 4; Jsonb.isXDigit(z[j]); j++) {
                            continue;
                        }
                        return finish(i, j, t | 0x01);
                    }
                }
            }
        }
        j = digits(i, t);
        return j < 0 ? -1 : finish(i, j, lastT);
    }

    /** The type bits {@link #digits} ended with (0x01 JSON5, 0x02 float). */
    private int lastT;

    /** SQLite's {@code parse_number_2}: scans digits, '.', exponent after {@code i}; -1 on an error. */
    private int digits(int i, int t) {
        boolean seenE = false;
        int j;
        for (j = i + 1;; j++) {
            int c = z[j];
            if (Jsonb.isDigit(c)) {
                continue;
            }
            if (c == '.') {
                if ((t & 0x02) != 0) {
                    errorAt = j;
                    return -1;
                }
                t |= 0x02;
                continue;
            }
            if (c == 'e' || c == 'E') {
                if (z[j - 1] < '0') {
                    if (z[j - 1] == '.' && j - 2 >= i && Jsonb.isDigit(z[j - 2])) {
                        nonStandard = true;
                        t |= 0x01;
                    } else {
                        errorAt = j;
                        return -1;
                    }
                }
                if (seenE) {
                    errorAt = j;
                    return -1;
                }
                t |= 0x02;
                seenE = true;
                c = z[j + 1];
                if (c == '+' || c == '-') {
                    j++;
                    c = z[j + 1];
                }
                if (c < '0' || c > '9') {
                    errorAt = j;
                    return -1;
                }
                continue;
            }
            break;
        }
        if (z[j - 1] < '0') {
            if (z[j - 1] == '.' && j - 2 >= i && Jsonb.isDigit(z[j - 2])) {
                nonStandard = true;
                t |= 0x01;
            } else {
                errorAt = j;
                return -1;
            }
        }
        lastT = t;
        return j;
    }

    private int finish(int i, int j, int t) {
        if (z[i] == '+') {
            i++;
        }
        out.appendNode(Jsonb.INT + t, z, i, j - i);
        return j;
    }

    /** The length of the JSON5 whitespace and comments at {@code n0} (SQLite's {@code json5Whitespace}). */
    private int json5Whitespace(int n0) {
        int n = n0;
        while (true) {
            int c = z[n] & 0xff;
            switch (c) {
                case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d: case 0x20:
                    n++;
                    continue;
                case '/':
                    if (z[n + 1] == '*' && z[n + 2] != 0) {
                        int j;
                        for (j = n + 3; z[j] != '/' || z[j - 1] != '*'; j++) {
                            if (z[j] == 0) {
                                return n - n0;
                            }
                        }
                        n = j + 1;
                        continue;
                    } else if (z[n + 1] == '/') {
                        int j;
                        for (j = n + 2; z[j] != 0; j++) {
                            int d = z[j] & 0xff;
                            if (d == '\n' || d == '\r') {
                                break;
                            }
                            if (d == 0xe2 && (z[j + 1] & 0xff) == 0x80
                                    && ((z[j + 2] & 0xff) == 0xa8 || (z[j + 2] & 0xff) == 0xa9)) {
                                j += 2;
                                break;
                            }
                        }
                        n = j;
                        if (z[n] != 0) {
                            n++;
                        }
                        continue;
                    }
                    return n - n0;
                case 0xc2:
                    if ((z[n + 1] & 0xff) == 0xa0) {
                        n += 2;
                        continue;
                    }
                    return n - n0;
                case 0xe1:
                    if ((z[n + 1] & 0xff) == 0x9a && (z[n + 2] & 0xff) == 0x80) {
                        n += 3;
                        continue;
                    }
                    return n - n0;
                case 0xe2:
                    if ((z[n + 1] & 0xff) == 0x80) {
                        int d = z[n + 2] & 0xff;
                        if (d < 0x80) {
                            return n - n0;
                        }
                        if (d <= 0x8a || d == 0xa8 || d == 0xa9 || d == 0xaf) {
                            n += 3;
                            continue;
                        }
                    } else if ((z[n + 1] & 0xff) == 0x81 && (z[n + 2] & 0xff) == 0x9f) {
                        n += 3;
                        continue;
                    }
                    return n - n0;
                case 0xe3:
                    if ((z[n + 1] & 0xff) == 0x80 && (z[n + 2] & 0xff) == 0x80) {
                        n += 3;
                        continue;
                    }
                    return n - n0;
                case 0xef:
                    if ((z[n + 1] & 0xff) == 0xbb && (z[n + 2] & 0xff) == 0xbf) {
                        n += 3;
                        continue;
                    }
                    return n - n0;
                default:
                    return n - n0;
            }
        }
    }
}
