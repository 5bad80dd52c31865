package dev.skerry.engine.value;

import dev.skerry.engine.SqliteException;
import java.nio.charset.StandardCharsets;

/**
 * SQLite's {@code printf()}/{@code format()} SQL function ({@code sqlite3_str_vappendf} with SQL arguments).
 *
 * <p>Conversions {@code d i u r f e E g G x X o s z q Q w c p %} ({@code r} is the ordinal, 1st 2nd …); flags {@code - + space # 0 , !}; width and
 * precision as digits or {@code *} (taken from the next argument). Missing arguments read as 0, 0.0 or
 * NULL. Widths and precisions count bytes of UTF-8, or characters with {@code !}. Floating-point digits
 * come from {@link FpDecode}: at most 16 significant digits (26 with {@code !}), rounded half-up on the
 * decimal digits. An unknown conversion character ends the output there, as in SQLite.
 */
public final class Printf {
    private Printf() {
    }

    private static final byte[] DIGITS = "0123456789ABCDEF0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    private static final int T_DECIMAL = 1;
    private static final int T_RADIX = 2;
    private static final int T_FLOAT = 3;
    private static final int T_EXP = 4;
    private static final int T_GENERIC = 5;
    private static final int T_STRING = 6;
    private static final int T_SQLESCAPE = 7;
    private static final int T_SQLESCAPE2 = 8;
    private static final int T_SQLESCAPE3 = 9;
    private static final int T_CHARX = 10;
    private static final int T_PERCENT = 11;
    private static final int T_SIZE = 12;
    private static final int T_INVALID = 0;

    /** SQLite's {@code SQLITE_FP_PRECISION_LIMIT}: larger precisions of floating-point conversions are cut to it. */
    private static final long FP_PRECISION_LIMIT = 100_000_000;

    /** The arguments still to be consumed: SQLite's {@code PrintfArguments}. */
    private static final class Args {
        final Mem[] regs;
        final int base;
        final int count;
        int used;

        Args(Mem[] regs, int base, int count) {
            this.regs = regs;
            this.base = base;
            this.count = count;
        }

        long nextLong() {
            return used < count ? Convert.toLong(regs[base + used++]) : 0;
        }

        double nextDouble() {
            return used < count ? Convert.toDouble(regs[base + used++]) : 0.0;
        }

        /** The next argument as UTF-8 bytes up to its first NUL, or null for NULL or a missing argument. */
        byte[] nextText() {
            if (used >= count) {
                return null;
            }
            return Convert.toTextBytes(regs[base + used++]);
        }
    }

    /**
     * {@code printf(fmt, args…)} where the arguments are {@code regs[base .. base+argc)}. Null (SQL NULL)
     * when the format produced no output at all (empty, or starting with an unknown conversion), or when
     * the output would exceed {@link ByteText#MAX_LENGTH}, as SQLite's printf() gives.
     */
    public static String format(String fmt, Mem[] regs, int base, int argc) {
        ByteText out = new ByteText();
        try {
            append(out, fmt.getBytes(StandardCharsets.UTF_8), new Args(regs, base, argc));
        } catch (SqliteException tooBig) {
            return null;
        }
        return out.touched() ? out.toText() : null;
    }

    private static int typeOf(int c) {
        switch (c) {
            case 'd': case 'i': case 'u': case 'r': return T_DECIMAL;
            case 'x': case 'X': case 'o': case 'p': return T_RADIX;
            case 'f': return T_FLOAT;
            case 'e': case 'E': return T_EXP;
            case 'g': case 'G': return T_GENERIC;
            case 's': case 'z': return T_STRING;
            case 'q': return T_SQLESCAPE;
            case 'Q': return T_SQLESCAPE2;
            case 'w': return T_SQLESCAPE3;
            case 'c': return T_CHARX;
            case '%': return T_PERCENT;
            case 'n': return T_SIZE;
            default: return T_INVALID;
        }
    }

