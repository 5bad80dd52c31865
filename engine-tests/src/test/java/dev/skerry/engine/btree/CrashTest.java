package dev.skerry.engine.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.pager.Pager;
import dev.skerry.testkit.FaultVfs;
import dev.skerry.testkit.TestVfs;
import dev.skerry.vfs.memory.MemoryVfs;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A power cut at every mutation of a commit (and of the automatic checkpoint on close): after the crash and
 * recovery the table holds exactly the last transaction that reported success, or the one before it when
 * the commit failed, and the file passes the page-level check.
 */
class CrashTest {
    private static final int BEFORE = 400;
    private static final int ADDED = 300;

    private static int count(FaultVfs vfs, Pager p, int root) throws SqliteException {
        BTreeCursor c = new BTreeCursor(p, root, null);
        int n = 0;
        boolean ok = TestVfs.drive(vfs, c::first);
        while (ok) {
            n++;
            ok = TestVfs.drive(vfs, c::next);
        }
        c.close();
        return n;
    }

    private static void insert(FaultVfs vfs, Pager p, int root, long from, int n, Random r) throws SqliteException {
        BTreeCursor c = new BTreeCursor(p, root, null);
        for (long k = from; k < from + n; k++) {
            byte[] rec = BTreeModelTest.rowRecord(k, r.nextInt(10) == 0 ? 1500 : 40, r);
            long key = k;
            TestVfs.run(vfs, () -> c.insert(key, rec));
        }
        c.close();
    }

    /** Opens the new database of {@code p} with 1 KiB pages and commits a table of BEFORE rows; its root. */
    private static int committedTable(FaultVfs vfs, Pager p, Random r) throws SqliteException {
        TestVfs.run(vfs, p::openStep);
        p.setPageSize(1024);
        TestVfs.run(vfs, p::beginWrite);
        int root = TestVfs.drive(vfs, () -> BTree.create(p, false));
        insert(vfs, p, root, 0, BEFORE, r);
        TestVfs.run(vfs, p::commit);
        return root;
    }

    @Test
    void powerCutAtEveryMutationOfACommit() throws Exception {
        int mutationsOfCommit = -1;
        for (int cut = 1; mutationsOfCommit < 0 || cut <= mutationsOfCommit + 2; cut++) {
            MemoryVfs mem = new MemoryVfs();
            FaultVfs vfs = new FaultVfs(TestVfs.wrap(mem), cut);
            Random r = new Random(cut);
            Pager p = Pager.open(vfs, "c.db");
            int root = committedTable(vfs, p, r);
            TestVfs.run(vfs, p::beginWrite);
            insert(vfs, p, root, BEFORE, ADDED, r);
            int start = vfs.mutations();
            vfs.powerFailAt(cut);
            boolean committed;
            try {
                TestVfs.run(vfs, p::commit);
                committed = true;
            } catch (SqliteException e) {
                committed = false;
            }
            if (committed && !vfs.isPoweredOff() && mutationsOfCommit < 0) {
                mutationsOfCommit = vfs.mutations() - start;
            }
            vfs.crash(cut % 2 == 0);
            Pager q = Pager.open(vfs, "c.db");
            TestVfs.run(vfs, q::openStep);
            TestVfs.run(vfs, q::beginRead);
            int n = count(vfs, q, root);
            if (committed) {
                assertEquals(BEFORE + ADDED, n, "cut " + cut + ": a reported commit survives");
            } else {
                assertTrue(n == BEFORE || n == BEFORE + ADDED, "cut " + cut + ": all or nothing, got " + n);
            }
            new TreeChecker(vfs, q).checkAll(1, root);
            TestVfs.run(vfs, q::close);
            assertTrue(cut < 500, "the commit has a bounded number of mutations");
        }
        assertTrue(mutationsOfCommit >= 2, "a commit writes and syncs: " + mutationsOfCommit);
    }

    @Test
    void powerCutAtEveryMutationOfTheCheckpointOnClose() throws Exception {
        int cuts = 0;
        for (int cut = 1; ; cut++) {
            MemoryVfs mem = new MemoryVfs();
            FaultVfs vfs = new FaultVfs(TestVfs.wrap(mem), cut);
            Random r = new Random(cut);
            Pager p = Pager.open(vfs, "k.db");
            int root = committedTable(vfs, p, r);
            vfs.powerFailAt(cut);
            boolean closed;
            try {
                TestVfs.run(vfs, p::close);
                closed = !vfs.isPoweredOff();
            } catch (SqliteException e) {
                closed = false;
            }
            vfs.crash(cut % 2 == 1);
            Pager q = Pager.open(vfs, "k.db");
            TestVfs.run(vfs, q::openStep);
            TestVfs.run(vfs, q::beginRead);
            assertEquals(BEFORE, count(vfs, q, root), "cut " + cut + ": the committed transaction survives");
            new TreeChecker(vfs, q).checkAll(1, root);
            TestVfs.run(vfs, q::close);
            if (closed) {
                break;
            }
            cuts++;
            assertTrue(cut < 500, "the checkpoint has a bounded number of mutations");
        }
        assertTrue(cuts >= 3, "the checkpoint was cut at " + cuts + " points");
    }
}
