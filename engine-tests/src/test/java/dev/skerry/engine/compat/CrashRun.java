package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.SqliteException;
import dev.skerry.testkit.FaultVfs;
import dev.skerry.testkit.MemFiles;
import dev.skerry.testkit.TestVfs;
import dev.skerry.vfs.memory.MemoryVfs;
import java.nio.file.Path;

/**
 * One SQL-level crash of the crash tests ({@link SqlCrashTest}, {@link VacuumCrashTest}): a connection on a
 * {@link FaultVfs} over an in-memory store runs its statements until the power fails at a chosen mutation (or a
 * write there is torn), the machine reboots, and the files are copied out as the crash left them, for SQLite to
 * open.
 */
final class CrashRun {
    /** The statements under test; a failure of theirs is a {@link SqliteException}. */
    interface Work {
        void run(SkerryDb db) throws Exception;
    }

    private CrashRun() {
    }

    /**
     * Opens {@code db} on a FaultVfs over {@code mem} (seeded with {@code seed}) that fails at mutation
     * {@code cut} (a torn write when {@code torn}, else a power cut), runs {@code work} and then, when
     * {@code close}, closes the connection (its checkpoint), and reboots. True when {@code work} returned (the
     * close may still have failed); a failure may come only from the power failing ({@code where} names the crash).
     */
    static boolean run(MemoryVfs mem, String db, long seed, int cut, boolean torn, String where, Work work,
            boolean close) throws Exception {
        FaultVfs fault = new FaultVfs(TestVfs.wrap(mem), seed);
        SkerryDb conn = SkerryDb.open(fault, db);
        if (torn) {
            fault.tearAt(cut);
        } else {
            fault.powerFailAt(cut);
        }
        boolean finished = false;
        try {
            work.run(conn);
            finished = true;
            if (close) {
                conn.close();
            }
        } catch (SqliteException e) {
            assertTrue(fault.isPoweredOff(), where + ": only the power cut may fail it: " + e);
            conn.abandon();
        }
        fault.crash(torn);
        return finished;
    }

    /** Copies {@code db} and its log out of {@code mem} into {@code dir}, named after the crash; the database's copy. */
    static Path copyOut(MemoryVfs mem, String db, Path dir, int cut, boolean torn) throws Exception {
        Path copy = dir.resolve("crash-" + cut + (torn ? "t" : "p") + ".db");
        MemFiles.copyOut(mem, db, copy);
        MemFiles.copyOut(mem, db + "-wal", Path.of(copy + "-wal"));
        return copy;
    }
}
