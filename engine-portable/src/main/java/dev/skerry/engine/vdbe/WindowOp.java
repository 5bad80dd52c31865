package dev.skerry.engine.vdbe;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.func.FunctionContext;
import dev.skerry.engine.func.WindowEvaluator;
import dev.skerry.engine.func.WindowSpec;
import dev.skerry.engine.record.RecordReader;
import dev.skerry.engine.record.RecordWriter;
import dev.skerry.engine.value.Mem;

/**
 * The Window instruction: decodes the partition buffered in an ephemeral table, has
 * {@link WindowEvaluator} compute the window functions, and writes each row back with its values. The
 * buffer is in memory, so the instruction never waits for I/O; it changes the buffer only after every value
 * is computed (an error leaves the rows as they were).
 */
final class WindowOp {
    private WindowOp() {
    }

    static void run(VdbeCursor cursor, Mem startOffset, Mem endOffset, Object p4, FunctionContext ctx)
            throws SqliteException {
        WindowSpec spec = (WindowSpec) p4;
        EphemeralTableCursor buffer = (EphemeralTableCursor) cursor;
        int n = (int) buffer.count();
        Mem[][] rows = new Mem[n][];
        long[] rowids = new long[n];
        RecordReader reader = new RecordReader();
        boolean more = buffer.first();
        for (int i = 0; more; i++) {
            byte[] rec = buffer.record();
            reader.reset(rec, 0, rec.length);
            int nField = reader.columnCount();
            Mem[] row = new Mem[nField];
            for (int k = 0; k < nField; k++) {
                row[k] = new Mem();
                reader.column(k, row[k]);
            }
            rows[i] = row;
            rowids[i] = buffer.rowid();
            more = buffer.next();
        }
        WindowEvaluator.evaluate(spec, rows, startOffset, endOffset, ctx);
        for (int i = 0; i < n; i++) {
            buffer.insert(rowids[i], RecordWriter.encode(rows[i], 0, rows[i].length));
        }
    }
}
