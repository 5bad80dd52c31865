package dev.skerry.engine.vdbe;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.record.RecordReader;
import dev.skerry.engine.value.Mem;

/**
 * A cursor over records held in memory as byte arrays ({@link SorterCursor}, {@link EphemeralTableCursor},
 * {@link EphemeralIndexCursor}): columns are read from {@link #record()} through one {@link RecordReader},
 * which is reset only when the current record changes.
 *
 * <p>Invariant: {@code reader} reads {@code readerRecord} (or nothing yet when it is null). The cached
 * record is recognised by identity, so a subclass must never change a record's bytes once stored.
 */
abstract class RecordArrayCursor extends VdbeCursor {
    private final RecordReader reader = new RecordReader();
    private byte[] readerRecord;

    /** The current entry's record; only called while positioned (not {@code nullRow}). */
    @Override
    abstract byte[] record();

    /** The reader over the current entry's record. */
    final RecordReader reader() {
        byte[] r = record();
        if (readerRecord != r) {
            reader.reset(r, 0, r.length);
            readerRecord = r;
        }
        return reader;
    }

    @Override
    final void column(int i, Mem out) throws SqliteException {
        if (nullRow) {
            out.setNull();
            return;
        }
        reader().column(i, out);
    }

    @Override
    final int fieldCount() throws SqliteException {
        return nullRow ? 0 : reader().columnCount();
    }
}
