package dev.skerry.engine.wal;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.io.VfsFile;

/**
 * One database's write-ahead log, in SQLite's WAL file format (see {@code package-info.java} for the
 * bytes), with an in-memory frame index in place of SQLite's {@code -shm} file.
 *
 * <h2>States</h2>
 * <pre>
 *   NEW --open()--> OPENING --(recovered)--> READY
 *   READY --commit()--> COMMITTING --(synced, published)--> READY
 *   READY --checkpoint()--> CHECKPOINTING --(db synced, WAL truncated)--> READY
 *   any --close()--> CLOSED
 * </pre>
 * Each arrow that does I/O is a re-callable method: it throws {@link IoPending} until done and is then called
 * again with the same arguments; its progress lives in the state object ({@link WalRecovery},
 * {@link WalWriter}, {@link WalCheckpointer}), switched before every throw. An I/O error ends a commit or a
 * checkpoint with a {@link SqliteException} and returns the Wal to READY with nothing published: the next
 * call starts over.
 *
 * <h2>Invariants (in READY)</h2>
 * <ol>
 *   <li>Frames {@code 1..maxFrame} of the file carry the current header's salts, have valid cumulative
 *       checksums, and frame {@code maxFrame} is a commit frame; those this Wal wrote were synced before they
 *       were published. {@code maxFrame == 0} means the log holds no transaction; {@code maxFrame > 0}
 *       implies {@code hasHeader}.</li>
 *   <li>{@code framePgno[f]} is the page of frame {@code f} for {@code f <= maxFrame}; the index maps each
 *       of those pages to its newest frame and holds nothing else.</li>
 *   <li>{@code lastChecksum} is the cumulative checksum after frame {@code maxFrame}, the seed of the next
 *       frame; it is meaningful only while {@code maxFrame > 0}.</li>
 *   <li>When {@code maxFrame == 0} the next commit starts a new generation: a new header with
 *       {@code salt1 + 1}, a new random {@code salt2} and {@code checkpointSeq + 1} (random salts and
 *       sequence 0 when no valid header was ever seen), written (and synced, if the file may hold older frames) before frame 1. Old
 *       frames can therefore never validate against a new header.</li>
 *   <li>Only a commit's publish step changes {@code maxFrame} upwards, and only after the sync of its frames
 *       completed; only a checkpoint's final step resets it to 0, after the database file was synced and the
 *       log truncated to zero bytes and synced.</li>
 * </ol>
 */
public final class Wal {
    enum State { NEW, OPENING, READY, COMMITTING, CHECKPOINTING, CLOSED }

    final Vfs vfs;
    final String path;
    final java.util.Random random;
    VfsFile file;
    State state = State.NEW;
    int pageSize;

    /** True once a valid header was read or written; the fields below describe it. */
    boolean hasHeader;
    boolean bigEndianChecksum;
    int checkpointSeq;
    int salt1;
    int salt2;

    int maxFrame;
    int dbSize;
    long lastChecksum;
    int[] framePgno = new int[64];
    final FrameIndex index = new FrameIndex();
    /** False only when the file is known to be empty (so a new header needs no sync before frames). */
    boolean fileMayHoldData = true;

    /** Reused by commit (frames to write) and checkpoint (pages to copy); never both at once. */
    byte[] buffer;

    private final WalRecovery recovery = new WalRecovery(this);
    private final WalWriter writer = new WalWriter(this);
    private final WalCheckpointer checkpointer = new WalCheckpointer(this);

    /** A log at {@code walPath} (conventionally the database path plus {@code -wal}); no I/O yet. */
    public Wal(Vfs vfs, String walPath) {
        this(vfs, walPath, System.currentTimeMillis() ^ ((long) walPath.hashCode() << 32));
    }

    /** As {@link #Wal(Vfs, String)}, with the seed of the salts chosen for new headers (tests). */
    public Wal(Vfs vfs, String walPath, long saltSeed) {
        this.vfs = vfs;
        this.path = walPath;
        this.random = new java.util.Random(saltSeed);
    }

    /**
     * Opens the log file (creating it empty if absent) and recovers it: reads the header, then frames while
     * their salts match and cumulative checksums hold, and keeps those up to the last commit frame. A log
     * whose header is damaged is treated as empty, as SQLite does; a header with another format version fails
     * with {@code SQLITE_CANTOPEN}. {@code pageSize} is the database file's page size, used for a log that
     * holds no transaction; a log holding transactions keeps the page size of its header even if it differs,
     * as SQLite does (SQLite reads page 1 from the log and checkpoints at the log's page size): the caller
     * must then use {@link #pageSize()}. Re-callable until it returns.
     */
    public void open(int pageSize) throws IoPending, SqliteException {
        if (state == State.NEW) {
            if (!WalFormat.isValidPageSize(pageSize)) {
                throw misuse();
            }
            this.pageSize = pageSize;
            file = vfs.open(path, Vfs.CREATE);
            state = State.OPENING;
        } else if (state != State.OPENING) {
            throw misuse();
        }
        recovery.step();
        state = State.READY;
    }

    /** The page size of the log's frames (see {@link #open}). */
    public int pageSize() {
        return pageSize;
    }

