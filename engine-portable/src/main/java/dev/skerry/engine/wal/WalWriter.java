package dev.skerry.engine.wal;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.IoPending;

/**
 * The commit state machine run by {@link Wal#commit}: appends one transaction's frames, syncs, publishes.
 *
 * <p>Steps: [WRITE_HEADER → SYNC_HEADER] (only when the log holds no transaction: a new generation starts
 * at frame 1; the header is synced before any frame only if the file may hold older bytes) → FRAMES (one
 * write per batch of frames, filled from the caller's pages into the shared buffer, each batch written after
 * the previous one completed) → SYNC → PUBLISH. Progress lives in fields: pages written so far and the
 * running checksum after them. The new generation's salts are adopted by the Wal only at PUBLISH, so a
 * failed commit changes nothing but bytes past the committed end of the file.
 */
final class WalWriter {
    private enum Step { WRITE_HEADER, SYNC_HEADER, FRAMES, PUBLISH }

    private final Wal wal;
    private final PendingIo pending = new PendingIo();
    private final byte[] header = new byte[WalFormat.HEADER_SIZE];
    private Step step;

    private boolean newGeneration;
    private boolean bigEndian;
    private int seq;
    private int salt1;
    private int salt2;
    private int startFrame;
    private int written;
    private long checksum;

    WalWriter(Wal wal) {
        this.wal = wal;
    }

    /** Prepares a commit after the current committed end of the log. */
    void begin() {
        written = 0;
        startFrame = wal.maxFrame + 1;
        newGeneration = wal.maxFrame == 0;
        if (!newGeneration) {
            bigEndian = wal.bigEndianChecksum;
            seq = wal.checkpointSeq;
            salt1 = wal.salt1;
            salt2 = wal.salt2;
            checksum = wal.lastChecksum;
            step = Step.FRAMES;
            return;
        }
        bigEndian = true;
        if (wal.hasHeader) {
            seq = wal.checkpointSeq + 1;
            salt1 = wal.salt1 + 1;
        } else {
            seq = 0;
            salt1 = wal.random.nextInt();
        }
        salt2 = wal.random.nextInt();
        WalFormat.put32(header, 0, WalFormat.MAGIC_BE);
        WalFormat.put32(header, 4, WalFormat.VERSION);
        WalFormat.put32(header, 8, wal.pageSize);
        WalFormat.put32(header, 12, seq);
        WalFormat.put32(header, 16, salt1);
        WalFormat.put32(header, 20, salt2);
        checksum = WalFormat.checksum(header, 0, 24, true, 0);
        WalFormat.put32(header, 24, WalFormat.s0(checksum));
        WalFormat.put32(header, 28, WalFormat.s1(checksum));
        step = Step.WRITE_HEADER;
    }

    void step(int[] pgnos, byte[][] pages, int nPages, int dbSizeAfterCommit) throws IoPending, SqliteException {
        for (;;) {
            pending.await();
            switch (step) {
                case WRITE_HEADER:
                    pending.add(wal.file.write(0, header, 0, WalFormat.HEADER_SIZE), ResultCode.SQLITE_IOERR_WRITE);
                    step = wal.fileMayHoldData ? Step.SYNC_HEADER : Step.FRAMES;
                    wal.fileMayHoldData = true;
                    break;
                case SYNC_HEADER:
                    pending.add(wal.file.sync(), ResultCode.SQLITE_IOERR_FSYNC);
                    step = Step.FRAMES;
                    break;
                case FRAMES:
                    if (written < nPages) {
                        writeBatch(pgnos, pages, nPages, dbSizeAfterCommit);
                    } else {
                        pending.add(wal.file.sync(), ResultCode.SQLITE_IOERR_FSYNC);
                        step = Step.PUBLISH;
                    }
                    break;
                default:
                    publish(nPages, dbSizeAfterCommit);
                    return;
            }
        }
    }

    private void writeBatch(int[] pgnos, byte[][] pages, int nPages, int dbSizeAfterCommit) {
        int pageSize = wal.pageSize;
        int frameSize = WalFormat.FRAME_HEADER_SIZE + pageSize;
        int count = Math.min(wal.framesPerBatch(), nPages - written);
        byte[] b = wal.buffer(count * frameSize);
        wal.ensureFrameCapacity(startFrame + written + count);
        long c = checksum;
        for (int i = 0; i < count; i++) {
            int page = written + i;
            int off = i * frameSize;
            WalFormat.put32(b, off, pgnos[page]);
            WalFormat.put32(b, off + 4, page == nPages - 1 ? dbSizeAfterCommit : 0);
            WalFormat.put32(b, off + 8, salt1);
            WalFormat.put32(b, off + 12, salt2);
            System.arraycopy(pages[page], 0, b, off + WalFormat.FRAME_HEADER_SIZE, pageSize);
            c = WalFormat.checksum(b, off, 8, bigEndian, c);
            c = WalFormat.checksum(b, off + WalFormat.FRAME_HEADER_SIZE, pageSize, bigEndian, c);
            WalFormat.put32(b, off + 16, WalFormat.s0(c));
            WalFormat.put32(b, off + 20, WalFormat.s1(c));
            wal.framePgno[startFrame + page] = pgnos[page];
        }
        pending.add(wal.file.write(WalFormat.frameOffset(startFrame + written, pageSize), b, 0, count * frameSize),
                ResultCode.SQLITE_IOERR_WRITE);
        written += count;
        checksum = c;
    }

    private void publish(int nPages, int dbSizeAfterCommit) {
        if (newGeneration) {
            wal.hasHeader = true;
            wal.bigEndianChecksum = bigEndian;
            wal.checkpointSeq = seq;
            wal.salt1 = salt1;
            wal.salt2 = salt2;
            wal.index.clear();
        }
        wal.publish(startFrame + nPages - 1, dbSizeAfterCommit, checksum);
    }
}
