package dev.skerry.engine.vdbe;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.io.VfsFile;
import dev.skerry.engine.record.Varint;

/**
 * Reads one sorted run back from the sorter's temporary file, record by record, through a buffer (SQLite's
 * {@code PmaReader}). A run is a sequence of records, each preceded by its length as a varint, stored in
 * {@code [start, end)} of the file.
 *
 * <p>States: the bytes {@code buf[from .. to)} are read and not yet consumed; {@code filePos} is the next
 * file offset to read; {@code pending} is a read in flight into {@code buf[to ..]} ({@code pendingLen}
 * bytes), null when none; {@code current} is the record the reader is on (null before the first
 * {@link #advance()} and after the last). {@link #advance()} is re-callable: when it throws {@link
 * IoPending}, {@code current} is unchanged and the read in flight is remembered, so calling it again
 * continues where it stopped.
 */
final class SortRunReader {
    private final VfsFile file;
    private final long end;
    private long filePos;
    private byte[] buf;
    private int from;
    private int to;
    private Completion pending;
    private int pendingLen;
    byte[] current;
    /** {@link #advance()} has succeeded at least once. */
    boolean started;

    SortRunReader(VfsFile file, long start, long end, int bufferSize) {
        this.file = file;
        this.filePos = start;
        this.end = end;
        this.buf = new byte[bufferSize];
    }

    /** Moves to the next record of the run; false (and {@code current} null) past the last. */
    boolean advance() throws IoPending, SqliteException {
        while (true) {
            if (pending != null) {
                if (!pending.isDone()) {
                    throw new IoPending(pending);
                }
                if (pending.isFailed()) {
                    throw new SqliteException(pending.errorCode(), pending.errorMessage());
                }
                to += pendingLen;
                pending = null;
            }
            int need = 1;
            if (from < to) {
                int v = varintEnd();
                if (v > 0) {
                    long len = Varint.read(buf, from);
                    if (len < 0 || len > Integer.MAX_VALUE - 16) {
                        throw SqliteException.corrupt("sorter run record of " + len + " bytes");
                    }
                    if (v + len <= to) {
                        byte[] r = new byte[(int) len];
                        System.arraycopy(buf, v, r, 0, (int) len);
                        from = v + (int) len;
                        current = r;
                        started = true;
                        return true;
                    }
                    need = v - from + (int) len;
                } else {
                    need = to - from + 1;
                }
            }
            if (filePos >= end) {
                if (from < to) {
                    throw SqliteException.corrupt("sorter run ends inside a record");
                }
                current = null;
                started = true;
                return false;
            }
            refill(need);
        }
    }

    /** The offset just past the varint at {@code from}, or 0 when it is not all in the buffer yet. */
    private int varintEnd() {
        for (int k = 0; k < 9 && from + k < to; k++) {
            if (k == 8 || buf[from + k] >= 0) {
                return from + k + 1;
            }
        }
        return 0;
    }

    /** Keeps the unconsumed bytes, makes room for at least {@code need} of them, and starts the next read. */
    private void refill(int need) {
        int left = to - from;
        if (need > buf.length) {
            byte[] nb = new byte[Math.max(need, buf.length * 2)];
            System.arraycopy(buf, from, nb, 0, left);
            buf = nb;
        } else {
            System.arraycopy(buf, from, buf, 0, left);
        }
        from = 0;
        to = left;
        int n = (int) Math.min(buf.length - to, end - filePos);
        pending = file.read(filePos, buf, to, n);
        pendingLen = n;
        filePos += n;
    }
}
