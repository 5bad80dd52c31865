package dev.skerry.engine.pager;

/**
 * Resident pages keyed by page number: an open-addressing table (linear probing, backward-shift deletion)
 * of {@link Page}s, with no boxing. Bounded by a soft limit: {@link #makeRoom()} evicts clean, unpinned,
 * fully loaded pages by a clock sweep when the table holds more than the limit; if every page is dirty or
 * pinned the cache grows past the limit rather than fail (the b-tree pins only a small set at a time).
 *
 * <p>Invariant: a page number appears at most once; the table is never more than half full.
 */
final class PageCache {
    private Page[] slots;
    private int count;
    private int limit;
    private int hand;

    PageCache(int limit) {
        this.limit = Math.max(16, limit);
        int cap = 64;
        while (cap < this.limit * 2) {
            cap <<= 1;
        }
        slots = new Page[cap];
    }

    /** Changes the soft limit (at least 16 pages); pages over it are evicted as room is needed. */
    void setLimit(int newLimit) {
        limit = Math.max(16, newLimit);
        int cap = slots.length;
        while (cap < limit * 2) {
            cap <<= 1;
        }
        if (cap != slots.length) {
            Page[] old = slots;
            slots = new Page[cap];
            count = 0;
            for (Page p : old) {
                if (p != null) {
                    put(p);
                }
            }
        }
    }

    int size() {
        return count;
    }

    private static int hash(int pgno, int mask) {
        return (pgno * 0x9E3779B9 >>> 7) & mask;
    }

    Page get(int pgno) {
        int mask = slots.length - 1;
        for (int i = hash(pgno, mask); ; i = (i + 1) & mask) {
            Page p = slots[i];
            if (p == null) {
                return null;
            }
            if (p.pgno == pgno) {
                p.referenced = true;
                return p;
            }
        }
    }

    /** Adds {@code page}, replacing any page of the same number. */
    void put(Page page) {
        if ((count + 1) * 2 > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = hash(page.pgno, mask); ; i = (i + 1) & mask) {
            Page p = slots[i];
            if (p == null) {
                slots[i] = page;
                count++;
                page.referenced = true;
                return;
            }
            if (p.pgno == page.pgno) {
                slots[i] = page;
                page.referenced = true;
                return;
            }
        }
    }

    private void grow() {
        Page[] old = slots;
        slots = new Page[old.length * 2];
        count = 0;
        for (Page p : old) {
            if (p != null) {
                put(p);
            }
        }
    }

    void remove(int pgno) {
        int mask = slots.length - 1;
        int i = hash(pgno, mask);
        while (true) {
            Page p = slots[i];
            if (p == null) {
                return;
            }
            if (p.pgno == pgno) {
                break;
            }
            i = (i + 1) & mask;
        }
        slots[i] = null;
        count--;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            Page p = slots[j];
            if (p == null) {
                return;
            }
            int home = hash(p.pgno, mask);
            boolean between = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (!between) {
                slots[i] = p;
                slots[j] = null;
                i = j;
            }
        }
    }

    private static boolean evictable(Page p) {
        return !p.dirty && p.pins == 0 && p.loading == null;
    }

    /**
     * Evicts pages until the count is under the limit, looking at a bounded number of slots per call (the
     * clock hand carries on at the next call), so a cache full of dirty pages costs little per allocation.
     */
    void makeRoom() {
        int mask = slots.length - 1;
        int budget = 256;
        while (count >= limit && budget-- > 0) {
            hand = (hand + 1) & mask;
            Page p = slots[hand];
            if (p == null || !evictable(p)) {
                continue;
            }
            if (p.referenced) {
                p.referenced = false;
                continue;
            }
            remove(p.pgno);
        }
    }

    /** Removes every page for which {@code dirty} is set, and pages numbered above {@code maxPgno}. */
    void dropDirtyAndBeyond(int maxPgno) {
        for (int i = 0; i < slots.length; i++) {
            Page p = slots[i];
            if (p != null && (p.dirty || p.pgno > maxPgno)) {
                p.dirty = false;
                remove(p.pgno);
                i--;
            }
        }
    }

    /** Removes every page that is not pinned. */
    void clearUnpinned() {
        for (int i = 0; i < slots.length; i++) {
            Page p = slots[i];
            if (p != null && p.pins == 0) {
                remove(p.pgno);
                i--;
            }
        }
    }
}
