package dev.skerry.cli.shell;

import dev.skerry.engine.value.Mem;

import java.nio.charset.StandardCharsets;

/**
 * Prints rows in the modes that need no look-ahead (list, tabs, csv, quote, json, line, insert), one row at a
 * time, as the shell's {@code shell_callback} does.
 *
 * <p>State: {@code count}, the rows printed for the current statement (reset by {@link #begin()}); headers
 * are printed before the first row, json opens its array there and {@link #end()} closes it.
 */
final class RowPrinter {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final ShellSettings s;
    private final ShellOutput out;
    private int count;

    RowPrinter(ShellSettings s, ShellOutput out) {
        this.s = s;
        this.out = out;
    }

    void begin() {
        count = 0;
    }

    void end() {
        if (s.mode == OutputMode.JSON && count > 0) {
            out.print("]\n");
        }
    }

    void row(String[] names, Row r) {
        switch (s.mode) {
            case CSV:
                csv(names, r);
                break;
            case QUOTE:
                quote(names, r);
                break;
            case JSON:
                json(names, r);
                break;
            case LINE:
                line(names, r);
                break;
            case INSERT:
                insert(names, r);
                break;
            default:
                list(names, r);
        }
        count++;
    }

    private void list(String[] names, Row r) {
        int n = names.length;
        if (count == 0 && s.showHeader) {
            for (int i = 0; i < n; i++) {
                out.write(Escapes.escape(utf8(names[i]), s.escape));
                out.print(i == n - 1 ? s.rowSeparator : s.colSeparator);
            }
        }
        for (int i = 0; i < n; i++) {
            byte[] z = r.text[i] == null ? utf8(s.nullValue) : r.text[i];
            out.write(Escapes.escape(z, s.escape));
            out.print(i < n - 1 ? s.colSeparator : s.rowSeparator);
        }
    }

    private void line(String[] names, Row r) {
        int w = 5;
        for (String name : names) {
            w = Math.max(w, utf8(name).length);
        }
        if (count > 0) {
            out.print(s.rowSeparator);
        }
        for (int i = 0; i < names.length; i++) {
            byte[] name = utf8(names[i]);
            out.spaces(w - name.length);
            out.write(name);
            out.print(" = ");
            out.write(Escapes.escape(r.text[i] == null ? utf8(s.nullValue) : r.text[i], s.escape));
            out.print(s.rowSeparator);
        }
    }

    private void csv(String[] names, Row r) {
        int n = names.length;
        if (count == 0 && s.showHeader) {
            for (int i = 0; i < n; i++) {
                csvField(utf8(names[i]), i < n - 1);
            }
            out.print(s.rowSeparator);
        }
        for (int i = 0; i < n; i++) {
            csvField(r.text[i], i < n - 1);
        }
        out.print(s.rowSeparator);
    }

    /** {@code output_csv}: quoted with doubled quotes when a byte needs it or the separator occurs. */
    private void csvField(byte[] z, boolean separator) {
        if (z == null) {
            out.print(s.nullValue);
        } else {
            int len = ShellOutput.cstrlen(z);
            boolean quote = len == 0;
            for (int i = 0; i < len && !quote; i++) {
                quote = needsCsvQuote(z[i] & 0xFF);
            }
            String text = new String(z, 0, len, StandardCharsets.UTF_8);
            if (quote || (!s.colSeparator.isEmpty() && text.contains(s.colSeparator))) {
                out.writeByte('"');
                for (int i = 0; i < len; i++) {
                    if (z[i] == '"') {
                        out.writeByte('"');
                    }
                    out.writeByte(z[i]);
                }
                out.writeByte('"');
            } else {
                out.write(z, 0, len);
            }
        }
        if (separator) {
            out.print(s.colSeparator);
        }
    }

    private static boolean needsCsvQuote(int c) {
        return c < 0x21 || c == '"' || c == '\'' || c >= 0x7F;
    }

