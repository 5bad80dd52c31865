package dev.skerry.engine.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.pager.Pager;
import dev.skerry.engine.record.RecordWriter;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.value.Mem;
import dev.skerry.testkit.TestVfs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded random inserts, deletes and seeks on a table and an index b-tree, checked against TreeMap models. */
class BTreeModelTest {
    static Pager openNew(Vfs vfs, String path, int pageSize) throws Exception {
        Pager p = Pager.open(vfs, path);
        TestVfs.run(vfs, p::openStep);
        p.setPageSize(pageSize);
        TestVfs.run(vfs, p::beginWrite);
        return p;
    }

    static byte[] rowRecord(long rowid, int size, Random r) {
        Mem a = new Mem();
        a.setLong(rowid * 7);
        Mem b = new Mem();
        byte[] blob = new byte[size];
        r.nextBytes(blob);
        b.setBlob(blob);
        return RecordWriter.encode(new Mem[] {a, b}, 0, 2);
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 4096})
    void tableMatchesModel(int pageSize) throws Exception {
        Vfs vfs = TestVfs.createShuffled(pageSize);
        Pager pager = openNew(vfs, "model.db", pageSize);
        int root = TestVfs.drive(vfs, () -> BTree.create(pager, false));
        BTreeCursor c = new BTreeCursor(pager, root, null);
        TreeMap<Long, byte[]> model = new TreeMap<>();
        Random r = new Random(pageSize);
        for (int op = 0; op < 6000; op++) {
            int kind = r.nextInt(10);
            long key = r.nextInt(3000) - 100;
            if (kind < 6) {
                int size = r.nextInt(20) == 0 ? r.nextInt(pageSize * 3) : r.nextInt(60);
                byte[] rec = rowRecord(key, size, r);
                TestVfs.run(vfs, () -> c.insert(key, rec));
                model.put(key, rec);
            } else if (kind < 9) {
                int res = TestVfs.drive(vfs, () -> c.seekRowid(key));
                if (model.containsKey(key)) {
                    assertEquals(0, res);
                    TestVfs.run(vfs, c::delete);
                    model.remove(key);
                    Long after = model.higherKey(key);
                    boolean has = TestVfs.drive(vfs, c::next);
                    assertEquals(after != null, has, "next after delete of " + key);
                    if (has) {
                        assertEquals((long) after, (long) TestVfs.drive(vfs, c::rowid));
                    }
                } else if (model.isEmpty()) {
                    assertFalse(c.isValid());
                } else {
                    long at = TestVfs.drive(vfs, c::rowid);
                    if (res > 0) {
                        assertEquals(model.ceilingKey(key), at);
                    } else {
                        assertEquals(-1, res);
                        assertTrue(at < key);
                    }
                }
            } else {
                int res = TestVfs.drive(vfs, () -> c.seekRowid(key));
                if (model.containsKey(key)) {
                    assertEquals(0, res);
                    assertTrue(Arrays.equals(model.get(key), TestVfs.drive(vfs, c::payload)));
                }
            }
            if (op % 1000 == 999) {
                new TreeChecker(vfs, pager).checkAll(1, root);
                compareAll(vfs, c, model);
            }
        }
        while (!model.isEmpty() && r.nextInt(50) != 0 || model.size() > 50) {
            long key = model.firstKey() + r.nextInt(100);
            Long k = model.ceilingKey(key);
            if (k == null) {
                k = model.firstKey();
            }
            long kk = k;
            assertEquals(0, (int) TestVfs.drive(vfs, () -> c.seekRowid(kk)));
            TestVfs.run(vfs, c::delete);
            model.remove(kk);
        }
        new TreeChecker(vfs, pager).checkAll(1, root);
        compareAll(vfs, c, model);
        c.close();
        TestVfs.run(vfs, pager::commit);
    }

    private static void compareAll(Vfs vfs, BTreeCursor c, TreeMap<Long, byte[]> model) throws Exception {
        List<Long> keys = new ArrayList<>();
        boolean ok = TestVfs.drive(vfs, c::first);
        while (ok) {
            long k = TestVfs.drive(vfs, c::rowid);
            keys.add(k);
            assertTrue(Arrays.equals(model.get(k), TestVfs.drive(vfs, c::payload)), "payload of " + k);
            ok = TestVfs.drive(vfs, c::next);
        }
        assertEquals(new ArrayList<>(model.keySet()), keys);
        List<Long> back = new ArrayList<>();
        ok = TestVfs.drive(vfs, c::last);
        while (ok) {
            back.add(TestVfs.drive(vfs, c::rowid));
            ok = TestVfs.drive(vfs, c::previous);
        }
        assertEquals(new ArrayList<>(model.descendingKeySet()), back);
    }

    /** An index entry of the model: (text key, rowid), ordered NOCASE on the text then by rowid. */
    record Entry(String text, long rowid) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = Collation.NOCASE.compare(text, o.text);
            return c != 0 ? c : Long.compare(rowid, o.rowid);
        }
    }

    private static byte[] indexKey(String text, long rowid) {
        Mem a = new Mem();
        a.setText(text);
        Mem b = new Mem();
        b.setLong(rowid);
        return RecordWriter.encode(new Mem[] {a, b}, 0, 2);
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 2048})
    void indexMatchesModel(int pageSize) throws Exception {
        Vfs vfs = TestVfs.createShuffled(pageSize + 7);
        Pager pager = openNew(vfs, "index.db", pageSize);
        int root = TestVfs.drive(vfs, () -> BTree.create(pager, true));
        KeyInfo ki = new KeyInfo(1, new Collation[] {Collation.NOCASE}, new boolean[] {false});
        BTreeCursor c = new BTreeCursor(pager, root, ki);
        TreeSet<Entry> model = new TreeSet<>();
        Random r = new Random(pageSize + 1);
        String alphabet = "abcdeABCDE";
        for (int op = 0; op < 5000; op++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(30) == 0 ? pageSize / 2 + r.nextInt(pageSize) : 1 + r.nextInt(12);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            Entry e = new Entry(sb.toString(), r.nextInt(1000));
            if (r.nextInt(3) > 0 || model.isEmpty()) {
                byte[] key = indexKey(e.text, e.rowid);
                TestVfs.run(vfs, () -> c.insertIndex(key));
                model.remove(e);
                model.add(e);
            } else {
                Entry victim = model.ceiling(e);
                if (victim == null) {
                    victim = model.first();
                }
                Mem[] k = {new Mem(), new Mem()};
                k[0].setText(victim.text);
                k[1].setLong(victim.rowid);
                assertEquals(0, (int) TestVfs.drive(vfs, () -> c.seekIndex(k, 2, 0)), "seek " + victim);
                TestVfs.run(vfs, c::delete);
                model.remove(victim);
                Entry after = model.higher(victim);
                boolean has = TestVfs.drive(vfs, c::next);
                assertEquals(after != null, has);
                if (has) {
                    Mem t = new Mem();
                    TestVfs.run(vfs, () -> c.column(0, t));
                    assertEquals(after.text, t.text());
                    assertEquals(after.rowid, (long) TestVfs.drive(vfs, c::rowid));
                }
            }
            // A prefix seek lands on the first entry with that text (NOCASE), or says where it would be.
            Mem[] probe = {new Mem()};
            probe[0].setText(e.text);
            int res = TestVfs.drive(vfs, () -> c.seekIndex(probe, 1, 0));
            Entry first = model.ceiling(new Entry(e.text, Long.MIN_VALUE));
            if (first != null && Collation.NOCASE.compare(first.text, e.text) == 0) {
                assertEquals(0, res);
                assertEquals(first.rowid, (long) TestVfs.drive(vfs, c::rowid));
            } else if (first != null) {
                assertEquals(1, res);
                assertEquals(first.rowid, (long) TestVfs.drive(vfs, c::rowid));
            } else if (!model.isEmpty()) {
                assertEquals(-1, res);
                assertEquals(model.last().rowid, (long) TestVfs.drive(vfs, c::rowid));
            }
            int after = TestVfs.drive(vfs, () -> c.seekIndexAfter(probe, 1, 0));
            Entry past = model.higher(new Entry(e.text, Long.MAX_VALUE));
            if (past != null) {
                assertEquals(1, after);
                assertEquals(past.rowid, (long) TestVfs.drive(vfs, c::rowid));
            } else if (!model.isEmpty()) {
                assertEquals(-1, after);
                assertEquals(model.last().rowid, (long) TestVfs.drive(vfs, c::rowid));
            } else {
                assertFalse(c.isValid());
            }
            if (op % 1000 == 999) {
                new TreeChecker(vfs, pager).checkAll(1, root);
                List<Entry> seen = new ArrayList<>();
                boolean ok = TestVfs.drive(vfs, c::first);
                Mem t = new Mem();
                while (ok) {
                    TestVfs.run(vfs, () -> c.column(0, t));
                    seen.add(new Entry(t.text(), TestVfs.drive(vfs, c::rowid)));
                    ok = TestVfs.drive(vfs, c::next);
                }
                assertEquals(new ArrayList<>(model), seen);
            }
        }
        c.close();
        TestVfs.run(vfs, () -> BTree.drop(pager, root));
        new TreeChecker(vfs, pager).checkAll(1);
        TestVfs.run(vfs, pager::commit);
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void statementRollbackRestoresTheTree(int pageSize) throws Exception {
        Vfs vfs = TestVfs.create();
        Pager pager = openNew(vfs, "sp.db", pageSize);
        int root = TestVfs.drive(vfs, () -> BTree.create(pager, false));
        BTreeCursor c = new BTreeCursor(pager, root, null);
        TreeMap<Long, byte[]> model = new TreeMap<>();
        Random r = new Random(5);
        for (long k = 0; k < 2000; k++) {
            byte[] rec = rowRecord(k, r.nextInt(100), r);
            long key = k;
            TestVfs.run(vfs, () -> c.insert(key, rec));
            model.put(k, rec);
        }
        int pages = pager.pageCount();
        int sp = pager.savepoint();
        for (long k = 0; k < 3000; k++) {
            long key = r.nextInt(6000);
            if (model.containsKey(key) && r.nextBoolean()) {
                TestVfs.drive(vfs, () -> c.seekRowid(key));
                TestVfs.run(vfs, c::delete);
            } else {
                byte[] rec = rowRecord(key, r.nextInt(pageSize), r);
                TestVfs.run(vfs, () -> c.insert(key, rec));
            }
        }
        c.close();
        pager.rollbackTo(sp);
        pager.release(sp);
        assertEquals(pages, pager.pageCount());
        new TreeChecker(vfs, pager).checkAll(1, root);
        BTreeCursor again = new BTreeCursor(pager, root, null);
        compareAll(vfs, again, model);
        again.close();
        TestVfs.run(vfs, pager::commit);
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void sequentialAppendsFillTheirPages(int pageSize) throws Exception {
        Vfs vfs = TestVfs.create();
        Pager pager = openNew(vfs, "seq.db", pageSize);
        int root = TestVfs.drive(vfs, () -> BTree.create(pager, false));
        BTreeCursor c = new BTreeCursor(pager, root, null);
        TreeMap<Long, byte[]> model = new TreeMap<>();
        Random r = new Random(3);
        int rows = 20000;
        long bytes = 0;
        for (long k = 1; k <= rows; k++) {
            byte[] rec = rowRecord(k, 20, r);
            long key = k;
            TestVfs.run(vfs, () -> c.insert(key, rec));
            model.put(k, rec);
            bytes += rec.length + 1 + dev.skerry.engine.record.Varint.size(k) + 2 + 1;
        }
        new TreeChecker(vfs, pager).checkAll(1, root);
        compareAll(vfs, c, model);
        c.close();
        long minimal = bytes / (pageSize - 8) + 1;
        assertTrue(pager.pageCount() < minimal * 1.1 + 5, pager.pageCount() + " pages for a minimum of " + minimal);
        TestVfs.run(vfs, pager::commit);
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void aCursorKeepsItsPlaceWhileAnotherChangesTheTree(int pageSize) throws Exception {
        Vfs vfs = TestVfs.create();
        Pager pager = openNew(vfs, "two.db", pageSize);
        int root = TestVfs.drive(vfs, () -> BTree.create(pager, false));
        BTreeCursor writer = new BTreeCursor(pager, root, null);
        TreeMap<Long, byte[]> model = new TreeMap<>();
        Random r = new Random(11);
        for (long k = 0; k < 3000; k += 2) {
            byte[] rec = rowRecord(k, r.nextInt(40), r);
            long key = k;
            TestVfs.run(vfs, () -> writer.insert(key, rec));
            model.put(k, rec);
        }
        BTreeCursor reader = new BTreeCursor(pager, root, null);
        List<Long> seen = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        boolean ok = TestVfs.drive(vfs, reader::first);
        Long at = model.firstKey();
        while (ok) {
            long k = TestVfs.drive(vfs, reader::rowid);
            seen.add(k);
            expected.add(at);
            if (k % 3 == 0) {
                TestVfs.drive(vfs, () -> writer.seekRowid(k));
                TestVfs.run(vfs, writer::delete);
                model.remove(k);
            }
            if (k % 5 == 0) {
                byte[] rec = rowRecord(k + 1, r.nextInt(pageSize), r);
                TestVfs.run(vfs, () -> writer.insert(k + 1, rec));
                model.put(k + 1, rec);
            }
            ok = TestVfs.drive(vfs, reader::next);
            at = model.higherKey(at);
        }
        assertEquals(null, at);
        assertEquals(expected, seen);
        reader.close();
        writer.close();
        new TreeChecker(vfs, pager).checkAll(1, root);
        TestVfs.run(vfs, pager::commit);
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096})
    void clearEmptiesTheTreeAndFreesItsPages(int pageSize) throws Exception {
        Vfs vfs = TestVfs.create();
        Pager pager = openNew(vfs, "clear.db", pageSize);
        int root = TestVfs.drive(vfs, () -> BTree.create(pager, false));
        BTreeCursor c = new BTreeCursor(pager, root, null);
        Random r = new Random(9);
        for (long k = 0; k < 4000; k++) {
            byte[] rec = rowRecord(k, r.nextInt(10) == 0 ? pageSize * 2 : 30, r);
            long key = k;
            TestVfs.run(vfs, () -> c.insert(key, rec));
        }
        int pages = pager.pageCount();
        TestVfs.run(vfs, () -> BTree.clear(pager, root));
        assertEquals(pages - 2, pager.freelistCount(), "every page but page 1 and the root is free");
        new TreeChecker(vfs, pager).checkAll(1, root);
        assertFalse(TestVfs.drive(vfs, c::first));
        byte[] rec = rowRecord(5, 10, r);
        TestVfs.run(vfs, () -> c.insert(5, rec));
        assertTrue(TestVfs.drive(vfs, c::first));
        assertEquals(5L, (long) TestVfs.drive(vfs, c::rowid));
        c.close();
        assertEquals(pages, pager.pageCount(), "no growth: freed pages are reused");
        TestVfs.run(vfs, pager::commit);
    }
}
