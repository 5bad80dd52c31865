package dev.skerry.engine.btree;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.pager.DbHeader;
import dev.skerry.engine.pager.Page;
import dev.skerry.engine.pager.Pager;
import dev.skerry.engine.record.RecordReader;
import dev.skerry.engine.record.Varint;

/**
 * Access to the payload of one cell: a view straight into the page when the payload is all local, or a
 * buffer assembled from the local part and the overflow chain. Re-callable: reading an overflow page that
 * is not resident throws {@link IoPending} and changes nothing the caller relies on (the buffer is only
 * scratch). Also walks overflow chains to list their pages (for freeing and prefetching).
 */
final class Payload {
    private final Pager pager;
    private final BtPage geo;
    private byte[] buf = new byte[256];
    /** Where the payload is: {@code bytes[offset .. offset+size)}. */
    byte[] bytes;
    int offset;
    int size;

    Payload(Pager pager, BtPage geo) {
        this.pager = pager;
        this.geo = geo;
    }

    /** Loads the payload of the cell at {@code c} of a page of {@code type} (not a table interior). */
    void load(byte[] d, int c, int type) throws IoPending, SqliteException {
        int p = c;
        if (type == BtPage.INTERIOR_INDEX) {
            p += 4;
        }
        long total = Varint.read(d, p);
        p += Varint.sizeAt(d, p);
        if (type == BtPage.LEAF_TABLE) {
            p += Varint.sizeAt(d, p);
        }
        int local = geo.localSize(total, type == BtPage.LEAF_TABLE);
        if (total == local) {
            bytes = d;
            offset = p;
            size = local;
            return;
        }
        if (total > Integer.MAX_VALUE - 64) {
            throw SqliteException.corrupt("payload size " + total);
        }
        int n = (int) total;
        if (buf.length < n) {
            buf = new byte[Math.max(n, buf.length * 2)];
        }
        System.arraycopy(d, p, buf, 0, local);
        int got = local;
        int ovfl = DbHeader.get4(d, p + local);
        int per = geo.usable - 4;
        while (got < n) {
            if (ovfl < 2 || ovfl > pager.pageCount()) {
                throw SqliteException.corrupt("overflow page " + ovfl + " out of range");
            }
            Page o = pager.getPage(ovfl);
            int k = Math.min(per, n - got);
            System.arraycopy(o.data(), 4, buf, got, k);
            got += k;
            ovfl = DbHeader.get4(o.data(), 0);
        }
        bytes = buf;
        offset = 0;
        size = n;
    }

    /** Points {@code reader} at the loaded payload. */
    void view(RecordReader reader) {
        reader.reset(bytes, offset, size);
    }

    /** The first overflow page of the cell at {@code c}, or 0 when its payload is all local. */
    int firstOverflow(byte[] d, int c, int type) {
        if (type == BtPage.INTERIOR_TABLE) {
            return 0;
        }
        int p = c;
        if (type == BtPage.INTERIOR_INDEX) {
            p += 4;
        }
        long total = Varint.read(d, p);
        p += Varint.sizeAt(d, p);
        if (type == BtPage.LEAF_TABLE) {
            p += Varint.sizeAt(d, p);
        }
        int local = geo.localSize(total, type == BtPage.LEAF_TABLE);
        return total == local ? 0 : DbHeader.get4(d, p + local);
    }

    /** The number of overflow pages a payload of {@code total} bytes needs. */
    int overflowPages(long total, boolean tableLeaf) {
        int local = geo.localSize(total, tableLeaf);
        if (total == local) {
            return 0;
        }
        int per = geo.usable - 4;
        return (int) ((total - local + per - 1) / per);
    }
}
