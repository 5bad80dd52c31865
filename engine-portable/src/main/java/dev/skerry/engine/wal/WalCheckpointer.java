package dev.skerry.engine.wal;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.io.VfsFile;

/**
 * The checkpoint state machine run by {@link Wal#checkpoint}: backfills the database file from the log,
 * then empties the log.
 *
 * <p>Steps: READ (read the next batch of page images, in page order, into the shared buffer) → WRITE (write
 * them to their places in the database file) → back to READ until every page is copied → TRUNCATE_DB (set
 * the database to the last commit's size) → SYNC_DB → TRUNCATE_WAL (to zero bytes) → SYNC_WAL → RESET.
 * Progress lives in fields: the sorted (page, frame) list taken at the start and the position in it.
 *
 * <p>Crash safety: until SYNC_DB completed, the log is untouched and still replays the last commit over
 * whatever reached the database file; after it, the database holds exactly that state, so a log that is
 * replayed again (its truncation lost) rewrites the same images. Truncating the log (rather than keeping
 * it and starting a new generation at frame 1) is what SQLite's {@code wal_checkpoint(TRUNCATE)} does; SQLite
 * reads a zero-length log as an empty one.
 */
final class WalCheckpointer {
    private enum Step { READ, WRITE, TRUNCATE_DB, SYNC_DB, TRUNCATE_WAL, SYNC_WAL, RESET }

    private final Wal wal;
    private final PendingIo pending = new PendingIo();
    private Step step;
    private long[] entries = new long[64];
    private int count;
    private int position;
    private int batchCount;

    WalCheckpointer(Wal wal) {
        this.wal = wal;
    }

    /** Takes the list of pages to copy: the newest frame of each page within the last commit's size. */
    void begin() {
        if (entries.length < wal.index.size()) {
            entries = new long[wal.index.size()];
        }
        int n = wal.index.sortedEntries(entries);
        count = 0;
        for (int i = 0; i < n; i++) {
            if ((int) (entries[i] >>> 32) <= wal.dbSize) {
                entries[count++] = entries[i];
            }
        }
        position = 0;
        step = Step.READ;
    }

    void step(VfsFile db) throws IoPending, SqliteException {
        int pageSize = wal.pageSize;
        for (;;) {
            pending.await();
            switch (step) {
                case READ:
                    if (position == count) {
                        step = Step.TRUNCATE_DB;
                        break;
                    }
                    batchCount = Math.min(wal.framesPerBatch(), count - position);
                    byte[] in = wal.buffer(batchCount * pageSize);
                    for (int i = 0; i < batchCount; i++) {
                        int frame = (int) entries[position + i];
                        pending.add(wal.file.read(WalFormat.frameOffset(frame, pageSize) + WalFormat.FRAME_HEADER_SIZE,
                                in, i * pageSize, pageSize), ResultCode.SQLITE_IOERR_READ);
                    }
                    step = Step.WRITE;
                    break;
                case WRITE:
                    for (int i = 0; i < batchCount; i++) {
                        long pgno = entries[position + i] >>> 32;
                        pending.add(db.write((pgno - 1) * pageSize, wal.buffer, i * pageSize, pageSize),
                                ResultCode.SQLITE_IOERR_WRITE);
                    }
                    position += batchCount;
                    step = Step.READ;
                    break;
                case TRUNCATE_DB:
                    pending.add(db.truncate((long) wal.dbSize * pageSize), ResultCode.SQLITE_IOERR_TRUNCATE);
                    step = Step.SYNC_DB;
                    break;
                case SYNC_DB:
                    pending.add(db.sync(), ResultCode.SQLITE_IOERR_FSYNC);
                    step = Step.TRUNCATE_WAL;
                    break;
                case TRUNCATE_WAL:
                    pending.add(wal.file.truncate(0), ResultCode.SQLITE_IOERR_TRUNCATE);
                    step = Step.SYNC_WAL;
                    break;
                case SYNC_WAL:
                    pending.add(wal.file.sync(), ResultCode.SQLITE_IOERR_FSYNC);
                    step = Step.RESET;
                    break;
                default:
                    wal.maxFrame = 0;
                    wal.dbSize = 0;
                    wal.index.clear();
                    wal.fileMayHoldData = false;
                    assert wal.invariantsHold();
                    return;
            }
        }
    }
}
