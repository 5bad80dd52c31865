package dev.skerry.engine.func;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.ByteText;
import dev.skerry.engine.value.Convert;
import dev.skerry.engine.value.Like;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.value.NumberFormat;
import dev.skerry.engine.value.NumberParse;
import dev.skerry.engine.value.Printf;
import java.nio.charset.StandardCharsets;

/**
 * Built-in scalars on text and blobs: length, octet_length, lower, upper, substr/substring, trim, ltrim,
 * rtrim, replace, instr, hex, unhex, quote, unistr, unistr_quote, char, unicode, printf/format, concat,
 * concat_ws, like, glob.
 * Lengths and positions count characters (code points) for text and bytes for blobs, as SQLite does.
 */
final class TextFunctions {
    private TextFunctions() {
    }

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.UTF_8);

    static void register(FunctionRegistry r) {
        r.register(FunctionDef.scalar("length", 1, true, TextFunctions::length));
        r.register(FunctionDef.scalar("octet_length", 1, true, TextFunctions::octetLength));
        r.register(FunctionDef.scalar("lower", 1, true, (c, a, b, n, out) -> changeCase(a[b], out, false)));
        r.register(FunctionDef.scalar("upper", 1, true, (c, a, b, n, out) -> changeCase(a[b], out, true)));
        r.register(FunctionDef.scalar("substr", 2, true, TextFunctions::substr));
        r.register(FunctionDef.scalar("substr", 3, true, TextFunctions::substr));
        r.register(FunctionDef.scalar("substring", 2, true, TextFunctions::substr));
        r.register(FunctionDef.scalar("substring", 3, true, TextFunctions::substr));
        for (int argc = 1; argc <= 2; argc++) {
            r.register(FunctionDef.scalar("trim", argc, true, (c, a, b, n, out) -> trim(a, b, n, out, 3)));
            r.register(FunctionDef.scalar("ltrim", argc, true, (c, a, b, n, out) -> trim(a, b, n, out, 1)));
            r.register(FunctionDef.scalar("rtrim", argc, true, (c, a, b, n, out) -> trim(a, b, n, out, 2)));
        }
        r.register(FunctionDef.scalar("replace", 3, true, TextFunctions::replace));
        r.register(FunctionDef.scalar("instr", 2, true, TextFunctions::instr));
        r.register(FunctionDef.scalar("hex", 1, true, TextFunctions::hex));
        r.register(FunctionDef.scalar("unhex", 1, true, TextFunctions::unhex));
        r.register(FunctionDef.scalar("unhex", 2, true, TextFunctions::unhex));
        r.register(FunctionDef.scalar("quote", 1, true, (c, a, b, n, out) -> out.setText(quote(a[b], false))));
        r.register(FunctionDef.scalar("unistr_quote", 1, true, (c, a, b, n, out) -> out.setText(quote(a[b], true))));
        r.register(FunctionDef.scalar("unistr", 1, true, TextFunctions::unistr));
        r.register(FunctionDef.variadic("char", 0, true, TextFunctions::chars));
        r.register(FunctionDef.scalar("unicode", 1, true, TextFunctions::unicode));
        r.register(FunctionDef.variadic("printf", 0, true, TextFunctions::printf));
        r.register(FunctionDef.variadic("format", 0, true, TextFunctions::printf));
        r.register(FunctionDef.variadic("concat", 1, true, TextFunctions::concat));
        r.register(FunctionDef.variadic("concat_ws", 2, true, TextFunctions::concatWs));
        r.register(FunctionDef.scalar("like", 2, true, TextFunctions::like));
        r.register(FunctionDef.scalar("like", 3, true, TextFunctions::like));
        r.register(FunctionDef.scalar("glob", 2, true, TextFunctions::glob));
    }

    /** Characters of {@code s} before its first NUL, counting a surrogate pair as one. */
    static int charLength(String s) {
        int n = 0;
        int len = s.length();
        for (int k = 0; k < len; k++) {
            char c = s.charAt(k);
            if (c == 0) {
                break;
            }
            if (Character.isHighSurrogate(c) && k + 1 < len && Character.isLowSurrogate(s.charAt(k + 1))) {
                k++;
            }
            n++;
        }
        return n;
    }

    /** length() of a TEXT cell holding UTF-8: counted on the bytes when they are ASCII (no string built). */
    private static int utf8CharLength(Mem m) {
        byte[] u = m.utf8Bytes();
        int n = m.utf8Length();
        for (int k = 0; k < n; k++) {
            byte c = u[k];
            if (c == 0) {
                return k;
            }
            if (c < 0) {
                return charLength(m.text());
            }
        }
        return n;
    }

    private static void length(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) {
        Mem m = a[base];
        switch (m.type()) {
            case Mem.NULL: out.setNull(); break;
            case Mem.TEXT: out.setLong(m.hasUtf8() ? utf8CharLength(m) : charLength(m.text())); break;
            default: out.setLong(Convert.byteLength(m)); break;
        }
    }

    private static void octetLength(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) {
        Mem m = a[base];
        if (m.isNull()) {
            out.setNull();
        } else {
            out.setLong(Convert.byteLength(m));
        }
    }

    private static void changeCase(Mem m, Mem out, boolean upper) {
        String s = Convert.toText(m);
        if (s == null) {
            out.setNull();
            return;
        }
        char[] c = s.toCharArray();
        for (int k = 0; k < c.length; k++) {
            if (upper ? (c[k] >= 'a' && c[k] <= 'z') : (c[k] >= 'A' && c[k] <= 'Z')) {
                c[k] ^= 0x20;
            }
        }
        out.setText(new String(c));
    }

    private static void substr(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) {
        if (a[base + 1].isNull() || (argc == 3 && a[base + 2].isNull())) {
            out.setNull();
            return;
        }
        Mem x = a[base];
        if (x.isNull()) {
            out.setNull();
            return;
        }
        boolean isBlob = x.type() == Mem.BLOB;
        long p1 = Convert.toLong(a[base + 1]);
        byte[] blob = null;
        String text = null;
        long len = 0;
        if (isBlob) {
            blob = x.blob();
            len = blob.length;
            if (len == 0) {
                out.setNull();
                return;
            }
        } else {
            text = Convert.toText(x);
            if (p1 < 0) {
                len = charLength(text);
            }
        }
        long p2;
        boolean negP2 = false;
        if (argc == 3) {
            p2 = Convert.toLong(a[base + 2]);
            if (p2 < 0) {
                p2 = p2 == Long.MIN_VALUE ? Long.MAX_VALUE : -p2;
                negP2 = true;
            }
        } else {
            p2 = ByteText.MAX_LENGTH;
        }
        if (p1 < 0) {
            p1 += len;
            if (p1 < 0) {
                p2 += p1;
                if (p2 < 0) {
                    p2 = 0;
                }
                p1 = 0;
            }
        } else if (p1 > 0) {
            p1--;
        } else if (p2 > 0) {
            p2--;
        }
        if (negP2) {
            p1 -= p2;
            if (p1 < 0) {
                p2 += p1;
                p1 = 0;
            }
        }
        if (!isBlob) {
            int n = text.length();
            int z = 0;
            while (z < n && text.charAt(z) != 0 && p1 > 0) {
                z = skipChar(text, z);
                p1--;
            }
            int z2 = z;
            while (z2 < n && text.charAt(z2) != 0 && p2 > 0) {
                z2 = skipChar(text, z2);
                p2--;
            }
            out.setText(text.substring(z, z2));
        } else {
            if (p1 >= len) {
                p1 = 0;
                p2 = 0;
            } else if (p2 > len - p1) {
                p2 = len - p1;
            }
            byte[] r = new byte[(int) p2];
            System.arraycopy(blob, (int) p1, r, 0, (int) p2);
            out.setBlob(r);
        }
    }

    private static int skipChar(String s, int k) {
        char c = s.charAt(k);
        if (Character.isHighSurrogate(c) && k + 1 < s.length() && Character.isLowSurrogate(s.charAt(k + 1))) {
            return k + 2;
        }
        return k + 1;
    }

    private static void trim(Mem[] a, int base, int argc, Mem out, int flags) {
        String s = Convert.toText(a[base]);
        if (s == null) {
            out.setNull();
            return;
        }
        String set;
        if (argc == 1) {
            set = " ";
        } else {
            set = Convert.toText(a[base + 1]);
            if (set == null) {
                out.setNull();
                return;
            }
            int nul = set.indexOf('\0');
            if (nul >= 0) {
                set = set.substring(0, nul);
            }
        }
        int from = 0;
        int to = s.length();
        if (!set.isEmpty()) {
            if ((flags & 1) != 0) {
                while (from < to) {
                    int cp = s.codePointAt(from);
                    if (set.indexOf(cp) < 0) {
                        break;
                    }
                    from += Character.charCount(cp);
                }
            }
            if ((flags & 2) != 0) {
                while (to > from) {
                    int cp = s.codePointBefore(to);
                    if (set.indexOf(cp) < 0) {
                        break;
                    }
                    to -= Character.charCount(cp);
                }
            }
        }
        out.setText(s.substring(from, to));
    }

    private static void replace(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) {
        String s = Convert.toText(a[base]);
        String pat = Convert.toText(a[base + 1]);
        if (s == null || pat == null) {
            out.setNull();
            return;
        }
        if (pat.isEmpty() || pat.charAt(0) == 0) {
            out.setText(s);
            return;
        }
        String rep = Convert.toText(a[base + 2]);
        if (rep == null) {
            out.setNull();
            return;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int from = 0;
        int at;
        while ((at = s.indexOf(pat, from)) >= 0) {
            sb.append(s, from, at).append(rep);
            from = at + pat.length();
        }
        sb.append(s, from, s.length());
        out.setText(sb.toString());
    }

    private static void instr(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) {
        Mem h = a[base];
        Mem nd = a[base + 1];
        if (h.isNull() || nd.isNull()) {
            out.setNull();
            return;
        }
        if (h.type() == Mem.BLOB && nd.type() == Mem.BLOB) {
            byte[] hb = h.blob();
            byte[] nb = nd.blob();
            if (nb.length == 0) {
                out.setLong(1);
                return;
            }
            for (int k = 0; k + nb.length <= hb.length; k++) {
                boolean eq = true;
                for (int j = 0; j < nb.length && eq; j++) {
                    eq = hb[k + j] == nb[j];
                }
                if (eq) {
                    out.setLong(k + 1);
                    return;
                }
            }
            out.setLong(0);
            return;
        }
        String hs = Convert.toText(h);
        String ns = Convert.toText(nd);
        if (ns.isEmpty()) {
            out.setLong(1);
            return;
        }
        int idx = hs.indexOf(ns);
        out.setLong(idx < 0 ? 0 : hs.codePointCount(0, idx) + 1);
    }

    private static void hex(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) {
        byte[] b = Convert.toTextBytes(a[base]);
        if (b == null) {
            b = new byte[0];
        }
        byte[] h = new byte[b.length * 2];
        for (int k = 0; k < b.length; k++) {
            h[2 * k] = HEX[(b[k] >> 4) & 0xf];
            h[2 * k + 1] = HEX[b[k] & 0xf];
        }
        out.setText(new String(h, StandardCharsets.UTF_8));
    }

    private static void unhex(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) {
        String hex = Convert.toText(a[base]);
        String pass = argc == 2 ? Convert.toText(a[base + 1]) : "";
        if (hex == null || pass == null) {
            out.setNull();
            return;
        }
        byte[] r = new byte[hex.length() / 2 + 1];
        int n = 0;
        int k = 0;
        int len = hex.length();
        while (k < len && hex.charAt(k) != 0) {
            char c = hex.charAt(k);
            if (NumberParse.hexValue(c) < 0) {
                int cp = hex.codePointAt(k);
                if (pass.indexOf(cp) < 0) {
                    out.setNull();
                    return;
                }
                k += Character.charCount(cp);
                continue;
            }
            k++;
            char d = k < len ? hex.charAt(k) : 0;
            if (NumberParse.hexValue(d) < 0) {
                out.setNull();
                return;
            }
            k++;
            r[n++] = (byte) ((NumberParse.hexValue(c) << 4) | NumberParse.hexValue(d));
        }
        byte[] res = new byte[n];
        System.arraycopy(r, 0, res, 0, n);
        out.setBlob(res);
    }

    /**
     * SQLite's {@code quote()} text of a value: an SQL literal that reads back as the same value. With
     * {@code escape} ({@code unistr_quote}), text holding control characters becomes {@code unistr('…')}.
     */
    static String quote(Mem m, boolean escape) throws SqliteException {
        switch (m.type()) {
            case Mem.INTEGER:
                return Long.toString(m.longValue());
            case Mem.FLOAT:
                return NumberFormat.quoteDouble(m.doubleValue());
            case Mem.TEXT:
                return Printf.format(escape ? "%#Q" : "%Q", new Mem[] {m}, 0, 1);
            case Mem.BLOB: {
                byte[] b = m.blob();
                byte[] h = new byte[b.length * 2 + 3];
                h[0] = 'X';
                h[1] = '\'';
                for (int k = 0; k < b.length; k++) {
                    h[2 + 2 * k] = HEX[(b[k] >> 4) & 0xf];
                    h[3 + 2 * k] = HEX[b[k] & 0xf];
                }
                h[h.length - 1] = '\'';
                return new String(h, StandardCharsets.UTF_8);
            }
            default:
                return "NULL";
        }
    }

    /** unistr(X): X with \\XXXX, \\uXXXX, \\+XXXXXX, \\UXXXXXXXX escapes decoded and \\\\ as one backslash. */
    private static void unistr(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) throws SqliteException {
        String s = Convert.toText(a[base]);
        if (s == null) {
            out.setNull();
            return;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                i++;
                continue;
            }
            char d = i + 1 < n ? s.charAt(i + 1) : 0;
            int digits;
            int skip;
            if (d == '\\') {
                sb.append('\\');
                i += 2;
                continue;
            } else if (NumberParse.hexValue(d) >= 0) {
                digits = 4;
                skip = 1;
            } else if (d == '+') {
                digits = 6;
                skip = 2;
            } else if (d == 'u') {
                digits = 4;
                skip = 2;
            } else if (d == 'U') {
                digits = 8;
                skip = 2;
            } else {
                throw SqliteException.error("invalid Unicode escape");
            }
            long v = 0;
            for (int k = 0; k < digits; k++) {
                int h = i + skip + k < n ? NumberParse.hexValue(s.charAt(i + skip + k)) : -1;
                if (h < 0) {
                    throw SqliteException.error("invalid Unicode escape");
                }
                v = (v << 4) | h;
            }
            i += skip + digits;
            if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
                sb.append('\ufffd');
            } else {
                sb.appendCodePoint((int) v);
            }
        }
        out.setText(sb.toString());
    }

    private static void chars(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < argc; k++) {
            long x = Convert.toLong(a[base + k]);
            if (x < 0 || x > 0x10ffff) {
                x = 0xfffd;
            }
            sb.appendCodePoint((int) x);
        }
        out.setText(sb.toString());
    }

    private static void unicode(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) {
        String s = Convert.toText(a[base]);
        if (s == null || s.isEmpty() || s.charAt(0) == 0) {
            out.setNull();
            return;
        }
        out.setLong(s.codePointAt(0));
    }

    private static void printf(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) throws SqliteException {
        String fmt = argc >= 1 ? Convert.toText(a[base]) : null;
        if (fmt == null) {
            out.setNull();
            return;
        }
        out.setText(Printf.format(fmt, a, base + 1, argc - 1));
    }

    private static void concat(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < argc; k++) {
            String s = Convert.toText(a[base + k]);
            if (s != null) {
                sb.append(s);
            }
        }
        out.setText(sb.toString());
    }

    private static void concatWs(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) {
        String sep = Convert.toText(a[base]);
        if (sep == null) {
            out.setNull();
            return;
        }
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (int k = 1; k < argc; k++) {
            String s = Convert.toText(a[base + k]);
            if (s != null) {
                if (!first) {
                    sb.append(sep);
                }
                sb.append(s);
                first = false;
            }
        }
        out.setText(sb.toString());
    }

    private static void checkPatternLength(Mem pattern) throws SqliteException {
        if (Convert.byteLength(pattern) > Like.MAX_PATTERN_LENGTH) {
            throw SqliteException.error("LIKE or GLOB pattern too complex");
        }
    }

    /** {@code like(pattern, string [, escape])}: {@code string LIKE pattern}. */
    private static void like(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) throws SqliteException {
        like(a, base, argc, out, true);
    }

    /** {@code like()} comparing letters exactly, as after {@code PRAGMA case_sensitive_like=ON}. */
    static FunctionDef caseSensitiveLike(int nArg) {
        return FunctionDef.scalar("like", nArg, true, (c, a, b, n, out) -> like(a, b, n, out, false));
    }

    private static void like(Mem[] a, int base, int argc, Mem out, boolean noCase) throws SqliteException {
        checkPatternLength(a[base]);
        int escape = 0;
        if (argc == 3) {
            String e = Convert.toText(a[base + 2]);
            if (e == null) {
                out.setNull();
                return;
            }
            if (e.codePointCount(0, e.length()) != 1) {
                throw SqliteException.error("ESCAPE expression must be a single character");
            }
            escape = e.codePointAt(0);
        }
        String p = Convert.toText(a[base]);
        String s = Convert.toText(a[base + 1]);
        if (p == null || s == null) {
            out.setNull();
            return;
        }
        out.setLong(Like.like(p, s, escape, noCase) ? 1 : 0);
    }

    /** {@code glob(pattern, string)}: {@code string GLOB pattern}. */
    private static void glob(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) throws SqliteException {
        checkPatternLength(a[base]);
        String p = Convert.toText(a[base]);
        String s = Convert.toText(a[base + 1]);
        if (p == null || s == null) {
            out.setNull();
            return;
        }
        out.setLong(Like.glob(p, s) ? 1 : 0);
    }
}
