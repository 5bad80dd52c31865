package dev.skerry.engine.wal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.VfsFile;
import dev.skerry.testkit.FaultVfs;
import java.util.Arrays;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Seeded random runs of commits, checkpoints, re-opens and crashes against a model of the committed pages:
 * after every step the pages as the Wal and the database file show them (a page from its newest frame, else
 * from the file) equal the model; after a crash they equal the state before or after the interrupted
 * operation, and after it if the operation had returned. Runs through many log generations, so salts,
 * checkpoint sequences and stale frames of older generations are all exercised.
 */
class WalSimulationTest {
    private static final int PAGE = 512;
    private static final int MAX_PAGES = 40;

    private final SuiteVfs mem = SuiteVfs.create();
    private Random random;
    private FaultVfs faults;
    private Wal wal;
    private byte[][] model = new byte[0][];
    private int keptOld;
    private int keptNew;

    @Test
    void randomRunsMatchTheModel() throws Exception {
        for (long seed = 1; seed <= 25; seed++) {
            run(seed);
        }
        assertTrue(keptOld > 10 && keptNew > 10, "crashes must leave both outcomes: " + keptOld + " / " + keptNew);
    }

    private void run(long seed) throws Exception {
        random = new Random(seed);
        mem.put("s.db", new byte[0]);
        mem.put("s.db-wal", new byte[0]);
        model = new byte[0][];
        reopen(seed);
        for (int step = 0; step < 60; step++) {
            String where = "seed " + seed + " step " + step;
            int what = random.nextInt(10);
            boolean crash = random.nextInt(4) == 0;
            if (crash && random.nextBoolean()) {
                faults.powerFailAt(1 + random.nextInt(6));
            } else if (crash) {
                faults.tearAt(1 + random.nextInt(6));
            }
            byte[][] before = model;
            byte[][] after;
            boolean returned;
            try {
                if (what < 6) {
                    after = commitRandom();
                } else if (what < 8) {
                    VfsFile db = faults.open("s.db", 0);
                    Io.drive(faults, () -> wal.checkpoint(db));
                    after = model;
                } else {
                    after = model;
                    reopen(seed * 1000 + step);
                }
                returned = true;
            } catch (SqliteException e) {
                assertEquals(ResultCode.SQLITE_IOERR, e.primaryCode(), where);
                after = pendingAfter;
                returned = false;
            }
            if (crash) {
                faults.crash(random.nextBoolean());
                reopen(seed * 1000 + step);
                if (Arrays.deepEquals(view(), after)) {
                    keptNew += Arrays.deepEquals(before, after) ? 0 : 1;
                    model = after;
                } else if (!returned && Arrays.deepEquals(view(), before)) {
                    keptOld++;
                    model = before;
                } else {
                    fail(where + ": state after the crash is neither the old nor the new one");
                }
            } else {
                assertTrue(returned, where);
                model = after;
                assertArrayEquals(model, view(), where);
            }
        }
    }

    private byte[][] pendingAfter;

    /** Commits a random set of pages with random content; returns the new model (also kept in pendingAfter). */
    private byte[][] commitRandom() throws SqliteException {
        int oldSize = model.length;
        TreeSet<Integer> pages = new TreeSet<>();
        int count = 1 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            pages.add(1 + random.nextInt(Math.min(MAX_PAGES, oldSize + 3)));
        }
        int newSize = Math.max(oldSize, pages.last());
        for (int p = oldSize + 1; p <= newSize; p++) {
            pages.add(p);
        }
        byte[][] next = Arrays.copyOf(model, newSize);
        int n = pages.size();
        int[] numbers = new int[n];
        byte[][] images = new byte[n][];
        int i = 0;
        for (int p : pages) {
            byte[] image = new byte[PAGE];
            random.nextBytes(image);
            numbers[i] = p;
            images[i++] = image;
            next[p - 1] = image;
        }
        pendingAfter = next;
        Io.drive(faults, () -> wal.commit(numbers, images, n, newSize));
        return next;
    }

    private void reopen(long seed) throws SqliteException {
        if (wal != null) {
            wal.close();
        }
        faults = new FaultVfs(mem, seed);
        wal = new Wal(faults, "s.db-wal", seed);
        Io.drive(faults, () -> wal.open(PAGE));
    }

    /** Every page of the database as the Wal and the file show it together. */
    private byte[][] view() {
        int size = wal.maxFrame() > 0 ? wal.dbSizeAfterLastCommit() : mem.get("s.db").length / PAGE;
        byte[] db = mem.get("s.db");
        byte[][] out = new byte[size][];
        for (int p = 1; p <= size; p++) {
            int frame = wal.findFrame(p);
            out[p - 1] = new byte[PAGE];
            if (frame != 0) {
                Io.await(faults, wal.readFrame(frame, out[p - 1]));
            } else {
                out[p - 1] = SqliteFiles.page(db, p, PAGE);
            }
        }
        return out;
    }
}
