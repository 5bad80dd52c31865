package dev.skerry.engine.vdbe;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.btree.BTreeCursor;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.pager.Pager;
import dev.skerry.engine.value.Mem;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every row of {@code sqlite_schema} (the table b-tree rooted at page 1: type, name, tbl_name,
 * rootpage, sql) as a re-callable state machine, for opening a database and for ParseSchema.
 *
 * <p>States: IDLE → READING ({@code cursor} open; {@code started} once it was positioned on the first row; {@code onRow} true when the cursor is on a row not yet
 * collected) → DONE (rows available from {@link #rows()}). Each {@link #step()} throws IoPending or
 * returns when DONE; a row is added to the list only after all its columns were read, and the cursor moves
 * only after that, so a re-call never loses or repeats a row. {@link #restart()} goes back to IDLE.
 */
public final class SchemaReader {
    /** One row of sqlite_schema. */
    public static final class Row {
        public final String type;
        public final String name;
        public final String tableName;
        public final int rootPage;
        public final String sql;

        Row(String type, String name, String tableName, int rootPage, String sql) {
            this.type = type;
            this.name = name;
            this.tableName = tableName;
            this.rootPage = rootPage;
            this.sql = sql;
        }
    }

    private final Pager pager;
    private BTreeCursor cursor;
    private boolean started;
    private boolean onRow;
    private boolean done;
    private final List<Row> rows = new ArrayList<>();
    private final Mem[] cells = {new Mem(), new Mem(), new Mem(), new Mem(), new Mem()};

    public SchemaReader(Pager pager) {
        this.pager = pager;
    }

    /** Reads on; returns when every row has been read (a read transaction must be open). */
    public void step() throws IoPending, SqliteException {
        if (done) {
            return;
        }
        if (cursor == null) {
            if (pager.pageCount() == 0) {
                rows.clear();
                done = true;
                return;
            }
            cursor = new BTreeCursor(pager, 1, null);
            rows.clear();
            onRow = false;
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
                for (int i = 0; i < cells.length; i++) {
                    cursor.column(i, cells[i]);
                }
                rows.add(new Row(text(cells[0]), text(cells[1]), text(cells[2]), (int) cells[3].longValue(),
                        text(cells[4])));
                onRow = false;
            }
            if (!cursor.next()) {
                finish();
                return;
            }
            onRow = true;
        }
    }

    private static String text(Mem m) {
        return m.type() == Mem.TEXT ? m.text() : null;
    }

    private void finish() {
        cursor.close();
        cursor = null;
        done = true;
    }

    public boolean isDone() {
        return done;
    }

    /** The rows read (valid when DONE). */
    public List<Row> rows() {
        return rows;
    }

    /** Back to IDLE, to read the schema again. */
    public void restart() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
        done = false;
        onRow = false;
    }
}