    private static void append(ByteText out, byte[] fmt, Args args) throws SqliteException {
        int nf = fmt.length;
        int p = 0;
        while (p < nf && fmt[p] != 0) {
            if (fmt[p] != '%') {
                int q = p;
                while (q < nf && fmt[q] != '%' && fmt[q] != 0) {
                    q++;
                }
                out.append(fmt, p, q - p);
                p = q;
                if (p >= nf || fmt[p] == 0) {
                    break;
                }
            }
            p++;
            int c = p < nf ? fmt[p] & 0xff : 0;
            if (c == 0) {
                out.append((byte) '%');
                break;
            }
            boolean leftJustify = false;
            boolean alternateForm = false;
            boolean altForm2 = false;
            boolean zeroPad = false;
            byte prefixFlag = 0;
            byte thousand = 0;
            long width = 0;
            long precision = -1;
            boolean done = false;
            do {
                switch (c) {
                    case '-': leftJustify = true; break;
                    case '+': prefixFlag = '+'; break;
                    case ' ': prefixFlag = ' '; break;
                    case '#': alternateForm = true; break;
                    case '!': altForm2 = true; break;
                    case '0': zeroPad = true; break;
                    case ',': thousand = ','; break;
                    case 'l': {
                        p++;
                        c = at(fmt, p);
                        if (c == 'l') {
                            p++;
                            c = at(fmt, p);
                        }
                        done = true;
                        break;
                    }
                    case '1': case '2': case '3': case '4': case '5':
                    case '6': case '7': case '8': case '9': {
                        long wx = c - '0';
                        while ((c = at(fmt, ++p)) >= '0' && c <= '9') {
                            wx = (wx * 10 + c - '0') & 0xffffffffL;
                        }
                        width = wx & 0x7fffffff;
                        if (c != '.' && c != 'l') {
                            done = true;
                        } else {
                            p--;
                        }
                        break;
                    }
                    case '*': {
                        int w = (int) args.nextLong();
                        if (w < 0) {
                            leftJustify = true;
                            width = w >= -2147483647 ? -(long) w : 0;
                        } else {
                            width = w;
                        }
                        c = at(fmt, p + 1);
                        if (c != '.' && c != 'l') {
                            c = at(fmt, ++p);
                            done = true;
                        }
                        break;
                    }
                    case '.': {
                        c = at(fmt, ++p);
                        if (c == '*') {
                            int pr = (int) args.nextLong();
                            if (pr < 0) {
                                precision = pr >= -2147483647 ? -(long) pr : -1;
                            } else {
                                precision = pr;
                            }
                            c = at(fmt, ++p);
                        } else {
                            long px = 0;
                            while (c >= '0' && c <= '9') {
                                px = (px * 10 + c - '0') & 0xffffffffL;
                                c = at(fmt, ++p);
                            }
                            precision = px & 0x7fffffff;
                        }
                        if (c == 'l') {
                            --p;
                        } else {
                            done = true;
                        }
                        break;
                    }
                    default:
                        done = true;
                        break;
                }
                if (!done) {
                    c = at(fmt, ++p);
                }
            } while (!done && c != 0);

            int xtype = typeOf(c);
            byte[] buf;
            int length;
            switch (xtype) {
                case T_DECIMAL:
                case T_RADIX: {
                    buf = integerText(c, args.nextLong(), precision, width, zeroPad, alternateForm,
                            xtype == T_DECIMAL && c != 'r' ? thousand : 0, prefixFlag);
                    length = buf.length;
                    break;
                }
                case T_FLOAT:
                case T_EXP:
                case T_GENERIC: {
                    buf = floatText(c, args.nextDouble(), precision, width, alternateForm, altForm2, zeroPad,
                            leftJustify, prefixFlag, thousand);
                    length = buf.length;
                    break;
                }
                case T_SIZE:
                    width = 0;
                    buf = new byte[0];
                    length = 0;
                    break;
                case T_PERCENT:
                    buf = new byte[] {'%'};
                    length = 1;
                    break;
                case T_CHARX: {
                    byte[] t = args.nextText();
                    byte[] ch;
                    if (t != null && t.length > 0) {
                        int len = 1;
                        if ((t[0] & 0xc0) == 0xc0) {
                            while (len < 4 && len < t.length && (t[len] & 0xc0) == 0x80) {
                                len++;
                            }
                        }
                        ch = new byte[len];
                        System.arraycopy(t, 0, ch, 0, len);
                    } else {
                        ch = new byte[] {0};
                    }
                    if (precision > 1) {
                        width -= precision - 1;
                        if (width > 1 && !leftJustify) {
                            out.appendRepeated((byte) ' ', width - 1);
                            width = 0;
                        }
                        int first = out.length();
                        out.append(ch);
                        long remaining = precision - 2;
                        long prior = 1;
                        while (remaining > 0) {
                            long take = Math.min(prior, remaining);
                            out.appendSelf(first, (int) (take * ch.length));
                            remaining -= take;
                            prior *= 2;
                        }
                    }
                    buf = ch;
                    length = ch.length;
                    width = adjustWidthForUtf8(buf, length, width, true);
                    break;
                }
                case T_STRING: {
                    byte[] t = args.nextText();
                    if (t == null) {
                        t = new byte[0];
                    }
                    int n = strlen(t);
                    if (precision >= 0) {
                        if (altForm2) {
                            int z = 0;
                            long pr = precision;
                            while (pr-- > 0 && z < n) {
                                z = skipUtf8(t, z, n);
                            }
                            length = z;
                        } else {
                            length = (int) Math.min(precision, n);
                        }
                    } else {
                        length = n;
                    }
                    buf = t;
                    width = adjustWidthForUtf8(buf, length, width, altForm2);
                    break;
                }
                case T_SQLESCAPE:
                case T_SQLESCAPE2:
                case T_SQLESCAPE3: {
                    byte q = (byte) (xtype == T_SQLESCAPE3 ? '"' : '\'');
                    byte[] t = args.nextText();
                    boolean isNull = t == null;
                    if (isNull) {
                        t = (xtype == T_SQLESCAPE2 ? "NULL" : "(NULL)").getBytes(StandardCharsets.UTF_8);
                    }
                    int n = strlen(t);
                    long k = precision;
                    int i = 0;
                    for (; k != 0 && i < n; i++, k--) {
                        if (altForm2 && (t[i] & 0xc0) == 0xc0) {
                            while (i + 1 < n && (t[i + 1] & 0xc0) == 0x80) {
                                i++;
                            }
                        }
                    }
                    int needQuote = !isNull && xtype == T_SQLESCAPE2 ? 1 : 0;
                    boolean backslashForm = alternateForm && xtype != T_SQLESCAPE3;
                    if (backslashForm) {
                        int nCtrl = 0;
                        for (int j = 0; j < i; j++) {
                            if (t[j] != '\\' && (t[j] & 0xff) <= 0x1f) {
                                nCtrl++;
                            }
                        }
                        if (nCtrl > 0 || xtype == T_SQLESCAPE) {
                            if (xtype == T_SQLESCAPE2) {
                                needQuote = 2;
                            }
                        } else {
                            backslashForm = false;
                        }
                    }
                    ByteText esc = new ByteText();
                    if (needQuote == 2) {
                        esc.append("unistr('");
                    } else if (needQuote == 1) {
                        esc.append(q);
                    }
                    for (int j = 0; j < i; j++) {
                        byte ch = t[j];
                        if (backslashForm && ch != q && (ch == '\\' || (ch & 0xff) <= 0x1f)) {
                            if (ch == '\\') {
                                esc.append((byte) '\\');
                                esc.append((byte) '\\');
                            } else {
                                esc.append("\\u00");
                                esc.append((byte) (ch >= 0x10 ? '1' : '0'));
                                esc.append(DIGITS[16 + (ch & 0xf)]);
                            }
                            continue;
                        }
                        esc.append(ch);
                        if (ch == q) {
                            esc.append(q);
                        }
                    }
                    if (needQuote != 0) {
                        esc.append(q);
                        if (needQuote == 2) {
                            esc.append((byte) ')');
                        }
                    }
                    buf = esc.toBytes();
                    length = buf.length;
                    width = adjustWidthForUtf8(buf, length, width, altForm2);
                    break;
                }
                default:
                    return;
            }
            long pad = width - length;
            if (pad > 0) {
                if (!leftJustify) {
                    out.appendRepeated((byte) ' ', pad);
                }
                out.append(buf, 0, length);
                if (leftJustify) {
                    out.appendRepeated((byte) ' ', pad);
                }
            } else {
                out.append(buf, 0, length);
            }
            p++;
        }
    }

