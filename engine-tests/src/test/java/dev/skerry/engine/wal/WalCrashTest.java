package dev.skerry.engine.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.VfsFile;
import dev.skerry.testkit.FaultVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power loss at every mutation of a commit and of a checkpoint: afterwards recovery yields the old state or
 * the new one, never a mix; a commit that returned is never lost; SQLite reads the crashed files as the same
 * state and finds them intact ({@code PRAGMA integrity_check}).
 *
 * <p>Each crash point runs in four variants: power cut with every unsynced change lost; power cut with a
 * seeded partial loss (each unsynced change lost, kept, or kept for some of its sectors); and twice a torn
 * write (a prefix of the interrupted write reaches the file) with partial loss under two seeds.
 */
class WalCrashTest {
    private static final int VARIANTS = 4;

    @TempDir
    static Path dir;
    static WalStates st;
    static int caseNumber;

    @BeforeAll
    static void states() throws Exception {
        st = WalStates.get();
    }

    private interface Operation {
        void run(Wal wal, FaultVfs vfs) throws Exception;
    }

    private static final class Outcome {
        int crashPoints;
        int sawOld;
        int sawNew;
    }

    /**
     * Runs {@code op} over {@code db} + {@code log} with the power failing at each mutation in turn; checks
     * that the recovered log holds {@code oldFrames} (state {@code oldRows}) or {@code newFrames} ({@code newRows}).
     */
    private Outcome crashEverywhere(byte[] db, byte[] log, Operation op, int oldFrames, List<String> oldRows,
            int newFrames, List<String> newRows) throws Exception {
        Outcome outcome = new Outcome();
        for (int n = 1; ; n++) {
            boolean reachedEnd = false;
            for (int variant = 0; variant < VARIANTS; variant++) {
                SuiteVfs mem = SuiteVfs.create();
                mem.put("x.db", db);
                if (log != null) {
                    mem.put("x.db-wal", log);
                }
                FaultVfs faults = new FaultVfs(mem, 1000L * n + variant);
                Wal wal = new Wal(faults, "x.db-wal", n);
                Io.drive(faults, () -> wal.open(st.pageSize));
                if (variant < 2) {
                    faults.powerFailAt(n);
                } else {
                    faults.tearAt(n);
                }
                boolean returned;
                try {
                    op.run(wal, faults);
                    returned = true;
                } catch (SqliteException e) {
                    assertEquals(ResultCode.SQLITE_IOERR, e.primaryCode(), "crash point " + n);
                    returned = false;
                }
                if (returned && !faults.isPoweredOff()) {
                    reachedEnd = true;
                }
                faults.crash(variant != 0);

                Wal recovered = new Wal(mem, "x.db-wal", 99);
                Io.drive(mem, () -> recovered.open(st.pageSize));
                String where = "crash point " + n + " variant " + variant;
                int frames = recovered.maxFrame();
                assertTrue(frames == oldFrames || frames == newFrames, where + ": " + frames + " frames");
                if (returned) {
                    assertEquals(newFrames, frames, where + ": a commit that returned must survive");
                }
                byte[] wBytes = mem.get("x.db-wal");
                Path copy = SqliteFiles.write(dir.resolve("c" + (++caseNumber)), "x.db", mem.get("x.db"), wBytes);
                assertEquals(frames == newFrames ? newRows : oldRows, WalSqliteInteropTest.rowsOf(copy), where);
                assertEquals("ok", SqliteFiles.integrity(copy), where);
                if (frames == newFrames) {
                    outcome.sawNew++;
                } else {
                    outcome.sawOld++;
                }
                outcome.crashPoints++;
            }
            if (reachedEnd) {
                return outcome;
            }
        }
    }

    private static Operation commit(List<Integer> pages, byte[] image) {
        return (wal, vfs) -> Io.commitPages(vfs, wal, image, st.pageSize, pages, image.length / st.pageSize);
    }

    @Test
    void crashDuringFirstCommitOnEmptyLog() throws Exception {
        Outcome o = crashEverywhere(st.s0, null, commit(st.t1, st.s1), 0, st.rows0, st.t1.size(), st.rows1);
        assertTrue(o.sawOld > 0 && o.sawNew > 0, "both outcomes must occur");
    }

    @Test
    void crashDuringAppendingCommit() throws Exception {
        byte[] walT1 = Arrays.copyOf(st.wal12, (int) st.frameEnd(st.t1.size()));
        int n1 = st.t1.size();
        Outcome o = crashEverywhere(st.s0, walT1, commit(st.t2, st.s2), n1, st.rows1, n1 + st.t2.size(), st.rows2);
        assertTrue(o.sawOld > 0 && o.sawNew > 0, "both outcomes must occur");
    }

    /** The log holds a valid header and stale frames but no transaction: the commit starts a new generation. */
    @Test
    void crashDuringCommitOverAStaleLog() throws Exception {
        byte[] stale = st.wal12.clone();
        stale[(int) WalFormat.frameOffset(1, st.pageSize) + 30] ^= 1;
        Outcome o = crashEverywhere(st.s1, stale, commit(st.t2, st.s2), 0, st.rows1, st.t2.size(), st.rows2);
        assertTrue(o.crashPoints >= 4 * VARIANTS, "header write, header sync, frames, sync");
        assertTrue(o.sawOld > 0 && o.sawNew > 0, "both outcomes must occur");
    }

    @Test
    void crashDuringCheckpoint() throws Exception {
        int frames = st.t1.size() + st.t2.size();
        Operation checkpoint = (wal, vfs) -> {
            VfsFile db = vfs.open("x.db", 0);
            Io.drive(vfs, () -> wal.checkpoint(db));
        };
        Outcome o = crashEverywhere(st.s0, st.wal12, checkpoint, frames, st.rows2, 0, st.rows2);
        assertTrue(o.crashPoints > st.t1.size() * VARIANTS, "one crash point per page copied at least");
        assertTrue(o.sawOld > 0 && o.sawNew > 0, "both outcomes must occur");
    }

    /** After any crash during a checkpoint, recovering and checkpointing again gives exactly S2's file. */
    @Test
    void checkpointAfterCrashedCheckpointGivesTheCommittedImage() throws Exception {
        for (int n = 1; n < 40; n++) {
            SuiteVfs mem = SuiteVfs.create();
            mem.put("x.db", st.s0);
            mem.put("x.db-wal", st.wal12);
            FaultVfs faults = new FaultVfs(mem, n);
            Wal wal = new Wal(faults, "x.db-wal", n);
            Io.drive(faults, () -> wal.open(st.pageSize));
            faults.tearAt(n);
            VfsFile db = faults.open("x.db", 0);
            try {
                Io.drive(faults, () -> wal.checkpoint(db));
            } catch (SqliteException e) {
                assertEquals(ResultCode.SQLITE_IOERR, e.primaryCode());
            }
            faults.crash(true);
            Wal again = new Wal(mem, "x.db-wal", 5);
            Io.drive(mem, () -> again.open(st.pageSize));
            VfsFile db2 = mem.open("x.db", 0);
            Io.drive(mem, () -> again.checkpoint(db2));
            assertArrayEquals(st.s2, mem.get("x.db"), "crash point " + n);
        }
    }
}
