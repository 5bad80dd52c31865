package dev.skerry.engine.pager;

/**
 * The pager's open statement savepoints, innermost last. Each level keeps, for every page changed since it
 * began, the page's image from just before its first change in that level, and the database size when it
 * began. Rolling back to a level writes its images (and those of younger levels, older images last, so they
 * win) back into the pages; releasing a level hands its images down to the level below, which keeps its own
 * older image of a page it already holds.
 *
 * <p>Invariant: {@code page.savepointId == ids[depth-1]} exactly when the innermost level holds an image
 * of that page; ids are never reused, so a page's stale id never matches a new level.
 */
final class SavepointStack {
    private int depth;
    private int nextId = 1;
    private int[] ids = new int[4];
    private int[] sizes = new int[4];
    private Page[][] pages = new Page[4][];
    private byte[][][] images = new byte[4][][];
    private int[] counts = new int[4];

    int open(int dbSize) {
        if (depth == ids.length) {
            int n = depth * 2;
            ids = java.util.Arrays.copyOf(ids, n);
            sizes = java.util.Arrays.copyOf(sizes, n);
            pages = java.util.Arrays.copyOf(pages, n);
            images = java.util.Arrays.copyOf(images, n);
            counts = java.util.Arrays.copyOf(counts, n);
        }
        ids[depth] = nextId++;
        sizes[depth] = dbSize;
        counts[depth] = 0;
        if (pages[depth] == null) {
            pages[depth] = new Page[16];
            images[depth] = new byte[16][];
        }
        return depth++;
    }

    /** Keeps {@code page}'s current image in the innermost level unless it has one there already. */
    void capture(Page page) {
        if (depth == 0) {
            return;
        }
        int top = depth - 1;
        if (page.savepointId == ids[top]) {
            return;
        }
        add(top, page, page.data.clone());
        page.savepointId = ids[top];
    }

    private void add(int level, Page page, byte[] image) {
        int n = counts[level];
        if (n == pages[level].length) {
            pages[level] = java.util.Arrays.copyOf(pages[level], n * 2);
            images[level] = java.util.Arrays.copyOf(images[level], n * 2);
        }
        pages[level][n] = page;
        images[level][n] = image;
        counts[level] = n + 1;
    }

    /** Restores the images of levels {@code index..}; returns the database size when {@code index} began. */
    int rollbackTo(int index) {
        checkIndex(index);
        for (int lvl = depth - 1; lvl >= index; lvl--) {
            for (int k = 0; k < counts[lvl]; k++) {
                byte[] img = images[lvl][k];
                System.arraycopy(img, 0, pages[lvl][k].data, 0, img.length);
            }
            clearLevel(lvl);
        }
        depth = index + 1;
        ids[index] = nextId++;
        return sizes[index];
    }

    /** Closes levels {@code index..}, handing their images to level {@code index-1}. */
    void release(int index) {
        checkIndex(index);
        if (index == 0) {
            clear();
            return;
        }
        int target = index - 1;
        int targetId = ids[target];
        // Pages the target level already holds keep the target's (older) image.
        java.util.BitSet held = new java.util.BitSet();
        for (int k = 0; k < counts[target]; k++) {
            held.set(pages[target][k].pgno);
        }
        for (int lvl = index; lvl < depth; lvl++) {
            for (int k = 0; k < counts[lvl]; k++) {
                Page p = pages[lvl][k];
                if (!held.get(p.pgno)) {
                    held.set(p.pgno);
                    add(target, p, images[lvl][k]);
                }
            }
            clearLevel(lvl);
        }
        for (int k = 0; k < counts[target]; k++) {
            pages[target][k].savepointId = targetId;
        }
        depth = index;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= depth) {
            throw new IllegalArgumentException("no open savepoint " + index);
        }
    }

    private void clearLevel(int lvl) {
        java.util.Arrays.fill(pages[lvl], 0, counts[lvl], null);
        java.util.Arrays.fill(images[lvl], 0, counts[lvl], null);
        counts[lvl] = 0;
    }

    void clear() {
        for (int lvl = 0; lvl < depth; lvl++) {
            clearLevel(lvl);
        }
        depth = 0;
    }

    int depth() {
        return depth;
    }
}