    private static int at(byte[] fmt, int p) {
        return p < fmt.length ? fmt[p] & 0xff : 0;
    }

    private static int strlen(byte[] t) {
        for (int k = 0; k < t.length; k++) {
            if (t[k] == 0) {
                return k;
            }
        }
        return t.length;
    }

    private static int skipUtf8(byte[] t, int z, int n) {
        if ((t[z++] & 0xff) >= 0xc0) {
            while (z < n && (t[z] & 0xc0) == 0x80) {
                z++;
            }
        }
        return z;
    }

    /** With {@code !}, a width counts characters: add one for every UTF-8 continuation byte. */
    private static long adjustWidthForUtf8(byte[] buf, int length, long width, boolean altForm2) {
        if (altForm2 && width > 0) {
            for (int ii = length - 1; ii >= 0; ii--) {
                if ((buf[ii] & 0xc0) == 0x80) {
                    width++;
                }
            }
        }
        return width;
    }

    private static byte[] integerText(int c, long v, long precision, long width, boolean zeroPad,
            boolean alternateForm, byte thousand, byte prefixFlag) throws SqliteException {
        int base;
        int charset = 0;
        String pre = null;
        boolean signed = c == 'd' || c == 'i' || c == 'r';
        switch (c) {
            case 'o': base = 8; pre = "0"; break;
            case 'x': base = 16; charset = 16; pre = "0x"; break;
            case 'X': base = 16; pre = "0X"; break;
            case 'p': base = 16; pre = "0x"; break;
            default: base = 10; break;
        }
        byte prefix = 0;
        long u;
        if (signed && v < 0) {
            u = -v;
            prefix = '-';
        } else {
            u = v;
            if (signed) {
                prefix = prefixFlag;
            }
        }
        if (u == 0) {
            alternateForm = false;
        }
        if (zeroPad && precision < width - (prefix != 0 ? 1 : 0)) {
            precision = width - (prefix != 0 ? 1 : 0);
        }
        if (precision > ByteText.MAX_LENGTH) {
            throw new SqliteException(dev.skerry.engine.ResultCode.SQLITE_TOOBIG, "string or blob too big");
        }
        int cap = (int) Math.max(precision, 0) + 30;
        if (thousand != 0) {
            cap += cap / 3;
        }
        byte[] b = new byte[cap];
        int pos = cap;
        if (c == 'r') {
            long lastDigit = u >= 0 ? u % 10 : u - ((u >>> 1) / 5) * 10;
            long tens = u >= 0 ? (u / 10) % 10 : ((u >>> 1) / 5) % 10;
            int x = (int) lastDigit;
            if (x >= 4 || tens == 1) {
                x = 0;
            }
            String ord = "thstndrd";
            b[--pos] = (byte) ord.charAt(x * 2 + 1);
            b[--pos] = (byte) ord.charAt(x * 2);
        }
        do {
            int digit;
            if (base == 10) {
                long q = u >= 0 ? u / 10 : (u >>> 1) / 5;
                digit = (int) (u - q * 10);
                u = q;
            } else {
                digit = (int) (u & (base - 1));
                u = base == 16 ? u >>> 4 : u >>> 3;
            }
            b[--pos] = DIGITS[charset + digit];
        } while (u != 0);
        int length = cap - pos;
        while (precision > length) {
            b[--pos] = '0';
            length++;
        }
        if (thousand != 0) {
            int nn = (length - 1) / 3;
            int ix = (length - 1) % 3 + 1;
            pos -= nn;
            for (int idx = 0; nn > 0; idx++) {
                b[pos + idx] = b[pos + idx + nn];
                ix--;
                if (ix == 0) {
                    b[pos + ++idx] = thousand;
                    nn--;
                    ix = 3;
                }
            }
        }
        if (prefix != 0) {
            b[--pos] = prefix;
        }
        if (alternateForm && pre != null) {
            for (int k = pre.length() - 1; k >= 0; k--) {
                b[--pos] = (byte) pre.charAt(k);
            }
        }
        byte[] r = new byte[cap - pos];
        System.arraycopy(b, pos, r, 0, r.length);
        return r;
    }

