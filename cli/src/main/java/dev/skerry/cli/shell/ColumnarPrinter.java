package dev.skerry.cli.shell;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a statement's rows in the columnar modes (column, table, box, markdown), as the shell's
 * {@code exec_prepared_stmt_columnar}: all rows are read first; each value is made displayable (tabs
 * expanded, control characters escaped) and cut into lines at newlines and at the wrap width (60 by
 * default); column widths are the widest line; then borders, headers and rows are printed. Display width is
 * counted as one per character (SQLite's {@code cli_wcwidth} gives 2 for East Asian wide characters, which
 * this does not do).
 */
final class ColumnarPrinter {
    private static final String BOX_13 = "\u2502";
    private static final String BOX_24 = "\u2500";

    private final ShellSettings s;
    private final ShellOutput out;

    ColumnarPrinter(ShellSettings s, ShellOutput out) {
        this.s = s;
        this.out = out;
    }

    /** One display line of a value and where the rest of the value continues (-1: nothing left). */
    private static final class Piece {
        final byte[] text;
        final int tail;

        Piece(byte[] text, int tail) {
            this.text = text;
            this.tail = tail;
        }
    }

    void print(String[] names, List<Row> rows) {
        int nColumn = names.length;
        if (nColumn == 0 || rows.isEmpty()) {
            return;
        }
        int wrap = s.wrap;
        List<byte[]> data = new ArrayList<>();
        List<Boolean> rowDiv = new ArrayList<>();
        for (String name : names) {
            data.add(translate(RowPrinter.utf8(name), 0, wrap).text);
        }
        boolean multiLine = false;
        byte[] nullText = RowPrinter.utf8(s.nullValue);
        for (Row r : rows) {
            byte[][] src = new byte[nColumn][];
            int[] next = new int[nColumn];
            for (int i = 0; i < nColumn; i++) {
                src[i] = r.text[i] == null ? nullText : r.text[i];
            }
            boolean more = true;
            boolean first = true;
            while (more) {
                more = false;
                rowDiv.add(Boolean.TRUE);
                for (int i = 0; i < nColumn; i++) {
                    Piece p;
                    if (!first && next[i] < 0) {
                        p = new Piece(new byte[0], -1);
                    } else {
                        p = translate(src[i], first ? 0 : next[i], wrap);
                    }
                    data.add(p.text);
                    next[i] = p.tail;
                    if (p.tail >= 0) {
                        more = true;
                        rowDiv.set(rowDiv.size() - 1, Boolean.FALSE);
                        multiLine = true;
                    }
                }
                first = false;
            }
        }
        int nTotal = data.size();
        int[] width = new int[nColumn];
        for (int i = 0; i < nTotal; i++) {
            width[i % nColumn] = Math.max(width[i % nColumn], charCount(data.get(i)));
        }
        String colSep;
        String rowSep;
        switch (s.mode) {
            case COLUMN:
                colSep = "  ";
                rowSep = "\n";
                if (s.showHeader) {
                    for (int i = 0; i < nColumn; i++) {
                        widthPrint(width[i], data.get(i));
                        out.print(i == nColumn - 1 ? "\n" : "  ");
                    }
                    for (int i = 0; i < nColumn; i++) {
                        out.print(repeat("-", width[i]));
                        out.print(i == nColumn - 1 ? "\n" : "  ");
                    }
                }
                break;
            case TABLE:
                colSep = " | ";
                rowSep = " |\n";
                separator(width, "+", "+", "+", "-");
                centeredHeader(width, data, "| ", " | ", " |\n");
                separator(width, "+", "+", "+", "-");
                break;
            case MARKDOWN:
                colSep = " | ";
                rowSep = " |\n";
                centeredHeader(width, data, "| ", " | ", " |\n");
                separator(width, "|", "|", "|", "-");
                break;
            default:
                colSep = " " + BOX_13 + " ";
                rowSep = " " + BOX_13 + "\n";
                separator(width, "\u250C", "\u252C", "\u2510", BOX_24);
                centeredHeader(width, data, BOX_13 + " ", " " + BOX_13 + " ", " " + BOX_13 + "\n");
                separator(width, "\u251C", "\u253C", "\u2524", BOX_24);
        }
        for (int i = nColumn, j = 0; i < nTotal; i++, j++) {
            if (j == 0 && s.mode != OutputMode.COLUMN) {
                out.print(s.mode == OutputMode.BOX ? BOX_13 + " " : "| ");
            }
            widthPrint(width[j], data.get(i));
            if (j == nColumn - 1) {
                out.print(rowSep);
                if (multiLine && rowDiv.get(i / nColumn - 1) && i + 1 < nTotal) {
                    if (s.mode == OutputMode.TABLE) {
                        separator(width, "+", "+", "+", "-");
                    } else if (s.mode == OutputMode.BOX) {
                        separator(width, "\u251C", "\u253C", "\u2524", BOX_24);
                    } else if (s.mode == OutputMode.COLUMN) {
                        out.print("\n");
                    }
                }
                j = -1;
            } else {
                out.print(colSep);
            }
        }
        if (s.mode == OutputMode.TABLE) {
            separator(width, "+", "+", "+", "-");
        } else if (s.mode == OutputMode.BOX) {
            separator(width, "\u2514", "\u2534", "\u2518", BOX_24);
        }
    }

