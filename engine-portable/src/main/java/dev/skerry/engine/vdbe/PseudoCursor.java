package dev.skerry.engine.vdbe;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.record.RecordReader;
import dev.skerry.engine.value.Mem;

/**
 * A cursor whose single row is the record held in a register (OpenPseudo): after SorterData copies a sorted
 * record into that register, Column reads its fields. The parsed header is cached while the register holds
 * the same byte array. A pseudo-cursor opened on a row of registers ({@code row}, a table-valued function's
 * row) reads its columns from those registers instead, so that values keep their subtype (json_each's JSON
 * values); its record is then never read.
 */
final class PseudoCursor extends VdbeCursor {
    private final Mem register;
    private final RecordReader reader = new RecordReader();
    private byte[] cached;
    private final Mem[] row;
    private final int rowFirst;
    private final int rowColumns;

    PseudoCursor(Mem register) {
        this(register, null, 0, 0);
    }

    /** A pseudo-cursor whose columns are {@code row[first .. first+columns)} (null row: the record's fields). */
    PseudoCursor(Mem register, Mem[] row, int first, int columns) {
        this.register = register;
        this.row = row;
        this.rowFirst = first;
        this.rowColumns = columns;
        this.nullRow = false;
    }

    private RecordReader current() {
        byte[] b = register.type() == Mem.BLOB ? register.blob() : EMPTY;
        if (b != cached) {
            reader.reset(b, 0, b.length);
            cached = b;
        }
        return reader;
    }

    private static final byte[] EMPTY = new byte[0];

    /** Forgets the cached header (SorterData P3): the register may now hold another record. */
    void invalidate() {
        cached = null;
    }

    @Override
    boolean first() {
        return true;
    }

    @Override
    boolean last() {
        return true;
    }

    @Override
    boolean next() {
        return false;
    }

    @Override
    boolean previous() {
        return false;
    }

    @Override
    void column(int i, Mem out) throws SqliteException {
        if (row != null) {
            if (i < rowColumns) {
                out.copyFrom(row[rowFirst + i]);
            } else {
                out.setNull();
            }
            return;
        }
        current().column(i, out);
    }

    @Override
    int fieldCount() throws SqliteException {
        return row != null ? rowColumns : current().columnCount();
    }

    @Override
    byte[] record() {
        return register.type() == Mem.BLOB ? register.blob() : EMPTY;
    }
}
