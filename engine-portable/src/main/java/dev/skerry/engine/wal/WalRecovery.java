package dev.skerry.engine.wal;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.IoPending;

/**
 * The recovery state machine run by {@link Wal#open}: rebuilds the frame index from the log file alone, as
 * SQLite's {@code walIndexRecover} rebuilds its wal-index.
 *
 * <p>Steps: START (ask the size) → SIZE (read the header, or stop: shorter than a header = empty log) →
 * HEADER (validate it; read the first batch of frames) → FRAMES (check each frame of the batch in order; read
 * the next batch) → DONE. Progress between batches is in fields: the next frame to check, the running
 * checksum, the last commit frame seen with its database size and checksum. A batch's bytes are examined
 * exactly once, in the step after its read completed. On an I/O error the machine returns to START.
 *
 * <p>Frames are read with the page size of the log's header. When the log holds a transaction and that size
 * differs from the database's, the log's size wins, as in SQLite (which takes the page size from page 1 as
 * the log gives it, and checkpoints at the log's page size).
 */
final class WalRecovery {
    private enum Step { START, SIZE, HEADER, FRAMES, DONE }

    private final Wal wal;
    private final PendingIo pending = new PendingIo();
    private Step step = Step.START;

    private long walSize;
    private boolean bigEndian;
    private int walPageSize;
    private int seq;
    private int salt1;
    private int salt2;
    private int framesInFile;
    private int nextFrame;
    private int batchFrames;
    private long checksum;
    private int lastCommit;
    private int lastCommitDbSize;
    private long lastCommitChecksum;

    WalRecovery(Wal wal) {
        this.wal = wal;
    }

    void step() throws IoPending, SqliteException {
        for (;;) {
            long result;
            try {
                result = pending.await();
            } catch (SqliteException e) {
                step = Step.START;
                throw e;
            }
            switch (step) {
                case START:
                    pending.add(wal.file.size(), ResultCode.SQLITE_IOERR_FSTAT);
                    step = Step.SIZE;
                    break;
                case SIZE:
                    walSize = result;
                    if (walSize < WalFormat.HEADER_SIZE) {
                        finishEmpty(walSize > 0);
                        return;
                    }
                    pending.add(wal.file.read(0, wal.buffer(WalFormat.HEADER_SIZE), 0, WalFormat.HEADER_SIZE),
                            ResultCode.SQLITE_IOERR_READ);
                    step = Step.HEADER;
                    break;
                case HEADER:
                    if (!readHeader(wal.buffer)) {
                        finishEmpty(true);
                        return;
                    }
                    if (!readNextBatch()) {
                        finish();
                        return;
                    }
                    break;
                case FRAMES:
                    if (!checkBatch(wal.buffer) || !readNextBatch()) {
                        finish();
                        return;
                    }
                    break;
                default:
                    return;
            }
        }
    }

    /** Validates the header in {@code h}; false when the log must be treated as empty. */
    private boolean readHeader(byte[] h) throws SqliteException {
        int magic = WalFormat.get32(h, 0);
        walPageSize = WalFormat.get32(h, 8);
        if ((magic & 0xfffffffe) != WalFormat.MAGIC_LE || !WalFormat.isValidPageSize(walPageSize)) {
            return false;
        }
        bigEndian = (magic & 1) != 0;
        long c = WalFormat.checksum(h, 0, 24, bigEndian, 0);
        if (WalFormat.s0(c) != WalFormat.get32(h, 24) || WalFormat.s1(c) != WalFormat.get32(h, 28)) {
            return false;
        }
        if (WalFormat.get32(h, 4) != WalFormat.VERSION) {
            step = Step.START;
            throw new SqliteException(ResultCode.SQLITE_CANTOPEN, null);
        }
        seq = WalFormat.get32(h, 12);
        salt1 = WalFormat.get32(h, 16);
        salt2 = WalFormat.get32(h, 20);
        checksum = c;
        framesInFile = (int) Math.min(Integer.MAX_VALUE - 1,
                (walSize - WalFormat.HEADER_SIZE) / (WalFormat.FRAME_HEADER_SIZE + walPageSize));
        nextFrame = 1;
        lastCommit = 0;
        return true;
    }

    /** Starts reading the next batch of whole frames; false when the file holds no more. */
    private boolean readNextBatch() {
        if (nextFrame > framesInFile) {
            return false;
        }
        int frameSize = WalFormat.FRAME_HEADER_SIZE + walPageSize;
        batchFrames = Math.min(wal.framesPerBatch(), framesInFile - nextFrame + 1);
        int len = batchFrames * frameSize;
        pending.add(wal.file.read(WalFormat.frameOffset(nextFrame, walPageSize), wal.buffer(len), 0, len),
                ResultCode.SQLITE_IOERR_READ);
        step = Step.FRAMES;
        return true;
    }

    /** Checks the frames of the batch in {@code b}; false at the first invalid frame. */
    private boolean checkBatch(byte[] b) {
        int frameSize = WalFormat.FRAME_HEADER_SIZE + walPageSize;
        for (int i = 0; i < batchFrames; i++) {
            int off = i * frameSize;
            int pgno = WalFormat.get32(b, off);
            if (pgno == 0 || WalFormat.get32(b, off + 8) != salt1 || WalFormat.get32(b, off + 12) != salt2) {
                return false;
            }
            long c = WalFormat.checksum(b, off, 8, bigEndian, checksum);
            c = WalFormat.checksum(b, off + WalFormat.FRAME_HEADER_SIZE, walPageSize, bigEndian, c);
            if (WalFormat.s0(c) != WalFormat.get32(b, off + 16) || WalFormat.s1(c) != WalFormat.get32(b, off + 20)) {
                return false;
            }
            checksum = c;
            wal.ensureFrameCapacity(nextFrame);
            wal.framePgno[nextFrame] = pgno;
            int commitSize = WalFormat.get32(b, off + 4);
            if (commitSize != 0) {
                lastCommit = nextFrame;
                lastCommitDbSize = commitSize;
                lastCommitChecksum = c;
            }
            nextFrame++;
        }
        return true;
    }

    private void finish() throws SqliteException {
        step = Step.DONE;
        if (lastCommit > 0) {
            wal.pageSize = walPageSize;
        }
        wal.hasHeader = true;
        wal.bigEndianChecksum = bigEndian;
        wal.checkpointSeq = seq;
        wal.salt1 = salt1;
        wal.salt2 = salt2;
        wal.fileMayHoldData = true;
        wal.publish(lastCommit, lastCommitDbSize, lastCommitChecksum);
    }

    private void finishEmpty(boolean fileMayHoldData) {
        step = Step.DONE;
        wal.hasHeader = false;
        wal.fileMayHoldData = fileMayHoldData;
    }
}