    /** The text of a {@code %f %e %E %g %G} conversion, zero padding included (space padding is the caller's). */
    static byte[] floatText(int c, double value, long precisionIn, long width, boolean alternateForm,
            boolean altForm2, boolean zeroPad, boolean leftJustify, byte prefixFlag, byte thousand)
            throws SqliteException {
        int xtype = c == 'f' ? T_FLOAT : (c == 'e' || c == 'E') ? T_EXP : T_GENERIC;
        byte expChar = (byte) ((c == 'E' || c == 'G') ? 'E' : 'e');
        long precision = precisionIn < 0 ? 6 : Math.min(precisionIn, FP_PRECISION_LIMIT);
        int iRound;
        if (xtype == T_FLOAT) {
            iRound = (int) -precision;
        } else if (xtype == T_GENERIC) {
            if (precision == 0) {
                precision = 1;
            }
            iRound = (int) precision;
        } else {
            iRound = (int) precision + 1;
        }
        FpDecode s = new FpDecode();
        s.decode(value, iRound, altForm2 ? 26 : 16);
        if (s.special != 0) {
            if (s.special == 2) {
                return (zeroPad ? "null" : "NaN").getBytes(StandardCharsets.UTF_8);
            } else if (zeroPad) {
                s.digits[0] = '9';
                s.start = 0;
                s.iDP = 1000;
                s.n = 1;
            } else {
                String t = s.sign == '-' ? "-Inf" : prefixFlag != 0 ? (char) prefixFlag + "Inf" : "Inf";
                return t.getBytes(StandardCharsets.UTF_8);
            }
        }
        byte prefix = s.sign == '-' ? (byte) '-' : prefixFlag;
        int exp = s.iDP - 1;
        if (xtype == T_GENERIC && precision > 0) {
            precision--;
        }
        boolean rtz;
        if (xtype == T_GENERIC) {
            rtz = !alternateForm;
            if (exp < -4 || exp > precision) {
                xtype = T_EXP;
            } else {
                precision = precision - exp;
                xtype = T_FLOAT;
            }
        } else {
            rtz = altForm2;
        }
        long e2 = xtype == T_EXP ? 0 : s.iDP - 1;
        long need = Math.max(e2, 0) + precision + Math.max(width, 0) + 15;
        if (thousand != 0 && e2 > 0) {
            need += (e2 + 2) / 3;
        }
        if (need > ByteText.MAX_LENGTH) {
            throw new SqliteException(dev.skerry.engine.ResultCode.SQLITE_TOOBIG, "string or blob too big");
        }
        byte[] b = new byte[(int) need];
        int pos = 0;
        boolean dp = precision > 0 || alternateForm || altForm2;
        if (prefix != 0) {
            b[pos++] = prefix;
        }
        int j = 0;
        if (e2 < 0) {
            b[pos++] = '0';
        } else {
            for (; e2 >= 0; e2--) {
                b[pos++] = s.digit(j++);
                if (thousand != 0 && (e2 % 3) == 0 && e2 > 1) {
                    b[pos++] = ',';
                }
            }
        }
        if (dp) {
            b[pos++] = '.';
        }
        for (e2++; e2 < 0 && precision > 0; precision--, e2++) {
            b[pos++] = '0';
        }
        while ((precision--) > 0) {
            b[pos++] = s.digit(j++);
        }
        if (rtz && dp) {
            while (b[pos - 1] == '0') {
                pos--;
            }
            if (b[pos - 1] == '.') {
                if (altForm2) {
                    b[pos++] = '0';
                } else {
                    pos--;
                }
            }
        }
        if (xtype == T_EXP) {
            exp = s.iDP - 1;
            b[pos++] = expChar;
            if (exp < 0) {
                b[pos++] = '-';
                exp = -exp;
            } else {
                b[pos++] = '+';
            }
            if (exp >= 100) {
                b[pos++] = (byte) (exp / 100 + '0');
                exp %= 100;
            }
            b[pos++] = (byte) (exp / 10 + '0');
            b[pos++] = (byte) (exp % 10 + '0');
        }
        int length = pos;
        if (zeroPad && !leftJustify && length < width) {
            int nPad = (int) (width - length);
            byte[] padded = new byte[(int) width];
            int lead = prefix != 0 ? 1 : 0;
            if (lead == 1) {
                padded[0] = b[0];
            }
            for (int k = 0; k < nPad; k++) {
                padded[lead + k] = '0';
            }
            System.arraycopy(b, lead, padded, lead + nPad, length - lead);
            return padded;
        }
        byte[] r = new byte[length];
        System.arraycopy(b, 0, r, 0, length);
        return r;
    }
}
