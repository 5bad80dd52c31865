package dev.skerry.cli.slt;

import dev.skerry.cli.shell.RealFormat;
import dev.skerry.cli.backend.Query;
import dev.skerry.engine.value.Mem;

import java.nio.charset.StandardCharsets;

/**
 * Renders one result value as the reference driver ({@code slt_sqlite.c}) does, by result type letter:
 * {@code T} takes {@code sqlite3_column_text}, cuts it at the first NUL, writes an empty string as
 * {@code (empty)} and replaces every byte outside 0x20..0x7E by {@code @}; {@code I} prints
 * {@code sqlite3_column_int}, which is 32 bits wide; {@code R} prints {@code sqlite3_column_double} with
 * SQLite's {@code %.3f} (the engine's printf). NULL is {@code NULL} whatever the letter.
 */
final class SltValues {
    private SltValues() {
    }

    static String render(Query q, int column, char type) {
        if (q.columnType(column) == Mem.NULL) {
            return "NULL";
        }
        switch (type) {
            case 'I':
                return Integer.toString((int) q.columnLong(column));
            case 'R':
                return RealFormat.format("%.3f", q.columnDouble(column));
            default:
                return text(q, column);
        }
    }

    private static String text(Query q, int column) {
        if (q.columnType(column) == Mem.BLOB) {
            return printable(q.columnBlob(column));
        }
        String s = q.columnText(column);
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return printable(s.getBytes(StandardCharsets.UTF_8));
            }
        }
        return n == 0 ? "(empty)" : s;
    }

    private static String printable(byte[] bytes) {
        int n = 0;
        while (n < bytes.length && bytes[n] != 0) {
            n++;
        }
        if (n == 0) {
            return "(empty)";
        }
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            out[i] = b < 0x20 || b > 0x7E ? '@' : (char) b;
        }
        return new String(out);
    }
}
