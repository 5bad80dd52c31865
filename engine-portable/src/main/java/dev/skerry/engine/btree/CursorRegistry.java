package dev.skerry.engine.btree;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.pager.Pager;

/**
 * The open cursors of one database, kept so that a change through one cursor can first park every other
 * cursor on the same tree (SQLite's saveAllCursors): each saves the key of its entry and becomes
 * REQUIRESEEK, to find its place again after the tree changed. Invariant: a cursor is listed from its
 * construction until {@link BTreeCursor#close()}. Held by the pager ({@link Pager#btreeShared()}).
 */
final class CursorRegistry {
    private BTreeCursor[] cursors = new BTreeCursor[8];
    private int n;

    static CursorRegistry of(Pager pager) {
        Object o = pager.btreeShared();
        if (o instanceof CursorRegistry) {
            return (CursorRegistry) o;
        }
        CursorRegistry r = new CursorRegistry();
        pager.setBtreeShared(r);
        return r;
    }

    void add(BTreeCursor c) {
        if (n == cursors.length) {
            cursors = java.util.Arrays.copyOf(cursors, n * 2);
        }
        cursors[n++] = c;
    }

    void remove(BTreeCursor c) {
        for (int i = 0; i < n; i++) {
            if (cursors[i] == c) {
                cursors[i] = cursors[--n];
                cursors[n] = null;
                return;
            }
        }
    }

    /** Parks every cursor other than {@code writer} that is positioned in the tree rooted at {@code root}. */
    void saveOthers(BTreeCursor writer, int root) throws IoPending, SqliteException {
        for (int i = 0; i < n; i++) {
            BTreeCursor c = cursors[i];
            if (c != writer && c.root == root) {
                c.saveForChange();
            }
        }
    }
}