    private void quote(String[] names, Row r) {
        int n = names.length;
        if (count == 0 && s.showHeader) {
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    out.print(s.colSeparator);
                }
                quotedString(utf8(names[i]));
            }
            out.print(s.rowSeparator);
        }
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.print(s.colSeparator);
            }
            sqlLiteral(r, i);
        }
        out.print(s.rowSeparator);
    }

    private void insert(String[] names, Row r) {
        out.print("INSERT INTO " + s.insertTable);
        if (s.showHeader) {
            out.print("(");
            for (int i = 0; i < names.length; i++) {
                if (i > 0) {
                    out.print(",");
                }
                out.print(Identifiers.quoteIfNeeded(names[i]));
            }
            out.print(")");
        }
        for (int i = 0; i < names.length; i++) {
            out.print(i > 0 ? "," : " VALUES(");
            sqlLiteral(r, i);
        }
        out.print(");\n");
    }

    /** A value as an SQL literal: NULL, the integer, {@link #real}, X'hex', or a quoted string. */
    private void sqlLiteral(Row r, int i) {
        switch (r.types[i]) {
            case Mem.NULL:
                out.print("NULL");
                break;
            case Mem.INTEGER:
                out.cstring(r.text[i]);
                break;
            case Mem.FLOAT:
                out.print(real(r.reals[i]));
                break;
            case Mem.BLOB:
                out.print("X'");
                for (byte b : r.text[i]) {
                    out.writeByte(HEX[(b >> 4) & 0xF]);
                    out.writeByte(HEX[b & 0xF]);
                }
                out.print("'");
                break;
            default:
                quotedString(r.text[i]);
        }
    }

    /**
     * A string literal as the 3.50 shell writes it: {@code 'text'} with quotes doubled; when the text holds
     * control characters other than TAB, LF and CR (and escapes are on), {@code unistr('...')} with each of
     * them written {@code \\u00XX}.
     */
    private void quotedString(byte[] z) {
        int len = ShellOutput.cstrlen(z);
        boolean unistr = false;
        for (int i = 0; i < len && !unistr; i++) {
            int c = z[i] & 0xFF;
            unistr = c <= 0x1F && c != '\t' && c != '\n' && c != '\r';
        }
        unistr &= s.escape != ShellSettings.Escape.OFF;
        out.print(unistr ? "unistr('" : "'");
        for (int i = 0; i < len; i++) {
            int c = z[i] & 0xFF;
            if (c == '\'') {
                out.print("''");
            } else if (unistr && c <= 0x1F && c != '\t' && c != '\n' && c != '\r') {
                out.print("\\u00");
                out.writeByte(HEX[c >> 4]);
                out.writeByte(HEX[c & 0xF]);
            } else {
                out.writeByte(c);
            }
        }
        out.print(unistr ? "')" : "'");
    }

    private void json(String[] names, Row r) {
        out.print(count == 0 ? "[{" : ",\n{");
        for (int i = 0; i < names.length; i++) {
            byte[] name = utf8(names[i]);
            jsonString(name, ShellOutput.cstrlen(name));
            out.print(":");
            switch (r.types[i]) {
                case Mem.NULL:
                    out.print("null");
                    break;
                case Mem.FLOAT:
                    out.print(real(r.reals[i]));
                    break;
                case Mem.BLOB:
                    jsonString(r.text[i], r.text[i].length);
                    break;
                case Mem.TEXT:
                    jsonString(r.text[i], ShellOutput.cstrlen(r.text[i]));
                    break;
                default:
                    out.cstring(r.text[i]);
            }
            if (i < names.length - 1) {
                out.print(",");
            }
        }
        out.print("}");
    }

    /** {@code output_json_string}: backslash escapes for quote, backslash and bytes up to 0x1F. */
    private void jsonString(byte[] z, int n) {
        out.writeByte('"');
        for (int i = 0; i < n; i++) {
            int c = z[i] & 0xFF;
            if (c == '\\' || c == '"') {
                out.writeByte('\\');
                out.writeByte(c);
            } else if (c <= 0x1F) {
                out.writeByte('\\');
                switch (c) {
                    case '\b':
                        out.writeByte('b');
                        break;
                    case '\f':
                        out.writeByte('f');
                        break;
                    case '\n':
                        out.writeByte('n');
                        break;
                    case '\r':
                        out.writeByte('r');
                        break;
                    case '\t':
                        out.writeByte('t');
                        break;
                    default:
                        out.print("u00");
                        out.writeByte(HEX[c >> 4]);
                        out.writeByte(HEX[c & 0xF]);
                }
            } else {
                out.writeByte(c);
            }
        }
        out.writeByte('"');
    }

    /**
     * A REAL in quote, json and insert modes: infinities as {@code 9.0e+999}, integral values as
     * {@code N.0} (via C's double-to-int64 cast), others with SQLite's {@code %!.20g}.
     */
    private static String real(double r) {
        if (r == Double.POSITIVE_INFINITY) {
            return "9.0e+999";
        }
        if (r == Double.NEGATIVE_INFINITY) {
            return "-9.0e+999";
        }
        long ir = cCastToLong(r);
        if (r == (double) ir) {
            return ir + ".0";
        }
        return RealFormat.format("%!.20g", r);
    }

    /** C's {@code (sqlite3_int64)r} on x86-64: out-of-range values give INT64_MIN. */
    private static long cCastToLong(double r) {
        if (r >= 9.223372036854775807E18 || r < -9.223372036854775808E18 || r != r) {
            return Long.MIN_VALUE;
        }
        return (long) r;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
