package dev.skerry.engine.vdbe;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.record.RecordReader;
import dev.skerry.engine.record.RecordWriter;
import dev.skerry.engine.value.Mem;

/**
 * A cursor on a b-tree of a WITHOUT ROWID table ({@link WithoutRowid}): an index cursor whose moves, seeks,
 * key comparisons and reads pass through, and which gives and takes the PRIMARY KEY record where rowid
 * programs use a rowid. State: the wrapped cursor's, and {@code nullRow} as every cursor. The writes follow the
 * engine's I/O rule: {@link #insertRow} deletes the entry with the same PRIMARY KEY before inserting, and
 * run again after an {@link IoPending} it finds nothing left to delete.
 */
final class WithoutRowidCursor extends VdbeCursor {
    private final BTreeVdbeCursor bt;
    final WithoutRowid shape;
    private final RecordReader reader = new RecordReader();
    private Mem[] key = new Mem[0];

    WithoutRowidCursor(BTreeVdbeCursor bt, WithoutRowid shape) {
        this.bt = bt;
        this.shape = shape;
    }

    private boolean landed(boolean ok) {
        nullRow = !ok;
        return ok;
    }

    @Override
    boolean first() throws IoPending, SqliteException {
        return landed(bt.first());
    }

    @Override
    boolean last() throws IoPending, SqliteException {
        return landed(bt.last());
    }

    @Override
    boolean next() throws IoPending, SqliteException {
        return landed(bt.next());
    }

    @Override
    boolean previous() throws IoPending, SqliteException {
        return landed(bt.previous());
    }

    @Override
    void column(int i, Mem out) throws IoPending, SqliteException {
        bt.column(i, out);
    }

    @Override
    int fieldCount() throws IoPending, SqliteException {
        return bt.fieldCount();
    }

    @Override
    byte[] record() throws IoPending, SqliteException {
        return bt.record();
    }

    @Override
    boolean seek(int opcode, Mem[] k, int base, int n) throws IoPending, SqliteException {
        return landed(bt.seek(opcode, k, base, n));
    }

    @Override
    int compareKey(Mem[] k, int base, int n) throws IoPending, SqliteException {
        return bt.compareKey(k, base, n);
    }

    @Override
    void delete() throws IoPending, SqliteException {
        bt.delete();
    }

    @Override
    long count() throws IoPending, SqliteException {
        nullRow = true;
        return bt.count();
    }

    @Override
    void close() {
        bt.close();
    }

    private Mem[] key(int n) {
        if (key.length < n) {
            Mem[] k = new Mem[n];
            for (int i = 0; i < n; i++) {
                k[i] = i < key.length ? key[i] : new Mem();
            }
            key = k;
        }
        return key;
    }

    /** The current entry's PRIMARY KEY values as a record (the row's "rowid"). */
    byte[] pkRecord() throws IoPending, SqliteException {
        int n = shape.pkFields.length;
        Mem[] k = key(n);
        for (int j = 0; j < n; j++) {
            bt.column(shape.pkFields[j], k[j]);
        }
        return RecordWriter.encode(k, 0, n);
    }

    /** Table cursor: positions on the row whose PRIMARY KEY record is {@code pk}; true when found. */
    boolean seekPk(byte[] pk) throws IoPending, SqliteException {
        int n = unpack(pk, 0);
        boolean found = bt.seek(Opcode.SEEK_GE, key, 0, n) && bt.compareKey(key, 0, n) == 0;
        nullRow = !found;
        return found;
    }

    /** Unpacks the record {@code rec} into {@link #key} from position {@code at}; returns the field count. */
    private int unpack(byte[] rec, int at) throws SqliteException {
        reader.reset(rec, 0, rec.length);
        int n = reader.columnCount();
        Mem[] k = key(at + n);
        for (int i = 0; i < n; i++) {
            reader.column(i, k[at + i]);
        }
        return n;
    }

    /** Table cursor: writes the row {@code record} (PRIMARY KEY first), replacing the row with the same key. */
    void insertRow(byte[] record) throws IoPending, SqliteException {
        int n = shape.keyInfo.nKeyFields();
        reader.reset(record, 0, record.length);
        Mem[] k = key(n);
        for (int j = 0; j < n; j++) {
            reader.column(j, k[j]);
        }
        if (bt.seek(Opcode.SEEK_GE, k, 0, n) && bt.compareKey(k, 0, n) == 0) {
            bt.delete();
        }
        bt.insertIndex(record);
        nullRow = true;
    }

    /**
     * Index cursor: the entry a program describes as {@code values[base .. base+n)}, its last value the
     * PRIMARY KEY record, as stored (key fields, then the PRIMARY KEY values of {@link WithoutRowid#suffix}),
     * unpacked into {@link #key}; returns its field count.
     */
    private int storedEntry(Mem[] values, int base, int n) throws SqliteException {
        int keyFields = n - 1;
        Mem[] k = key(keyFields);
        for (int i = 0; i < keyFields; i++) {
            k[i].copyFrom(values[base + i]);
        }
        byte[] pk = values[base + keyFields].blob();
        int nPk = unpack(pk, keyFields);
        int[] suffix = shape.suffix;
        Mem[] pkValues = new Mem[nPk];
        for (int j = 0; j < nPk; j++) {
            pkValues[j] = new Mem();
            pkValues[j].copyFrom(key[keyFields + j]);
        }
        for (int m = 0; m < suffix.length; m++) {
            key[keyFields + m].copyFrom(pkValues[suffix[m]]);
        }
        return keyFields + suffix.length;
    }

    /** Index cursor: inserts the entry a program made as a record of key fields and the PRIMARY KEY record. */
    void insertEntry(byte[] programRecord) throws IoPending, SqliteException {
        reader.reset(programRecord, 0, programRecord.length);
        int n = reader.columnCount();
        Mem[] values = new Mem[n];
        for (int i = 0; i < n; i++) {
            values[i] = new Mem();
            reader.column(i, values[i]);
        }
        int stored = storedEntry(values, 0, n);
        bt.insertIndex(RecordWriter.encode(key, 0, stored));
    }

    /** Index cursor: deletes the entry a program describes as {@code values[base .. base+n)} when present. */
    void deleteEntry(Mem[] values, int base, int n) throws IoPending, SqliteException {
        int stored = storedEntry(values, base, n);
        if (bt.seek(Opcode.SEEK_GE, key, 0, stored) && bt.compareKey(key, 0, stored) == 0) {
            bt.delete();
        }
    }
}
