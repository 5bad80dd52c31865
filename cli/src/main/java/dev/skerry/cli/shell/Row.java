package dev.skerry.cli.shell;

import dev.skerry.cli.backend.Query;
import dev.skerry.engine.value.Mem;

import java.nio.charset.StandardCharsets;

/**
 * One result row as the shell's callback sees it: for each column the storage class, the bytes
 * {@code sqlite3_column_text} gives (null for NULL; raw bytes for a BLOB; the engine's text for numbers) and,
 * for REAL values, the double itself.
 */
final class Row {
    final int[] types;
    final byte[][] text;
    final double[] reals;

    private Row(int n) {
        types = new int[n];
        text = new byte[n][];
        reals = new double[n];
    }

    static Row read(Query q) {
        int n = q.columnCount();
        Row r = new Row(n);
        for (int i = 0; i < n; i++) {
            int t = q.columnType(i);
            r.types[i] = t;
            switch (t) {
                case Mem.NULL:
                    break;
                case Mem.BLOB:
                    r.text[i] = q.columnBlob(i);
                    break;
                case Mem.FLOAT:
                    r.reals[i] = q.columnDouble(i);
                    r.text[i] = q.columnText(i).getBytes(StandardCharsets.UTF_8);
                    break;
                default:
                    r.text[i] = q.columnText(i).getBytes(StandardCharsets.UTF_8);
            }
        }
        return r;
    }
}
