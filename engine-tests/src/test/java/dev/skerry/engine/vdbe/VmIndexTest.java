package dev.skerry.engine.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.engine.btree.KeyInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Index b-trees through the VM: IdxInsert, the four seeks with duplicate keys, Idx* range ends, Found,
 * IdxDelete, IdxRowid and DeferredSeek; every range compared with SQLite answering the same question.
 */
class VmIndexTest extends VmTestBase {
    private static final int ROWS = 400;
    private int tableRoot;
    private int indexRoot;

    /** v of row r (rowid r): many duplicates, some NULLs, text for a few rows. */
    private static Object v(int r) {
        if (r % 37 == 0) {
            return null;
        }
        if (r % 53 == 0) {
            return "s" + (r % 5);
        }
        return (long) ((r * 7) % 50);
    }

    private static String[] sqliteSetup() {
        List<String> s = new ArrayList<>();
        s.add("CREATE TABLE t(v, w)");
        s.add("CREATE INDEX tv ON t(v)");
        for (int r = 1; r <= ROWS; r++) {
            Object x = v(r);
            s.add("INSERT INTO t(rowid, v, w) VALUES(" + r + ", " + (x instanceof String ? "'" + x + "'" : String.valueOf(x))
                    + ", " + (r * 10) + ")");
        }
        return s.toArray(new String[0]);
    }

    @BeforeEach
    void build() throws Exception {
        ProgramBuilder b = new ProgramBuilder();
        int prologue = b.makeLabel();
        b.addOp(Opcode.INIT, 0, prologue);
        int body = b.currentAddress();
        int roots = b.allocRegisters(2);
        int cols = b.allocRegisters(2);
        int key = b.allocRegisters(2);
        int rec = b.allocRegister();
        int rowid = b.allocRegister();
        int out = b.allocRegisters(2);
        int t = b.allocCursor();
        int i = b.allocCursor();
        b.addOp(Opcode.CREATE_BTREE, 0, roots, Opcode.BTREE_INTKEY);
        b.addOp(Opcode.CREATE_BTREE, 0, roots + 1, Opcode.BTREE_BLOBKEY);
        b.addOp(Opcode.OPEN_WRITE, t, roots, 0, 2, Opcode.OPFLAG_P2ISREG);
        b.addOp(Opcode.OPEN_WRITE, i, roots + 1, 0, KeyInfo.binary(1), Opcode.OPFLAG_P2ISREG);
        for (int r = 1; r <= ROWS; r++) {
            load(b, v(r), cols);
            b.addInteger(r * 10L, cols + 1);
            b.addInteger(r, rowid);
            b.addOp(Opcode.MAKE_RECORD, cols, 2, rec);
            b.addOp(Opcode.INSERT, t, rec, rowid);
            b.addOp(Opcode.SCOPY, cols, key);
            b.addOp(Opcode.SCOPY, rowid, key + 1);
            b.addOp(Opcode.MAKE_RECORD, key, 2, rec);
            b.addOp(Opcode.IDX_INSERT, i, rec);
        }
        b.addOp(Opcode.RESULT_ROW, roots, 2);
        b.addOp(Opcode.HALT);
        b.resolveLabel(prologue);
        b.addOp(Opcode.TRANSACTION, 0, Opcode.TXN_WRITE);
        b.addOp(Opcode.GOTO, 0, body);
        b.setResultColumns(new String[] {"t", "i"}, new String[] {null, null});
        List<List<Object>> roots2 = run(b.finish());
        tableRoot = ((Long) roots2.get(0).get(0)).intValue();
        indexRoot = ((Long) roots2.get(0).get(1)).intValue();
    }

    /**
     * Rows (rowid, w) of an index range scan: seek with {@code seekOp} to {@code lo}, stop when {@code endOp}
     * says the entry passed {@code hi} (endOp -1: no end), moving with Next or Prev; w via DeferredSeek.
     */
    private Program range(int seekOp, Object lo, int endOp, Object hi, boolean backwards) {
        ProgramBuilder b = new ProgramBuilder();
        int prologue = b.makeLabel();
        b.addOp(Opcode.INIT, 0, prologue);
        int body = b.currentAddress();
        int k1 = b.allocRegister();
        int k2 = b.allocRegister();
        int out = b.allocRegisters(2);
        int t = b.allocCursor();
        int i = b.allocCursor();
        b.addOp(Opcode.OPEN_READ, t, tableRoot, 0, 2);
        b.addOp(Opcode.OPEN_READ, i, indexRoot, 0, KeyInfo.binary(1));
        load(b, lo, k1);
        load(b, hi, k2);
        int end = b.makeLabel();
        b.addOp(seekOp, i, end, k1, 1);
        int loop = b.currentAddress();
        if (endOp >= 0) {
            b.addOp(endOp, i, end, k2, 1);
        }
        b.addOp(Opcode.DEFERRED_SEEK, i, 0, t);
        b.addOp(Opcode.IDX_ROWID, i, out);
        b.addOp(Opcode.COLUMN, t, 1, out + 1);
        b.addOp(Opcode.RESULT_ROW, out, 2);
        b.addOp(backwards ? Opcode.PREV : Opcode.NEXT, i, loop);
        b.resolveLabel(end);
        b.addOp(Opcode.HALT);
        b.resolveLabel(prologue);
        b.addOp(Opcode.TRANSACTION, 0, Opcode.TXN_READ);
        b.addOp(Opcode.GOTO, 0, body);
        b.setResultColumns(new String[] {"rowid", "w"}, new String[] {null, null});
        return b.finish();
    }

