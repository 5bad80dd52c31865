package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.SelectCore;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.vdbe.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * An aggregate query (SQLite's aggregate paths of {@code sqlite3Select}).
 *
 * <p>Without GROUP BY: the accumulators start NULL; each row steps them, and the first row (or, with exactly
 * one min() or max(), the row that set the extreme) copies the columns the query reads into registers;
 * after the loop {@code AggFinal} gives the results and the single output row is computed with the sources
 * reading those registers (so a bare column shows the first row's value, as SQLite 3.50 does, and NULL when
 * there was no row).
 *
 * <p>With GROUP BY: each row's group keys and needed columns go into a sorter; the sorted rows are read
 * back through a pseudo-cursor; a change of key ({@code Compare}/{@code Jump}) calls the output
 * subroutine for the group just finished and resets the accumulators; bare columns come from the group's
 * first row (or its min/max row), as without GROUP BY; HAVING filters in the subroutine.
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
        WhereLoop w = WhereLoop.begin(p, ex, scope, scope.sources, leftInner, terms, null, needed);
        int hit = step();
        if (any(bare)) {
            int skipCopy = p.label();
            p.v.addOp(Opcode.IF, hit != 0 ? hit : copied, skipCopy, 0);
            copyNeeded(colRegs);
            p.v.addOp(Opcode.INTEGER, 1, copied);
            p.resolve(skipCopy);
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
        keysFromFirstRow(groupBy, prev);
        p.v.addOp(Opcode.SORTER_NEXT, sorter, top);
        p.v.addOp(Opcode.GOSUB, ret, outputSub);
        p.v.addOp(Opcode.GOTO, 0, end);
        p.resolve(outputSub);
        finalizeAndOutput(q);
        p.v.addOp(Opcode.RETURN, ret);
        p.resolve(end);
    }

    /**
     * A column that is itself a GROUP BY term reads the group's key, which is the first row's value (it can
     * differ from later rows' under a collation such as NOCASE), as SQLite's output does.
     */
    private void keysFromFirstRow(List<Expr> groupBy, int prev) throws SqliteException {
        for (int k = 0; k < groupBy.size(); k++) {
            Expr g = groupBy.get(k);
            if (!(g instanceof Expr.ColumnRef)) {
                continue;
            }
            Scope.Resolved r = scope.resolve((Expr.ColumnRef) g);
            if (r.isColumn() && scope.sources.contains(r.source) && !r.source.isRowid(r.column)) {
                r.source.readRegisterOverride(r.column, prev + k);
            }
        }
    }

    /** A GROUP BY term: a number k is result column k, else the expression. */
    private Expr groupTerm(Expr g, int k) throws SqliteException {
        if (g instanceof Expr.Literal && ((Expr.Literal) g).kind() == Expr.LiteralKind.INTEGER) {
            Object v = Literals.value((Expr.Literal) g, p.sql, false);
            long c = v instanceof Long ? (Long) v : 0;
            if (c < 1 || c > items.size()) {
                throw SqliteException.error(SelectCoder.ordinal(k + 1) + " GROUP BY term out of range - should be between 1 and "
                        + items.size());
            }
            return items.get((int) c - 1).expr;
        }
        return g;
    }

    private void resetAccumulators() {
        for (AggregateInfo.Call c : agg.calls) {
            p.v.addOp(Opcode.NULL, 0, c.accumulator);
            if (c.distinctCursor >= 0) {
                p.v.addOp(Opcode.OPEN_EPHEMERAL, c.distinctCursor, 1, 0, c.distinctKeyInfo);
            }
        }
    }

    /**
     * Steps every accumulator with the current row's arguments. When the query has exactly one min() or
     * max(), returns the register its {@code CollSeq} sets to 1 when the row did not become the new extreme
     * (the bare columns then keep the extreme row's values, as SQLite documents); else 0.
     */
    private int step() throws SqliteException {
        AggregateInfo.Call minMax = null;
        int minMaxCount = 0;
        for (AggregateInfo.Call c : agg.calls) {
            String n = c.call.name().text();
            if (c.nArg == 1 && (n.equalsIgnoreCase("min") || n.equalsIgnoreCase("max"))) {
                minMax = c;
                minMaxCount++;
            }
        }
        int hit = minMaxCount == 1 ? p.reg() : 0;
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
            Collation coll = null;
            for (int k = 0; k < c.nArg && coll == null; k++) {
                coll = ExprInfo.collation(c.call.args().get(k), scope);
            }
            if (c == minMax && hit != 0) {
                p.v.addOp(Opcode.COLL_SEQ, hit, 0, 0, coll == null ? Collation.BINARY : coll);
            } else if (coll != null && coll != Collation.BINARY) {
                p.v.addOp(Opcode.COLL_SEQ, 0, 0, 0, coll);
            }
            p.v.addOp(Opcode.AGG_STEP, 0, args, c.accumulator, c.function, c.nArg);
            p.resolve(skip);
        }
        return hit;
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

    private void copyNeeded(int[] colRegs) {
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
