package dev.skerry.engine.translate;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which SQLite visits the tables and views of a schema: the iteration order of its schema hash
 * table ({@code hash.c} of SQLite 3.50), which {@code PRAGMA table_list} and the table loop of
 * {@code integrity_check} follow. The hash table is simulated alongside the schema: names dropped since the
 * last look are removed (the buckets stay), new names inserted in {@code sqlite_schema} order.
 *
 * <p>SQLite's rules: the hash of a name is {@code h = (h + (c & 0xdf)) * 0x9e3779b1} over its bytes
 * (unsigned 32 bits). A new element goes before the first element of its bucket, or at the head of the
 * list when its bucket is empty or there are no buckets yet. When the count reaches 5 and exceeds twice
 * the bucket count, the table gets {@code 3 * count} buckets (at most 64, SQLite's 1024-byte soft limit
 * over 16-byte buckets) and the elements are re-inserted in list order. Removing the last element clears
 * the table.
 *
 * <p>Invariants: {@code names} is the iteration order; {@code buckets[i]} is the bucket of {@code names[i]}
 * (-1 without buckets); the elements of one bucket are adjacent.
 */
final class TableHashOrder {
    private final List<String> names = new ArrayList<>();
    private final List<Integer> buckets = new ArrayList<>();
    private int[] bucketCount = new int[0];
    private int htsize;

    /**
     * Brings the simulated table to {@code current} (the names now in the schema, in the order they were
     * added) and returns the iteration order.
     */
    List<String> update(List<String> current) {
        for (int i = names.size() - 1; i >= 0; i--) {
            if (!contains(current, names.get(i))) {
                remove(i);
            }
        }
        for (String n : current) {
            if (!contains(names, n)) {
                insert(n);
            }
        }
        return new ArrayList<>(names);
    }

    private static boolean contains(List<String> list, String name) {
        for (String s : list) {
            if (s.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private void remove(int i) {
        int b = buckets.get(i);
        names.remove(i);
        buckets.remove(i);
        if (b >= 0) {
            bucketCount[b]--;
        }
        if (names.isEmpty()) {
            htsize = 0;
            bucketCount = new int[0];
            buckets.clear();
        }
    }

    private void insert(String name) {
        int count = names.size() + 1;
        if (count >= 5 && count > 2 * htsize) {
            int newSize = Math.min(count * 3, 64);
            if (newSize != htsize) {
                htsize = newSize;
                bucketCount = new int[htsize];
                List<String> old = new ArrayList<>(names);
                names.clear();
                buckets.clear();
                for (String e : old) {
                    link(e, (int) (hash(e) % htsize));
                }
            }
        }
        link(name, htsize == 0 ? -1 : (int) (hash(name) % htsize));
    }

    /** SQLite's {@code insertElement}. */
    private void link(String name, int bucket) {
        int at = 0;
        if (bucket >= 0 && bucketCount[bucket] > 0) {
            at = buckets.indexOf(bucket);
        }
        names.add(at, name);
        buckets.add(at, bucket);
        if (bucket >= 0) {
            bucketCount[bucket]++;
        }
    }

    /** SQLite's {@code strHash} over the UTF-8 bytes; unsigned 32 bits. */
    static long hash(String name) {
        int h = 0;
        for (byte x : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h += x & 0xdf;
            h *= 0x9e3779b1;
        }
        return h & 0xffffffffL;
    }
}
