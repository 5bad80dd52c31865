package dev.skerry.engine.btree;

/**
 * A database file being built in memory, page by page: VACUUM's new image, written out whole once complete
 * (into the database's own write transaction, or to the VACUUM INTO file). No I/O and no transaction: pages
 * are plain buffers, zero-filled when allocated, numbered from 1 in allocation order.
 *
 * <p>Invariants: pages {@code 1..pageCount()} exist; page 1 is allocated at construction; the page holding
 * the lock bytes at offset 2^30 (SQLite's pending-byte page) is never handed out and stays zero.
 */
public final class PageImage {
    private final int pageSize;
    private final int usableSize;
    private byte[][] pages = new byte[64][];
    private int count;

    /** An image of one zeroed page 1, for pages of {@code pageSize} bytes with {@code reserved} unused at each end. */
    public PageImage(int pageSize, int reserved) {
        this.pageSize = pageSize;
        this.usableSize = pageSize - reserved;
        add();
    }

    public int pageSize() {
        return pageSize;
    }

    public int usableSize() {
        return usableSize;
    }

    /** The number of pages so far. */
    public int pageCount() {
        return count;
    }

    /** The bytes of page {@code pgno} (1..{@link #pageCount()}). */
    public byte[] page(int pgno) {
        return pages[pgno];
    }

    /** A new zeroed page at the end of the image; returns its number. */
    public int allocate() {
        int pgno = add();
        if (pgno == pendingBytePage()) {
            pgno = add();
        }
        return pgno;
    }

    /** The page SQLite never uses: the one holding the lock bytes at offset 2^30. */
    public int pendingBytePage() {
        return (int) (0x40000000L / pageSize) + 1;
    }

    private int add() {
        count++;
        if (count == pages.length) {
            pages = java.util.Arrays.copyOf(pages, count * 2);
        }
        pages[count] = new byte[pageSize];
        return count;
    }
}
