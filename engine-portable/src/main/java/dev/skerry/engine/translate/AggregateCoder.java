package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.NullsOrder;
import dev.skerry.engine.parser.ast.OrderingTerm;
import dev.skerry.engine.parser.ast.SortOrder;
import dev.skerry.engine.parser.ast.SelectCore;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.vdbe.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * An aggregate query (SQLite's aggregate paths of {@code sqlite3Select}).
 *
 * <p>Without GROUP BY: the accumulators start NULL; each row steps them, and the first row (or, with min()
 * or max() calls, the row that set the last one's extreme) copies the columns the query reads into registers;
 * after the loop {@code AggFinal} gives the results and the single output row is computed with the sources
 * reading those registers (so a bare column shows the first row's value, as SQLite 3.50 does, and NULL when
 * there was no row).
 *
 * <p>With GROUP BY: each row's group keys and needed columns go into a sorter; the sorted rows are read
 * back through a pseudo-cursor; a change of key ({@code Compare}/{@code Jump}) calls the output
 * subroutine for the group just finished and resets the accumulators; bare columns come from the group's
 * first row (or its min/max row), as without GROUP BY, and so do the GROUP BY columns themselves (under a
 * collation such as NOCASE the group's rows may differ in them); HAVING filters in the subroutine.
 *
 * <p>A call with FILTER steps only for the rows its condition accepts; with DISTINCT, only for argument
 * values not seen before in the group; with ORDER BY, its rows are filed in an ephemeral index and stepped
 * in that order just before {@code AggFinal}.
 */
final class AggregateCoder {
    private final Parse p;
    private final ExprCoder ex;
    private final Scope scope;
    private final List<SelectCoder.Item> items;
    private final List<WhereTerm> terms;
    private final boolean[] leftInner;
    private final boolean[][] needed;
    private final Output out;
    private final SelectCoder.OrderKeys keys;
    private final AggregateInfo agg = new AggregateInfo();
    /** Columns read outside aggregate arguments (bare columns), which the output needs in registers. */
    private boolean[][] bare;

    AggregateCoder(SelectCoder sc, Scope scope, List<SelectCoder.Item> items, List<WhereTerm> terms,
            boolean[] leftInner, boolean[][] needed, Output out, SelectCoder.OrderKeys keys) {
        this.p = sc.p;
        this.ex = sc.ex;
        this.scope = scope;
        this.items = items;
        this.terms = terms;
        this.leftInner = leftInner;
        this.needed = needed;
        this.out = out;
        this.keys = keys;
    }

    void compile(SelectCore.Query q) throws SqliteException {
        for (SelectCoder.Item it : items) {
            agg.collect(it.expr, p);
        }
        agg.collect(q.having(), p);
        for (Expr k : keys.exprs) {
            agg.collect(k, p);
        }
        for (Expr g : q.groupBy()) {
            if (AggregateInfo.containsAggregate(g, p) || aliasesAggregate(g)) {
                throw SqliteException.error("aggregate functions are not allowed in the GROUP BY clause");
            }
        }
        scope.aggregates = agg;
        bare = Usage.empty(scope.sources);
        for (SelectCoder.Item it : items) {
            markBare(it.expr);
        }
        markBare(q.having());
        for (Expr k : keys.exprs) {
            markBare(k);
        }
        for (AggregateInfo.Call c : agg.calls) {
            if (c.call.distinct()) {
                if (c.nArg != 1) {
                    throw SqliteException.error("DISTINCT aggregates must have exactly one argument");
                }
                c.distinctCursor = p.cursor();
                Collation coll = ExprInfo.collation(c.call.args().get(0), scope);
                c.distinctKeyInfo = KeyInfos.of(new Collation[] {coll == null ? Collation.BINARY : coll},
                        new boolean[1]);
            }
            if (!c.call.orderBy().isEmpty()) {
                orderTable(c);
            }
        }
        int[] colRegs = new int[scope.sources.size()];
        for (int i = 0; i < colRegs.length; i++) {
            colRegs[i] = p.regs(scope.sources.get(i).columnCount() + 1);
        }
        if (q.groupBy().isEmpty()) {
            simple(q, colRegs);
        } else {
            grouped(q, colRegs);
        }
    }

    private void simple(SelectCore.Query q, int[] colRegs) throws SqliteException {
        resetAccumulators();
        for (int i = 0; i < colRegs.length; i++) {
            p.v.addOp(Opcode.NULL, 0, colRegs[i], colRegs[i] + scope.sources.get(i).columnCount());
        }
        int copied = p.reg();
        p.v.addOp(Opcode.INTEGER, 0, copied);
        if (simpleCount(q)) {
            // SQLite counts the table's entries in its smallest index, whatever INDEXED BY names (isSimpleCount).
            scope.sources.get(0).indexedBy = null;
        }
        AggregateInfo.Call minMax = minMaxCall(q);
        WhereLoop w;
        if (minMax == null) {
            w = WhereLoop.begin(p, ex, scope, scope.sources, leftInner, terms, null, needed);
        } else {
            boolean max = minMax.call.name().text().equalsIgnoreCase("max");
            w = WhereLoop.beginMinMax(p, ex, scope, scope.sources, leftInner, terms,
                    new OrderingTerm(minMax.call.args().get(0), max ? SortOrder.DESC : SortOrder.ASC,
                            NullsOrder.DEFAULT), needed);
            if (!w.ordered()) {
                minMax = null;
            } else if (!max) {
                // Rows come smallest first, after the NULLs, which min() skips. When every value is NULL, the bare
                // columns are the first row's, as SQLite's second pass after its seek past the NULLs gives them.
                int notNull = p.label();
                p.v.addOp(Opcode.NOT_NULL, ex.code(minMax.call.args().get(0), scope), notNull);
                if (any(bare)) {
                    p.v.addOp(Opcode.IF, copied, w.continueLabel(), 0);
                    copyNeeded(colRegs);
                    p.v.addOp(Opcode.INTEGER, 1, copied);
                }
                p.v.addOp(Opcode.GOTO, 0, w.continueLabel());
                p.resolve(notNull);
            }
        }
        int hit = step();
        if (any(bare)) {
            int skipCopy = p.label();
            p.v.addOp(Opcode.IF, hit != 0 ? hit : copied, skipCopy, 0);
            copyNeeded(colRegs);
            p.v.addOp(Opcode.INTEGER, 1, copied);
            p.resolve(skipCopy);
        }
        if (minMax != null) {
            // The first row with a value holds the extreme (for max(), a NULL first means every value is NULL).
            p.v.addOp(Opcode.GOTO, 0, w.breakLabel());
        }
        w.end();
        output(q, colRegs);
    }

    private void grouped(SelectCore.Query q, int[] colRegs) throws SqliteException {
        List<Expr> groupBy = new ArrayList<>();
        for (int k = 0; k < q.groupBy().size(); k++) {
            groupBy.add(groupTerm(q.groupBy().get(k), k));
        }
        int nG = groupBy.size();
        Collation[] coll = new Collation[nG];
        for (int k = 0; k < nG; k++) {
            Collation c = ExprInfo.collation(groupBy.get(k), scope);
            coll[k] = c == null ? Collation.BINARY : c;
        }
        List<int[]> carried = new ArrayList<>();
        for (int i = 0; i < needed.length; i++) {
            for (int c = 0; c < needed[i].length; c++) {
                if (needed[i][c]) {
                    carried.add(new int[] {i, c});
                }
            }
        }
        int total = nG + carried.size();
        Object keyInfo = KeyInfos.of(coll, new boolean[nG]);
        int sorter = p.cursor();
        p.v.addOp(Opcode.SORTER_OPEN, sorter, total, 0, keyInfo);
        WhereLoop w = WhereLoop.begin(p, ex, scope, scope.sources, leftInner, terms, null, needed);
        p.explain("USE TEMP B-TREE FOR GROUP BY");
        int block = p.regs(total);
        for (int k = 0; k < nG; k++) {
            ex.codeTo(groupBy.get(k), scope, block + k);
        }
        for (int j = 0; j < carried.size(); j++) {
            Source s = scope.sources.get(carried.get(j)[0]);
            int c = carried.get(j)[1];
            s.load(p, c == s.columnCount() ? Source.ROWID : c, block + nG + j);
        }
        int rec = p.reg();
        p.v.addOp(Opcode.MAKE_RECORD, block, total, rec);
        p.v.addOp(Opcode.SORTER_INSERT, sorter, rec);
        w.end();

        int recReg = p.reg();
        int pseudo = p.cursor();
        p.v.addOp(Opcode.OPEN_PSEUDO, pseudo, recReg, total);
        int prev = p.regs(nG);
        int cur = p.regs(nG);
        int first = p.reg();
        int ret = p.reg();
        int end = p.label();
        int outputSub = p.label();
        int diff = p.label();
        int newGroup = p.label();
        int same = p.label();
        p.v.addOp(Opcode.INTEGER, 1, first);
        p.v.addOp(Opcode.NULL, 0, prev, prev + nG - 1);
        p.v.addOp(Opcode.SORTER_SORT, sorter, end);
        int top = p.v.currentAddress();
        p.v.addOp(Opcode.SORTER_DATA, sorter, recReg, pseudo);
        for (int k = 0; k < nG; k++) {
            p.v.addOp(Opcode.COLUMN, pseudo, k, cur + k);
        }
        p.v.addOp(Opcode.IF, first, newGroup, 0);
        p.v.addOp(Opcode.COMPARE, prev, cur, nG, keyInfo);
        p.v.addOp(Opcode.JUMP, diff, same, diff);
        p.resolve(diff);
        p.v.addOp(Opcode.GOSUB, ret, outputSub);
        int copied = p.reg();
        p.resolve(newGroup);
        p.v.addOp(Opcode.INTEGER, 0, first);
        p.v.addOp(Opcode.INTEGER, 0, copied);
        resetAccumulators();
        p.v.addOp(Opcode.COPY, cur, prev, nG - 1);
        p.resolve(same);
        for (int i = 0; i < scope.sources.size(); i++) {
            Source s = scope.sources.get(i);
            int[] fields = new int[s.columnCount()];
            int rowidField = -1;
            for (int j = 0; j < carried.size(); j++) {
                if (carried.get(j)[0] == i) {
                    int c = carried.get(j)[1];
                    if (c == s.columnCount()) {
                        rowidField = nG + j;
                    } else {
                        fields[c] = nG + j;
                    }
                }
            }
            s.readFromRecord(pseudo, fields, rowidField);
        }
        int hit = step();
        int skipCopy = p.label();
        p.v.addOp(Opcode.IF, hit != 0 ? hit : copied, skipCopy, 0);
        for (int j = 0; j < carried.size(); j++) {
            int[] sc2 = carried.get(j);
            if (bare[sc2[0]][sc2[1]]) {
                p.v.addOp(Opcode.COLUMN, pseudo, nG + j, colRegs[sc2[0]] + sc2[1]);
            }
        }
        p.v.addOp(Opcode.INTEGER, 1, copied);
        p.resolve(skipCopy);
        readFromRegisters(colRegs);
        p.v.addOp(Opcode.SORTER_NEXT, sorter, top);
        p.v.addOp(Opcode.GOSUB, ret, outputSub);
        p.v.addOp(Opcode.GOTO, 0, end);
        p.resolve(outputSub);
        finalizeAndOutput(q);
        p.v.addOp(Opcode.RETURN, ret);
        p.resolve(end);
    }

    /** A GROUP BY term: a number k is result column k, else the expression. */
    private Expr groupTerm(Expr g, int k) throws SqliteException {
        Integer number = ColumnNumbers.of(ColumnNumbers.withoutCollate(g), p.sql);
        if (number != null) {
            long c = number;
            if (c < 1 || c > items.size()) {
                throw SqliteException.error(SelectCoder.ordinal(k + 1) + " GROUP BY term out of range - should be between 1 and "
                        + items.size());
            }
            return ColumnNumbers.sameCollate(g, items.get((int) c - 1).expr);
        }
        return g;
    }

    private void resetAccumulators() {
        for (AggregateInfo.Call c : agg.calls) {
            p.v.addOp(Opcode.NULL, 0, c.accumulator);
            if (c.distinctCursor >= 0) {
                p.v.addOp(Opcode.OPEN_EPHEMERAL, c.distinctCursor, 1, 0, c.distinctKeyInfo);
            }
            if (c.orderCursor >= 0) {
                p.v.addOp(Opcode.OPEN_EPHEMERAL, c.orderCursor, c.orderKeyFields + c.nArg, 0, c.orderKeyInfo);
            }
        }
    }

    /**
     * Sets up the ORDER BY of an aggregate call (SQLite 3.44's ordered aggregates): the key fields are each
     * term (preceded by a NULL flag when its NULLs go against its direction, as in {@link Output}) and a
     * sequence number.
     */
    private void orderTable(AggregateInfo.Call c) throws SqliteException {
        List<Collation> coll = new ArrayList<>();
        List<Boolean> desc = new ArrayList<>();
        for (OrderingTerm t : c.call.orderBy()) {
            boolean d = t.order() == SortOrder.DESC;
            if (SelectCoder.bigNull(t)) {
                coll.add(Collation.BINARY);
                desc.add(d);
            }
            Collation cl = ExprInfo.collation(t.expr(), scope);
            coll.add(cl == null ? Collation.BINARY : cl);
            desc.add(d);
        }
        coll.add(Collation.BINARY);
        desc.add(false);
        boolean[] d = new boolean[desc.size()];
        for (int k = 0; k < d.length; k++) {
            d[k] = desc.get(k);
        }
        c.orderCursor = p.cursor();
        c.orderKeyFields = d.length;
        c.orderKeyInfo = KeyInfos.of(coll.toArray(new Collation[0]), d);
        c.orderSequence = p.reg();
        p.v.addOp(Opcode.INTEGER, 0, c.orderSequence);
    }

    /** Instead of stepping: files the row's sort keys, sequence number and arguments {@code args..}. */
    private void fileOrdered(AggregateInfo.Call c, int args) throws SqliteException {
        int block = p.regs(c.orderKeyFields + c.nArg);
        int f = 0;
        for (OrderingTerm t : c.call.orderBy()) {
            int flag = SelectCoder.bigNull(t) ? block + f++ : 0;
            ex.codeTo(t.expr(), scope, block + f);
            if (flag != 0) {
                p.v.addOp(Opcode.INTEGER, 0, flag);
                int notNull = p.v.addOp(Opcode.NOT_NULL, block + f, 0);
                p.v.addOp(Opcode.INTEGER, 1, flag);
                p.v.jumpHere(notNull);
            }
            f++;
        }
        p.v.addOp(Opcode.ADD_IMM, c.orderSequence, 1);
        p.v.addOp(Opcode.SCOPY, c.orderSequence, block + f);
        if (c.nArg > 0) {
            p.v.addOp(Opcode.COPY, args, block + f + 1, c.nArg - 1);
        }
        int rec = p.reg();
        p.v.addOp(Opcode.MAKE_RECORD, block, c.orderKeyFields + c.nArg, rec);
        p.v.addOp(Opcode.IDX_INSERT, c.orderCursor, rec);
    }

    /** Before {@code AggFinal}: steps the accumulator of an ordered call with its filed rows, in order. */
    private void replayOrdered(AggregateInfo.Call c) throws SqliteException {
        int end = p.label();
        int args = c.nArg == 0 ? 0 : p.regs(c.nArg);
        p.v.addOp(Opcode.REWIND, c.orderCursor, end);
        int top = p.v.currentAddress();
        for (int k = 0; k < c.nArg; k++) {
            p.v.addOp(Opcode.COLUMN, c.orderCursor, c.orderKeyFields + k, args + k);
        }
        Collation coll = argumentCollation(c);
        if (coll != null && coll != Collation.BINARY) {
            p.v.addOp(Opcode.COLL_SEQ, 0, 0, 0, coll);
        }
        p.v.addOp(Opcode.AGG_STEP, 0, args, c.accumulator, c.function, c.nArg);
        p.v.addOp(Opcode.NEXT, c.orderCursor, top);
        p.resolve(end);
    }

    private Collation argumentCollation(AggregateInfo.Call c) throws SqliteException {
        Collation coll = null;
        for (int k = 0; k < c.nArg && coll == null; k++) {
            coll = ExprInfo.collation(c.call.args().get(k), scope);
        }
        return coll;
    }

    /**
     * Steps every accumulator with the current row's arguments. When the query has min() or max() calls
     * (without ORDER BY), returns the register their {@code CollSeq} shares, which the last one stepped sets
     * to 1 when the row did not become its new extreme (the bare columns then keep the extreme row's values,
     * as SQLite's {@code updateAccumulator} does); else 0.
     */
    private int step() throws SqliteException {
        int hit = 0;
        for (AggregateInfo.Call c : agg.calls) {
            if (isMinMax(c) && hit == 0) {
                hit = p.reg();
            }
        }
        for (AggregateInfo.Call c : agg.calls) {
            int skip = p.label();
            int args = c.nArg == 0 ? 0 : p.regs(c.nArg);
            if (c.call.filter() != null) {
                ex.jumpIfFalse(c.call.filter(), scope, skip, true);
            }
            for (int k = 0; k < c.nArg; k++) {
                ex.codeTo(c.call.args().get(k), scope, args + k);
            }
            if (c.distinctCursor >= 0) {
                p.v.addOp(Opcode.FOUND, c.distinctCursor, skip, args, Integer.valueOf(1));
                int rec = p.reg();
                p.v.addOp(Opcode.MAKE_RECORD, args, 1, rec);
                p.v.addOp(Opcode.IDX_INSERT, c.distinctCursor, rec);
            }
            if (c.orderCursor >= 0) {
                fileOrdered(c, args);
                p.resolve(skip);
                continue;
            }
            Collation coll = argumentCollation(c);
            if (isMinMax(c)) {
                p.v.addOp(Opcode.COLL_SEQ, hit, 0, 0, coll == null ? Collation.BINARY : coll);
            } else if (coll != null && coll != Collation.BINARY) {
                p.v.addOp(Opcode.COLL_SEQ, 0, 0, 0, coll);
            }
            p.v.addOp(Opcode.AGG_STEP, 0, args, c.accumulator, c.function, c.nArg);
            p.resolve(skip);
        }
        return hit;
    }

    /**
     * True for {@code SELECT count(*) FROM t}: one table, no WHERE or HAVING, one result column that is the one
     * aggregate call, a plain {@code count(*)} (SQLite's {@code isSimpleCount}).
     */
    private boolean simpleCount(SelectCore.Query q) {
        if (scope.sources.size() != 1 || scope.sources.get(0).table == null || q.where() != null
                || q.having() != null || items.size() != 1 || agg.calls.size() != 1) {
            return false;
        }
        AggregateInfo.Call c = agg.calls.get(0);
        return items.get(0).expr == c.call && c.call.star() && c.call.name().text().equalsIgnoreCase("count")
                && c.call.filter() == null && c.call.over() == null;
    }

    /**
     * The call of a query SQLite's min/max optimization serves ({@code minMaxQuery}): one table, no HAVING, and
     * one aggregate call, a plain min(X) or max(X) (no DISTINCT, FILTER or ORDER BY); else null. The loop is
     * then planned in the order of X and stops at the first row with a value, when the plan gives that order.
     */
    private AggregateInfo.Call minMaxCall(SelectCore.Query q) {
        if (scope.sources.size() != 1 || q.having() != null || agg.calls.size() != 1) {
            return null;
        }
        AggregateInfo.Call c = agg.calls.get(0);
        boolean plain = !c.call.distinct() && c.call.filter() == null && c.call.orderBy().isEmpty() && !c.call.star();
        return plain && isMinMax(c) ? c : null;
    }

    /** True for a min() or max() aggregate, which tells through {@code CollSeq} whether the row set a new extreme. */
    private static boolean isMinMax(AggregateInfo.Call c) {
        String n = c.call.name().text();
        return c.nArg == 1 && c.orderCursor < 0 && (n.equalsIgnoreCase("min") || n.equalsIgnoreCase("max"));
    }

    /** Marks the columns {@code e} reads outside the arguments of its aggregate calls. */
    private void markBare(Expr e) throws SqliteException {
        if (e == null) {
            return;
        }
        if (e instanceof Expr.FunctionCall && agg.find((Expr.FunctionCall) e) != null) {
            return;
        }
        if (e instanceof Expr.ColumnRef || e instanceof Expr.Subquery || e instanceof Expr.Exists
                || e instanceof Expr.InSelect) {
            Usage.mark(e, scope, scope.sources, bare);
            if (!(e instanceof Expr.InSelect)) {
                return;
            }
        }
        for (Expr child : Exprs.children(e)) {
            markBare(child);
        }
    }

    private void copyNeeded(int[] colRegs) throws SqliteException {
        for (int i = 0; i < bare.length; i++) {
            Source s = scope.sources.get(i);
            for (int c = 0; c < bare[i].length; c++) {
                if (bare[i][c]) {
                    s.load(p, c == s.columnCount() ? Source.ROWID : c, colRegs[i] + c);
                }
            }
        }
    }

    private static boolean any(boolean[][] marks) {
        for (boolean[] m : marks) {
            for (boolean b : m) {
                if (b) {
                    return true;
                }
            }
        }
        return false;
    }

    private void readFromRegisters(int[] colRegs) {
        for (int i = 0; i < colRegs.length; i++) {
            Source s = scope.sources.get(i);
            int[] regs = new int[s.columnCount()];
            for (int c = 0; c < regs.length; c++) {
                regs[c] = colRegs[i] + c;
            }
            s.readFromRegisters(regs, colRegs[i] + s.columnCount());
        }
    }

    private void output(SelectCore.Query q, int[] colRegs) throws SqliteException {
        readFromRegisters(colRegs);
        finalizeAndOutput(q);
    }

    private void finalizeAndOutput(SelectCore.Query q) throws SqliteException {
        if (out.sorts()) {
            p.explain("USE TEMP B-TREE FOR ORDER BY");
        }
        for (AggregateInfo.Call c : agg.calls) {
            if (c.orderCursor >= 0) {
                replayOrdered(c);
            }
            p.v.addOp(Opcode.AGG_FINAL, c.accumulator, c.nArg, 0, c.function);
        }
        agg.output = true;
        int skip = p.label();
        if (q.having() != null) {
            ex.jumpIfFalse(q.having(), scope, skip, true);
        }
        int regs = p.regs(items.size());
        for (int i = 0; i < items.size(); i++) {
            ex.codeTo(items.get(i).expr, scope, regs + i);
        }
        out.row(regs, scope, skip);
        p.resolve(skip);
    }

    /** True when {@code e} names a result-column alias whose expression holds an aggregate (subqueries aside). */
    private boolean aliasesAggregate(Expr e) throws SqliteException {
        if (e instanceof Expr.ColumnRef) {
            Scope.Resolved r = scope.resolve((Expr.ColumnRef) e);
            return r.isAlias() && (AggregateInfo.containsAggregate(r.aliasExpr, p) || aliasesAggregate(r.aliasExpr));
        }
        for (Expr c : Exprs.children(e)) {
            if (aliasesAggregate(c)) {
                return true;
            }
        }
        return false;
    }
}