    private void centeredHeader(int[] width, List<byte[]> data, String start, String sep, String end) {
        out.print(start);
        for (int i = 0; i < width.length; i++) {
            int n = charCount(data.get(i));
            out.spaces((width[i] - n) / 2);
            out.write(data.get(i));
            out.spaces((width[i] - n + 1) / 2);
            out.print(i == width.length - 1 ? end : sep);
        }
    }

    private void separator(int[] width, String left, String mid, String right, String line) {
        out.print(left);
        for (int i = 0; i < width.length; i++) {
            if (i > 0) {
                out.print(mid);
            }
            out.print(repeat(line, width[i] + 2));
        }
        out.print(right);
        out.print("\n");
    }

    /** {@code utf8_width_print}: the text padded with spaces to {@code w} display columns. */
    private void widthPrint(int w, byte[] z) {
        int n = charCount(z);
        out.write(z);
        out.spaces(w - n);
    }

    /** Display width: one per character (bytes that are not UTF-8 continuation bytes). */
    static int charCount(byte[] z) {
        int n = 0;
        for (byte b : z) {
            if ((b & 0xC0) != 0x80) {
                n++;
            }
        }
        return n;
    }

    private static String repeat(String unit, int n) {
        StringBuilder sb = new StringBuilder(n * unit.length());
        for (int i = 0; i < n; i++) {
            sb.append(unit);
        }
        return sb.toString();
    }

    /**
     * {@code translateForDisplayAndDup}: the first display line of {@code z} from {@code start}, at most
     * {@code mxWidth} columns (0: no limit), with tabs expanded to multiples of 8 and control characters
     * escaped; and the offset where the next line starts.
     */
    private Piece translate(byte[] z, int start, int mxWidth) {
        int limit = mxWidth <= 0 ? 1000000 : mxWidth;
        int len = z.length;
        int i = start;
        int n = 0;
        while (n < limit) {
            int c = i < len ? z[i] & 0xFF : 0;
            if (c >= 0xC0) {
                i += utf8Length(z, i);
                n++;
                continue;
            }
            if (c >= ' ') {
                n++;
                i++;
                continue;
            }
            if (c == 0 || c == '\n' || (c == '\r' && at(z, i + 1) == '\n')) {
                break;
            }
            if (c == '\t') {
                do {
                    n++;
                } while ((n & 7) != 0 && n < limit);
                i++;
                continue;
            }
            n++;
            i++;
        }
        int k = i;
        int tail;
        int ci = at(z, i);
        if (n >= limit && ci >= ' ') {
            tail = i;
        } else if (ci == '\r' && at(z, i + 1) == '\n') {
            tail = at(z, i + 2) != 0 ? i + 2 : -1;
        } else if (ci == 0 || at(z, i + 1) == 0) {
            tail = -1;
        } else {
            tail = i + 1;
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream(k - start + 8);
        n = 0;
        i = start;
        while (i < k) {
            int c = z[i] & 0xFF;
            if (c >= 0xC0) {
                int l = utf8Length(z, i);
                o.write(z, i, l);
                i += l;
                n++;
                continue;
            }
            if (c >= ' ') {
                n++;
                o.write(c);
                i++;
                continue;
            }
            if (c == 0) {
                break;
            }
            if (c == '\t') {
                do {
                    n++;
                    o.write(' ');
                } while ((n & 7) != 0 && n < limit);
                i++;
                continue;
            }
            switch (s.escape) {
                case SYMBOL:
                    o.write(0xE2);
                    o.write(0x90);
                    o.write(0x80 + c);
                    break;
                case ASCII:
                    o.write('^');
                    o.write(0x40 + c);
                    break;
                default:
                    o.write(c);
            }
            i++;
        }
        return new Piece(o.toByteArray(), tail);
    }

    private static int at(byte[] z, int i) {
        return i < z.length ? z[i] & 0xFF : 0;
    }

    /** Length of the UTF-8 sequence led by {@code z[i]}, stopping at the end or a non-continuation byte. */
    private static int utf8Length(byte[] z, int i) {
        int l = 1;
        while (i + l < z.length && (z[i + l] & 0xC0) == 0x80 && l < 4) {
            l++;
        }
        return l;
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
