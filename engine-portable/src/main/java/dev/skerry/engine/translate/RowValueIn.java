package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.value.Affinity;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.vdbe.Opcode;
import java.util.List;

/**
 * {@code (a, b, ...) [NOT] IN (SELECT x, y, ...)} (also the VALUES query the parser makes of
 * {@code (a, b) IN ((1, 2), (3, 4))}), as SQLite's {@code sqlite3ExprCodeIN} for a vector left side.
 *
 * <p>The subquery's rows go into an ephemeral index keyed on all their columns (built once unless the subquery
 * refers to the enclosing query), each column with the comparison affinity of the left value and the
 * subquery's column and the left value's collation (else the column's). The result is SQLite's (its
 * {@code in-operator.md}): false for an empty subquery; true when some row equals the left side in every
 * column; otherwise NULL when some row's comparison is NULL (no column definitely unequal, a NULL on either
 * side), else false. The index answers when the left side has no NULL (a hit is true; a miss is false when
 * the subquery gave no NULL); the other cases scan the rows.
 */
final class RowValueIn {
    private RowValueIn() {
    }

    static void code(SelectCoder selects, Expr.InSelect in, List<Expr> lhs, Scope scope, int target)
            throws SqliteException {
        Parse p = selects.p;
        int n = lhs.size();
        int eph = p.cursor();
        int hasNull = p.reg();
        int count = p.reg();
        int once = p.v.addOp(Opcode.ONCE, 0, 0);
        int open = p.v.addOp(Opcode.OPEN_EPHEMERAL, eph, n, 0, null);
        p.v.addOp(Opcode.INTEGER, 0, hasNull);
        p.v.addOp(Opcode.INTEGER, 0, count);
        int[] makeRecord = new int[1];
        SelectCoder.ResultInfo info = p.explainSubquery("LIST SUBQUERY", in.select(),
                () -> selects.compile(in.select(), scope, (first, cnt) -> {
            if (cnt != n) {
                throw SqliteException.error("sub-select returns " + cnt + " columns - expected " + n);
            }
            p.v.addOp(Opcode.ADD_IMM, count, 1);
            for (int i = 0; i < n; i++) {
                int notNull = p.v.addOp(Opcode.NOT_NULL, first + i, 0);
                p.v.addOp(Opcode.INTEGER, 1, hasNull);
                p.v.jumpHere(notNull);
            }
            int rec = p.reg();
            makeRecord[0] = p.v.addOp(Opcode.MAKE_RECORD, first, n, rec, null);
            p.v.addOp(Opcode.IDX_INSERT, eph, rec);
        }));
        char[] aff = new char[n];
        Collation[] coll = new Collation[n];
        for (int i = 0; i < n; i++) {
            char a = ExprInfo.combine(ExprInfo.affinity(lhs.get(i), scope), info.affinities[i]);
            aff[i] = (char) (a & Opcode.AFF_MASK) <= Affinity.BLOB ? Affinity.BLOB : (char) (a & Opcode.AFF_MASK);
            Collation c = ExprInfo.collation(lhs.get(i), scope);
            if (c == null && !ExprInfo.hasExplicitCollate(lhs.get(i))) {
                c = info.collations[i];
            }
            coll[i] = c == null ? Collation.BINARY : c;
        }
        String affinities = new String(aff);
        if (makeRecord[0] != 0) {
            p.v.changeP4(makeRecord[0], affinities);
        }
        p.v.changeP4(open, KeyInfos.of(coll, new boolean[n]));
        selects.finishOnce(once, info, in.select());

        int key = p.regs(n);
        for (int i = 0; i < n; i++) {
            selects.ex.codeTo(lhs.get(i), scope, key + i);
        }
        p.v.addOp(Opcode.AFFINITY, key, n, 0, affinities);
        int found = p.label();
        int scan = p.label();
        int done = p.label();
        p.v.addOp(Opcode.INTEGER, in.not() ? 1 : 0, target);
        p.v.addOp(Opcode.IF_NOT, count, done, 0);
        for (int i = 0; i < n; i++) {
            p.v.addOp(Opcode.IS_NULL, key + i, scan);
        }
        p.v.addOp(Opcode.FOUND, eph, found, key, Integer.valueOf(n));
        p.v.addOp(Opcode.IF_NOT, hasNull, done, 0);
        p.resolve(scan);
        scanRows(p, eph, key, n, coll, found, target, done);
        p.resolve(found);
        p.v.addOp(Opcode.INTEGER, in.not() ? 0 : 1, target);
        p.resolve(done);
    }

    /**
     * The full scan: jumps to {@code found} at a row equal in every column; after the last row sets
     * {@code target} to NULL when a row's comparison was NULL; then goes to {@code done}.
     */
    private static void scanRows(Parse p, int eph, int key, int n, Collation[] coll, int found, int target,
            int done) {
        int sawNull = p.reg();
        int rowNull = p.reg();
        int col = p.reg();
        int end = p.label();
        p.v.addOp(Opcode.INTEGER, 0, sawNull);
        p.v.addOp(Opcode.REWIND, eph, end);
        int top = p.v.currentAddress();
        int nextRow = p.label();
        int rowIsNull = p.label();
        p.v.addOp(Opcode.INTEGER, 0, rowNull);
        for (int i = 0; i < n; i++) {
            int isNull = p.label();
            int next = p.label();
            p.v.addOp(Opcode.COLUMN, eph, i, col);
            p.v.addOp(Opcode.IS_NULL, col, isNull);
            p.v.addOp(Opcode.IS_NULL, key + i, isNull);
            p.v.addOp(Opcode.NE, col, nextRow, key + i, coll[i], 0);
            p.v.addOp(Opcode.GOTO, 0, next);
            p.resolve(isNull);
            p.v.addOp(Opcode.INTEGER, 1, rowNull);
            p.resolve(next);
        }
        p.v.addOp(Opcode.IF, rowNull, rowIsNull, 0);
        p.v.addOp(Opcode.GOTO, 0, found);
        p.resolve(rowIsNull);
        p.v.addOp(Opcode.INTEGER, 1, sawNull);
        p.resolve(nextRow);
        p.v.addOp(Opcode.NEXT, eph, top);
        p.resolve(end);
        p.v.addOp(Opcode.IF_NOT, sawNull, done, 0);
        p.v.addOp(Opcode.NULL, 0, target);
        p.v.addOp(Opcode.GOTO, 0, done);
    }
}
