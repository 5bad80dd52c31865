package dev.skerry.engine.vdbe;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.btree.BTreeCursor;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.pager.Pager;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.value.NumberFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every row of {@code sqlite_stat1} (tbl, idx, stat; numbers as their text and blobs as NULL) as a re-callable state machine, when the
 * schema is loaded.
 *
 * <p>States: IDLE ({@code cursor} null, {@code done} false) → READING ({@code cursor} open; {@code started} once
 * it was positioned on the first row; {@code onRow} true when the cursor is on a row not yet collected) → DONE (rows available from {@link #rows()}). A row is added
 * only after all its columns were read and the cursor moves only after that, so a re-call after IoPending
 * never loses or repeats a row. {@link #restart()} goes back to IDLE.
 */
public final class StatReader {
    private final Pager pager;
    private BTreeCursor cursor;
    private boolean started;
    private boolean onRow;
    private boolean done;
    private final List<String[]> rows = new ArrayList<>();
    private final Mem cell = new Mem();

    public StatReader(Pager pager) {
        this.pager = pager;
    }

    /** Reads on the table rooted at {@code rootPage} (0: no table); returns when every row has been read. */
    public void step(int rootPage) throws IoPending, SqliteException {
        if (done) {
            return;
        }
        if (cursor == null) {
            rows.clear();
            if (rootPage <= 0) {
                done = true;
                return;
            }
            cursor = new BTreeCursor(pager, rootPage, null);
            started = false;
        }
        if (!started) {
            if (!cursor.first()) {
                finish();
                return;
            }
            started = true;
            onRow = true;
        }
        for (;;) {
            if (onRow) {
                int n = Math.min(cursor.columnCount(), 3);
                String[] row = new String[3];
                for (int i = 0; i < n; i++) {
                    cursor.column(i, cell);
                    row[i] = text(cell);
                }
                rows.add(row);
                onRow = false;
            }
            if (!cursor.next()) {
                finish();
                return;
            }
            onRow = true;
        }
    }

    private void finish() {
        cursor.close();
        cursor = null;
        done = true;
    }

    private static String text(Mem m) {
        switch (m.type()) {
            case Mem.TEXT:
                return m.text();
            case Mem.INTEGER:
                return Long.toString(m.longValue());
            case Mem.FLOAT:
                return NumberFormat.formatDouble(m.doubleValue());
            default:
                return null;
        }
    }

    /** The rows read (valid when done). */
    public List<String[]> rows() {
        return rows;
    }

    /** Back to IDLE, to read again. */
    public void restart() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
        done = false;
        onRow = false;
    }
}
