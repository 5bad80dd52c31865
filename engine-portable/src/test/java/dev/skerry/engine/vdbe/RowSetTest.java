package dev.skerry.engine.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The RowSet's sets as SQLite's RowSetTest uses them, and RowSetRead's ascending order, against a TreeSet. */
class RowSetTest {
    @Test
    void testFindsValuesOfEarlierSetsOnly() {
        RowSet s = new RowSet();
        assertFalse(s.testAndAdd(5, 0));
        assertFalse(s.testAndAdd(3, 0));
        assertTrue(s.testAndAdd(5, 1));
        assertFalse(s.testAndAdd(7, 1));
        assertTrue(s.testAndAdd(7, 2));
        assertTrue(s.testAndAdd(3, -1));
        assertFalse(s.testAndAdd(8, -1));
        assertFalse(s.testAndAdd(8, -1));
    }

    @Test
    void randomSetsAgreeWithATreeSet() {
        Random r = new Random(42);
        for (int round = 0; round < 200; round++) {
            RowSet s = new RowSet();
            TreeSet<Long> seen = new TreeSet<>();
            int sets = 2 + r.nextInt(5);
            for (int k = 0; k < sets; k++) {
                int id = k == sets - 1 ? -1 : k;
                TreeSet<Long> batch = new TreeSet<>();
                int n = r.nextInt(60);
                for (int i = 0; i < n; i++) {
                    long v = r.nextInt(100) - 50L;
                    if (!batch.add(v)) {
                        continue;
                    }
                    assertEquals(id != 0 && seen.contains(v), s.testAndAdd(v, id));
                }
                if (id >= 0) {
                    seen.addAll(batch);
                }
            }
        }
    }

    @Test
    void readGivesEveryValueOnceAscending() {
        RowSet s = new RowSet();
        TreeSet<Long> want = new TreeSet<>();
        Random r = new Random(7);
        for (int i = 0; i < 1000; i++) {
            long v = r.nextLong() % 300;
            s.add(v);
            want.add(v);
        }
        List<Long> got = new ArrayList<>();
        while (s.next()) {
            got.add(s.value());
        }
        assertEquals(new ArrayList<>(want), got);
        assertFalse(s.next());
    }
}