    @Test
    void seeksAndRangeEndsMatchSqlite() throws Exception {
        String[] setup = sqliteSetup();
        Object[] keys = {-1L, 0L, 7L, 13L, 49L, 50L, 20.5, "s2", "zz"};
        StringBuilder expected = new StringBuilder();
        StringBuilder actual = new StringBuilder();
        for (Object k : keys) {
            String lit = k instanceof String ? "'" + k + "'" : k.toString();
            String[][] cases = {
                {"v >= " + lit + " ORDER BY v, rowid", String.valueOf(Opcode.SEEK_GE), "-1", "f"},
                {"v > " + lit + " ORDER BY v, rowid", String.valueOf(Opcode.SEEK_GT), "-1", "f"},
                {"v <= " + lit + " AND v IS NOT NULL ORDER BY v DESC, rowid DESC", String.valueOf(Opcode.SEEK_LE), "-1", "b"},
                {"v < " + lit + " AND v IS NOT NULL ORDER BY v DESC, rowid DESC", String.valueOf(Opcode.SEEK_LT), "-1", "b"},
                {"v = " + lit + " ORDER BY rowid", String.valueOf(Opcode.SEEK_GE), String.valueOf(Opcode.IDX_GT), "f"},
                {"v >= " + lit + " AND v < 30 ORDER BY v, rowid", String.valueOf(Opcode.SEEK_GE), String.valueOf(Opcode.IDX_GE), "f30"},
            };
            for (String[] c : cases) {
                String q = "SELECT rowid, w FROM t WHERE " + c[0];
                expected.append(q).append('\n').append(show(sqlite(q, setup)));
                Object hi = c[3].equals("f30") ? (Object) 30L : k;
                List<List<Object>> got = run(range(Integer.parseInt(c[1]), k, Integer.parseInt(c[2]), hi, c[3].equals("b")));
                if (c[3].equals("b")) {
                    // The index orders NULLs first; SQLite's query excludes them, so the backward scan stops there.
                    got.removeIf(row -> v(((Long) row.get(0)).intValue()) == null);
                }
                actual.append(q).append('\n').append(show(got));
            }
        }
        assertEquals(expected.toString(), actual.toString());
    }

    @Test
    void foundAndIdxDeleteWorkOnTheIndex() throws Exception {
        ProgramBuilder b = new ProgramBuilder();
        int prologue = b.makeLabel();
        b.addOp(Opcode.INIT, 0, prologue);
        int body = b.currentAddress();
        int key = b.allocRegisters(2);
        int out = b.allocRegister();
        int i = b.allocCursor();
        b.addOp(Opcode.OPEN_WRITE, i, indexRoot, 0, KeyInfo.binary(1));
        // Delete every entry of v = 7, then count what Found sees.
        for (int r = 1; r <= ROWS; r++) {
            if (Long.valueOf(7).equals(v(r))) {
                b.addInteger(7, key);
                b.addInteger(r, key + 1);
                b.addOp(Opcode.IDX_DELETE, i, key, 2);
            }
        }
        long[] probes = {7, 14, 51};
        for (long p : probes) {
            b.addInteger(p, key);
            b.addOp(Opcode.INTEGER, 0, out);
            int miss = b.makeLabel();
            b.addOp(Opcode.NOT_FOUND, i, miss, key, 1);
            b.addOp(Opcode.INTEGER, 1, out);
            b.resolveLabel(miss);
            b.addOp(Opcode.RESULT_ROW, out, 1);
        }
        b.addOp(Opcode.COUNT, i, out);
        b.addOp(Opcode.RESULT_ROW, out, 1);
        b.addOp(Opcode.HALT);
        b.resolveLabel(prologue);
        b.addOp(Opcode.TRANSACTION, 0, Opcode.TXN_WRITE);
        b.addOp(Opcode.GOTO, 0, body);
        b.setResultColumns(new String[] {"x"}, new String[] {null});
        long sevens = 0;
        for (int r = 1; r <= ROWS; r++) {
            if (Long.valueOf(7).equals(v(r))) {
                sevens++;
            }
        }
        assertEquals(List.of(List.of(0L), List.of(1L), List.of(0L), List.of(ROWS - sevens)), run(b.finish()));
    }
}