    /** The last frame of the last committed transaction; 0 when the log holds none. */
    public int maxFrame() {
        return maxFrame;
    }

    /** The database size in pages written by the last commit in the log; 0 when the log holds none. */
    public int dbSizeAfterLastCommit() {
        return maxFrame == 0 ? 0 : dbSize;
    }

    /** The newest committed frame holding page {@code pgno}, or 0 if the page is not in the log. */
    public int findFrame(int pgno) {
        return maxFrame == 0 ? 0 : index.get(pgno);
    }

    /**
     * Reads the page image of committed frame {@code frame} (1..{@link #maxFrame}) into {@code page[0..pageSize)}.
     * A frame number outside that range gives a failed completion ({@code SQLITE_MISUSE}).
     */
    public Completion readFrame(int frame, byte[] page) {
        if (frame < 1 || frame > maxFrame || page.length < pageSize) {
            return Completion.failed(ResultCode.SQLITE_MISUSE, ResultCode.describe(ResultCode.SQLITE_MISUSE));
        }
        return file.read(WalFormat.frameOffset(frame, pageSize) + WalFormat.FRAME_HEADER_SIZE, page, 0, pageSize);
    }

    /**
     * Appends one transaction: frames for {@code pages[0..nPages)} (page {@code pgnos[i]}, each array at least
     * a page long; the caller keeps them unchanged until this returns), the last one a commit frame recording
     * {@code dbSizeAfterCommit}; syncs the log; then publishes the frames to {@link #findFrame}. Re-callable
     * with the same arguments until it returns; on an I/O error nothing is published. Page numbers below 1,
     * pages shorter than {@link #pageSize()} or an empty transaction give {@code SQLITE_MISUSE}.
     */
    public void commit(int[] pgnos, byte[][] pages, int nPages, int dbSizeAfterCommit)
            throws IoPending, SqliteException {
        if (state == State.READY) {
            if (nPages < 1 || dbSizeAfterCommit < 1 || pgnos.length < nPages || pages.length < nPages) {
                throw misuse();
            }
            for (int i = 0; i < nPages; i++) {
                if (pgnos[i] < 1 || pages[i] == null || pages[i].length < pageSize) {
                    throw misuse();
                }
            }
            writer.begin();
            state = State.COMMITTING;
        } else if (state != State.COMMITTING) {
            throw misuse();
        }
        try {
            writer.step(pgnos, pages, nPages, dbSizeAfterCommit);
        } catch (SqliteException e) {
            state = State.READY;
            throw e;
        }
        state = State.READY;
    }

    /**
     * Copies the newest committed image of every page of the log (up to the last commit's database size) into
     * {@code db}, sets {@code db}'s size to that many pages, syncs {@code db}, then truncates the log to zero
     * bytes and syncs it. Afterwards the log holds no transaction. Re-callable until it returns; on an I/O
     * error the log is left as it was and the next call starts over.
     */
    public void checkpoint(VfsFile db) throws IoPending, SqliteException {
        if (state == State.READY) {
            if (maxFrame == 0) {
                return;
            }
            checkpointer.begin();
            state = State.CHECKPOINTING;
        } else if (state != State.CHECKPOINTING) {
            throw misuse();
        }
        try {
            checkpointer.step(db);
        } catch (SqliteException e) {
            state = State.READY;
            throw e;
        }
        state = State.READY;
    }

    /** Releases the log file. No operation of this Wal may be pending. */
    public void close() {
        if (file != null) {
            file.close();
            file = null;
        }
        state = State.CLOSED;
    }

    /** Makes the recovered or newly committed frames {@code 1..newMax} the committed log. */
    void publish(int newMax, int newDbSize, long checksumAfter) {
        for (int f = maxFrame + 1; f <= newMax; f++) {
            index.put(framePgno[f], f);
        }
        maxFrame = newMax;
        dbSize = newDbSize;
        lastChecksum = checksumAfter;
        assert invariantsHold();
    }

    /** Invariants 1 and 2 as far as memory shows them (for assertions; linear in the log's length). */
    boolean invariantsHold() {
        if (maxFrame < 0 || (maxFrame > 0 && !hasHeader) || index.size() > maxFrame) {
            return false;
        }
        for (int f = 1; f <= maxFrame; f++) {
            int newest = index.get(framePgno[f]);
            if (newest < f || newest > maxFrame || framePgno[newest] != framePgno[f]) {
                return false;
            }
        }
        return true;
    }

    void ensureFrameCapacity(int frames) {
        if (frames >= framePgno.length) {
            int n = framePgno.length;
            while (n <= frames) {
                n *= 2;
            }
            framePgno = java.util.Arrays.copyOf(framePgno, n);
        }
    }

    /** The buffer, at least {@code size} bytes. */
    byte[] buffer(int size) {
        if (buffer == null || buffer.length < size) {
            buffer = new byte[size];
        }
        return buffer;
    }

    /** Frames per write or read batch: about 1 MiB, at least one. */
    int framesPerBatch() {
        return Math.max(1, (1 << 20) / (pageSize + WalFormat.FRAME_HEADER_SIZE));
    }

    private static SqliteException misuse() {
        return new SqliteException(ResultCode.SQLITE_MISUSE, null);
    }
}
