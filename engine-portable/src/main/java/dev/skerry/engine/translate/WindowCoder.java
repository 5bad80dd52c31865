package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.func.FunctionDef;
import dev.skerry.engine.func.WindowFunctions;
import dev.skerry.engine.func.WindowSpec;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.OrderingTerm;
import dev.skerry.engine.parser.ast.SelectCore;
import dev.skerry.engine.parser.ast.SortOrder;
import dev.skerry.engine.parser.ast.WindowDef;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.vdbe.Opcode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A query core with window functions (SQLite's {@code window.c} and {@code sqlite3WindowRewrite}).
 *
 * <p>Shape of the generated code, as SQLite's rewrite into a subquery gives it:
 * <ol>
 *   <li>The <em>inner</em> phase is the query without its window functions: FROM, WHERE, GROUP BY and
 *       HAVING as usual, each row (or group) producing the <em>columns</em>: the parts of the result and
 *       ORDER BY expressions that contain no window function, every window's PARTITION BY and ORDER BY
 *       terms, and every window function's arguments and FILTER condition.</li>
 *   <li>One <em>stage</em> per distinct window, the windows taken in the reverse of the order they first
 *       appear (so the rows come out in the order of the first window, as SQLite's nested rewrite gives).
 *       A stage sorts its input rows by PARTITION BY then ORDER BY (a stable sort), buffers each partition
 *       in an ephemeral table, computes the window's functions with the {@code Window} instruction, and
 *       passes the rows on, each now carrying those values.</li>
 *   <li>The last stage sends each row to the query's {@link Output}: the result expressions are evaluated
 *       with their window calls and window-free parts read from the row ({@link ComputedExprs}).</li>
 * </ol>
 * A row between stages is the columns followed by one value per window function call (NULL until its
 * stage ran); in a stage's records it is preceded by the stage's sort keys.
 */
final class WindowCoder {
    /** One window function call. */
    private static final class Call {
        final Expr.FunctionCall fc;
        final int kind;
        final FunctionDef aggregate;
        final Window window;
        /** The column of the first argument, of the FILTER condition (or -1), and the index of the value. */
        int argColumn;
        /** The row field of the first argument's subtype ({@code GetSubtype}), or -1 when no argument can have one. */
        int subtypeColumn = -1;
        /** The row field of the subtype of the call's value ({@code SetSubtype} at the output), or -1. */
        int resultSubtypeColumn = -1;
        int filterColumn = -1;
        int result;

        Call(Expr.FunctionCall fc, int kind, FunctionDef aggregate, Window window) {
            this.fc = fc;
            this.kind = kind;
            this.aggregate = aggregate;
            this.window = window;
        }
    }

    /** One distinct window and the cursors and registers of its stage. */
    private static final class Window {
        /** The window; an imposed frame gives way to the same frame written out (it has the offsets). */
        WindowDefs.Resolved def;
        final List<Call> calls = new ArrayList<>();
        int keyColumn;
        int sorter;
        int buffer;
        int startOffset;
        int endOffset;

        Window(WindowDefs.Resolved def) {
            this.def = def;
        }

        /** The sort key fields: PARTITION BY terms, then each ORDER BY term preceded by its NULL flag if it has one. */
        int nKeys() {
            int n = def.partition.size() + def.order.size();
            for (OrderingTerm t : def.order) {
                if (SelectCoder.bigNull(t)) {
                    n++;
                }
            }
            return n;
        }
    }

    private final SelectCoder sc;
    private final Parse p;
    private final ExprCoder ex;
    private final SelectCore.Query q;
    private final List<SelectCoder.Item> items;
    private final SelectCoder.OrderKeys keys;
    private final List<Call> calls = new ArrayList<>();
    private final List<Window> windows = new ArrayList<>();
    /** The columns computed by the inner phase. */
    private final List<Expr> columns = new ArrayList<>();
    /** Columns then one value per call: the width of a row between stages. */
    private int rowWidth;

    private WindowCoder(SelectCoder sc, SelectCore.Query q, List<SelectCoder.Item> items,
            SelectCoder.OrderKeys keys) {
        this.sc = sc;
        this.p = sc.p;
        this.ex = sc.ex;
        this.q = q;
        this.items = items;
        this.keys = keys;
    }

    /**
     * The window functions of a query core, or null when it has none. Checks SQLite's rules: no window
     * function in WHERE, GROUP BY, HAVING, or inside an aggregate's or a window function's operands.
     */
    static WindowCoder find(SelectCoder sc, SelectCore.Query q, List<SelectCoder.Item> items,
            SelectCoder.OrderKeys keys) throws SqliteException {
        WindowCoder w = new WindowCoder(sc, q, items, keys);
        for (SelectCoder.Item it : items) {
            w.collect(it.expr);
        }
        for (Expr k : keys.exprs) {
            w.collect(k);
        }
        checkAbsent(q.where());
        for (Expr g : q.groupBy()) {
            checkAbsent(g);
        }
        checkAbsent(q.having());
        return w.calls.isEmpty() ? null : w;
    }

    private static boolean isWindowCall(Expr e) {
        return e instanceof Expr.FunctionCall && ((Expr.FunctionCall) e).over() != null;
    }

    /** The first window call in {@code e} (pre-order, not inside subqueries), or null. */
    private static Expr.FunctionCall firstWindowCall(Expr e) {
        if (e == null) {
            return null;
        }
        if (isWindowCall(e)) {
            return (Expr.FunctionCall) e;
        }
        for (Expr c : Exprs.children(e)) {
            Expr.FunctionCall f = firstWindowCall(c);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** True when {@code e} calls a window function (not looking into subqueries). */
    static boolean hasWindowCall(Expr e) {
        return firstWindowCall(e) != null;
    }

    /** True when {@code e} calls a window function directly or through a result column's alias. */
    private static boolean hasWindowCall(Expr e, Scope scope) throws SqliteException {
        if (isWindowCall(e) || isWindowAlias(e, scope)) {
            return true;
        }
        for (Expr c : Exprs.children(e)) {
            if (hasWindowCall(c, scope)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWindowAlias(Expr e, Scope scope) throws SqliteException {
        if (!(e instanceof Expr.ColumnRef) || ((Expr.ColumnRef) e).table() != null) {
            return false;
        }
        Scope.Resolved r = scope.resolve((Expr.ColumnRef) e);
        return r.isAlias() && hasWindowCall(r.aliasExpr);
    }

    /** Window definitions see the FROM clause's columns, not the result columns' aliases (SQLite's rule). */
    private static void checkNoAlias(Expr e, Scope scope) throws SqliteException {
        if (e instanceof Expr.ColumnRef && ((Expr.ColumnRef) e).table() == null
                && scope.resolve((Expr.ColumnRef) e).isAlias()) {
            throw SqliteException.error("no such column: " + ((Expr.ColumnRef) e).column().text());
        }
        for (Expr c : Exprs.children(e)) {
            checkNoAlias(c, scope);
        }
    }

    private static void checkAbsent(Expr e) throws SqliteException {
        Expr.FunctionCall f = firstWindowCall(e);
        if (f != null) {
            throw SqliteException.error("misuse of window function " + f.name().text() + "()");
        }
    }

    private void collect(Expr e) throws SqliteException {
        if (e == null) {
            return;
        }
        if (isWindowCall(e)) {
            addCall((Expr.FunctionCall) e);
            return;
        }
        if (e instanceof Expr.FunctionCall && AggregateInfo.containsAggregate(e, p)
                && p.functions.aggregate(((Expr.FunctionCall) e).name().text(), argCount((Expr.FunctionCall) e)) != null) {
            for (Expr c : Exprs.children(e)) {
                checkAbsent(c);
            }
            return;
        }
        for (Expr c : Exprs.children(e)) {
            collect(c);
        }
    }

    private static int argCount(Expr.FunctionCall fc) {
        return fc.star() ? 0 : fc.args().size();
    }

    private void addCall(Expr.FunctionCall fc) throws SqliteException {
        for (Call c : calls) {
            if (c.fc == fc) {
                return;
            }
        }
        String name = fc.name().text();
        int n = argCount(fc);
        int kind = WindowFunctions.kind(name);
        FunctionDef aggregate = null;
        if (kind >= 0) {
            if (!WindowFunctions.accepts(kind, n)) {
                throw SqliteException.error("wrong number of arguments to function " + name + "()");
            }
            if (fc.filter() != null) {
                throw SqliteException.error("FILTER clause may only be used with aggregate window functions");
            }
        } else {
            aggregate = (FunctionDef) p.functions.aggregate(name, n);
            if (aggregate == null) {
                if (p.functions.scalar(name, n) != null) {
                    throw SqliteException.error(name + "() may not be used as a window function");
                }
                if (p.functions.exists(name)) {
                    throw SqliteException.error("wrong number of arguments to function " + name + "()");
                }
                throw SqliteException.error("no such function: " + name);
            }
            kind = WindowFunctions.AGGREGATE;
        }
        if (fc.distinct()) {
            throw SqliteException.error("DISTINCT is not supported for window functions");
        }
        WindowDefs.Resolved def = WindowDefs.resolve(fc.over(), q.windows(), p.sql).forFunction(kind, p.sql);
        for (Expr a : fc.args()) {
            checkAbsent(a);
        }
        checkAbsent(fc.filter());
        for (Expr e : def.partition) {
            checkAbsent(e);
        }
        for (OrderingTerm t : def.order) {
            checkAbsent(t.expr());
        }
        Window window = null;
        for (Window w : windows) {
            if (w.def.key.equals(def.key)) {
                window = w;
                if (w.def.imposed) {
                    w.def = def;
                }
            }
        }
        if (window == null) {
            window = new Window(def);
            windows.add(window);
        }
        Call call = new Call(fc, kind, aggregate, window);
        call.result = calls.size();
        calls.add(call);
        window.calls.add(call);
    }

    /**
     * Emits the whole core: inner phase, stages, rows to {@code out} (already prepared; the caller finishes
     * it). {@code aggregate} says whether the inner phase is an aggregate query.
     */
    void compile(Scope scope, List<WhereTerm> terms, boolean[] leftInner, boolean[][] needed, boolean aggregate,
            Output out) throws SqliteException {
        layout(scope, needed);
        for (Window w : windows) {
            w.startOffset = frameOffset(w.def.frame == null ? null : w.def.frame.start(), scope);
            w.endOffset = frameOffset(w.def.frame == null ? null : w.def.frame.end(), scope);
            w.sorter = p.cursor();
            w.buffer = p.cursor();
            p.v.addOp(Opcode.SORTER_OPEN, w.sorter, w.nKeys() + rowWidth, 0, sortKeyInfo(w, scope));
            p.v.addOp(Opcode.OPEN_EPHEMERAL, w.buffer, w.nKeys() + rowWidth);
        }
        Window first = windows.get(windows.size() - 1);
        if (aggregate) {
            innerAggregate(scope, terms, leftInner, needed, first);
        } else {
            WhereLoop loop = WhereLoop.begin(p, ex, scope, scope.sources, leftInner, terms, null, needed);
            int regs = p.regs(Math.max(1, columns.size()));
            for (int i = 0; i < columns.size(); i++) {
                ex.codeTo(columns.get(i), scope, regs + i);
            }
            insert(first, regs, false);
            loop.end();
        }
        if (out.sorts()) {
            p.explain("USE TEMP B-TREE FOR ORDER BY");
        }
        for (int k = windows.size() - 1; k >= 0; k--) {
            stage(windows.get(k), k == 0 ? null : windows.get(k - 1), scope, out);
        }
        scope.computed = null;
    }

    /** Assigns the columns: window-free parts of the outputs, window keys, arguments and filters. */
    private void layout(Scope scope, boolean[][] needed) throws SqliteException {
        for (SelectCoder.Item it : items) {
            carry(it.expr, scope);
        }
        for (Expr k : keys.exprs) {
            carry(k, scope);
        }
        for (Window w : windows) {
            for (Expr e : w.def.partition) {
                checkNoAlias(e, scope);
            }
            for (OrderingTerm t : w.def.order) {
                checkNoAlias(t.expr(), scope);
            }
            w.keyColumn = columns.size();
            columns.addAll(w.def.partition);
            for (OrderingTerm t : w.def.order) {
                columns.add(t.expr());
            }
        }
        for (Call c : calls) {
            c.argColumn = columns.size();
            columns.addAll(c.fc.args());
            if (c.fc.filter() != null) {
                c.filterColumn = columns.size();
                columns.add(c.fc.filter());
            }
        }
        for (Expr e : columns) {
            Usage.mark(e, scope, scope.sources, needed);
        }
        rowWidth = columns.size() + calls.size();
        // As SQLite's bExprArgs: only the JSON aggregates see their arguments' subtypes (other functions' arguments
        // lose them in SQLite's window table too), and only the window whose stage is last (the first written)
        // hands its JSON value to the result still marked as JSON; a later stage's record drops it, as SQLite's.
        for (Call c : calls) {
            String name = c.fc.name().text().toLowerCase(Locale.ROOT);
            boolean jsonAggregate = name.equals("json_group_array") || name.equals("json_group_object");
            boolean jsonbAggregate = name.equals("jsonb_group_array") || name.equals("jsonb_group_object");
            if ((jsonAggregate || jsonbAggregate) && mayHaveSubtype(c.fc.args())) {
                c.subtypeColumn = rowWidth;
                rowWidth += c.fc.args().size();
            }
            if (jsonAggregate && c.window == windows.get(0)) {
                c.resultSubtypeColumn = rowWidth++;
            }
        }
    }

    /**
     * True when one of {@code args} may carry a subtype: anything but a column, a literal or a parameter (a
     * JSON function's result, {@code ->}, a CASE or COALESCE passing one on).
     */
    private static boolean mayHaveSubtype(List<Expr> args) {
        for (Expr a : args) {
            if (!(a instanceof Expr.ColumnRef || a instanceof Expr.Literal || a instanceof Expr.Param)) {
                return true;
            }
        }
        return false;
    }

    private void carry(Expr e, Scope scope) throws SqliteException {
        if (e == null || isWindowCall(e) || isWindowAlias(e, scope)) {
            return;
        }
        if (!hasWindowCall(e, scope)) {
            for (Expr c : columns) {
                if (c == e) {
                    return;
                }
            }
            columns.add(e);
            return;
        }
        for (Expr c : Exprs.children(e)) {
            carry(c, scope);
        }
    }

    /**
     * A frame offset's register (0 when the bound has none). As in SQLite an offset that is not a constant
     * expression counts as NULL, which the Window instruction rejects.
     */
    private int frameOffset(WindowDef.Bound b, Scope scope) throws SqliteException {
        if (b == null || b.offset() == null) {
            return 0;
        }
        int reg = p.reg();
        if (constant(b.offset())) {
            ex.codeTo(b.offset(), scope, reg);
        } else {
            p.v.addOp(Opcode.NULL, 0, reg);
        }
        return reg;
    }

    private static boolean constant(Expr e) {
        if (e instanceof Expr.ColumnRef || e instanceof Expr.Param || e instanceof Expr.Subquery
                || e instanceof Expr.Exists || e instanceof Expr.InSelect || e instanceof Expr.InTable
                || e instanceof Expr.Raise) {
            return false;
        }
        if (e instanceof Expr.FunctionCall && ((Expr.FunctionCall) e).over() != null) {
            return false;
        }
        for (Expr c : Exprs.children(e)) {
            if (!constant(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The sort order of a stage: PARTITION BY terms ascending, then the ORDER BY terms, each term whose
     * NULLs go against its direction preceded by a flag (1 for NULL) sorted in the same direction.
     */
    private Object sortKeyInfo(Window w, Scope scope) throws SqliteException {
        int nPart = w.def.partition.size();
        Collation[] coll = new Collation[w.nKeys()];
        boolean[] desc = new boolean[w.nKeys()];
        for (int k = 0; k < nPart; k++) {
            coll[k] = collation(w.def.partition.get(k), scope);
        }
        int f = nPart;
        for (OrderingTerm t : w.def.order) {
            boolean d = t.order() == SortOrder.DESC;
            if (SelectCoder.bigNull(t)) {
                coll[f] = Collation.BINARY;
                desc[f++] = d;
            }
            coll[f] = collation(t.expr(), scope);
            desc[f++] = d;
        }
        return KeyInfos.of(coll, desc);
    }

    private static Collation collation(Expr e, Scope scope) throws SqliteException {
        Collation c = ExprInfo.collation(e, scope);
        return c == null ? Collation.BINARY : c;
    }

    /**
     * The inner phase of an aggregate query: {@link AggregateCoder} with the columns as its result, each
     * group's row going to the first stage. GROUP BY terms that are numbers name the query's own result
     * columns, so they are replaced by those expressions first.
     */
    private void innerAggregate(Scope scope, List<WhereTerm> terms, boolean[] leftInner, boolean[][] needed,
            Window first) throws SqliteException {
        List<Expr> groupBy = new ArrayList<>();
        for (int k = 0; k < q.groupBy().size(); k++) {
            Expr g = q.groupBy().get(k);
            Integer number = ColumnNumbers.of(g, p.sql);
            if (number != null) {
                long c = number;
                if (c < 1 || c > items.size()) {
                    throw SqliteException.error(SelectCoder.ordinal(k + 1)
                            + " GROUP BY term out of range - should be between 1 and " + items.size());
                }
                g = items.get((int) c - 1).expr;
                checkAbsent(g);
            }
            groupBy.add(g);
        }
        SelectCore.Query inner = new SelectCore.Query(q.distinct(), q.columns(), q.from(), q.where(), groupBy,
                q.having(), q.windows());
        List<SelectCoder.Item> innerItems = new ArrayList<>();
        for (Expr e : columns) {
            innerItems.add(new SelectCoder.Item(e, null, null, ""));
        }
        int n = Math.max(1, columns.size());
        Collation[] binary = new Collation[n];
        for (int i = 0; i < n; i++) {
            binary[i] = Collation.BINARY;
        }
        SelectCoder.OrderKeys none = new SelectCoder.OrderKeys();
        Output innerOut = new Output(p, ex, n, none.exprs, none.desc, none.collations, false, binary, null,
                (regs, cnt) -> insert(first, regs, false));
        innerOut.prepare(scope);
        new AggregateCoder(sc, scope, innerItems, terms, leftInner, needed, innerOut, none).compile(inner);
        innerOut.finish();
    }

    /**
     * Sends a row to stage {@code w}'s sorter: its keys, then the row. {@code withValues}: the registers
     * hold a whole row; else only the columns (the values are still NULL).
     */
    private void insert(Window w, int regs, boolean withValues) {
        int nk = w.nKeys();
        int block = p.regs(nk + rowWidth);
        int nPart = w.def.partition.size();
        int f = 0;
        for (int k = 0; k < nPart + w.def.order.size(); k++) {
            int value = regs + w.keyColumn + k;
            if (k >= nPart && SelectCoder.bigNull(w.def.order.get(k - nPart))) {
                p.v.addOp(Opcode.INTEGER, 0, block + f);
                int notNull = p.v.addOp(Opcode.NOT_NULL, value, 0);
                p.v.addOp(Opcode.INTEGER, 1, block + f);
                p.v.jumpHere(notNull);
                f++;
            }
            p.v.addOp(Opcode.SCOPY, value, block + f++);
        }
        int copied = withValues ? rowWidth : columns.size();
        if (copied > 0) {
            p.v.addOp(Opcode.COPY, regs, block + nk, copied - 1);
        }
        if (copied < rowWidth) {
            p.v.addOp(Opcode.NULL, 0, block + nk + copied, block + nk + rowWidth - 1);
        }
        if (!withValues) {
            for (Call c : calls) {
                for (int a = 0; c.subtypeColumn >= 0 && a < c.fc.args().size(); a++) {
                    p.v.addOp(Opcode.GET_SUBTYPE, regs + c.argColumn + a, block + nk + c.subtypeColumn + a);
                }
            }
        }
        int rec = p.reg();
        p.v.addOp(Opcode.MAKE_RECORD, block, nk + rowWidth, rec);
        p.v.addOp(Opcode.SORTER_INSERT, w.sorter, rec);
    }

    /**
     * One stage: read the sorted rows, buffer each partition, compute the window's functions when the
     * partition ends (a subroutine), and pass its rows to {@code next} (or to {@code out} when null).
     */
    private void stage(Window w, Window next, Scope scope, Output out) throws SqliteException {
        int nk = w.nKeys();
        int nPart = w.def.partition.size();
        int recReg = p.reg();
        int pseudo = p.cursor();
        int ret = p.reg();
        int end = p.label();
        int flush = p.label();
        p.v.addOp(Opcode.OPEN_PSEUDO, pseudo, recReg, nk + rowWidth);
        int firstRow = p.reg();
        int prev = p.regs(Math.max(1, nPart));
        int cur = p.regs(Math.max(1, nPart));
        p.v.addOp(Opcode.INTEGER, 1, firstRow);
        p.v.addOp(Opcode.SORTER_SORT, w.sorter, end);
        int top = p.v.currentAddress();
        p.v.addOp(Opcode.SORTER_DATA, w.sorter, recReg, pseudo);
        if (nPart > 0) {
            Collation[] coll = new Collation[nPart];
            for (int k = 0; k < nPart; k++) {
                coll[k] = collation(w.def.partition.get(k), scope);
                p.v.addOp(Opcode.COLUMN, pseudo, k, cur + k);
            }
            int newPartition = p.label();
            int same = p.label();
            int diff = p.label();
            p.v.addOp(Opcode.IF, firstRow, newPartition, 0);
            p.v.addOp(Opcode.COMPARE, prev, cur, nPart, KeyInfos.of(coll, new boolean[nPart]));
            p.v.addOp(Opcode.JUMP, diff, same, diff);
            p.resolve(diff);
            p.v.addOp(Opcode.GOSUB, ret, flush);
            p.resolve(newPartition);
            p.v.addOp(Opcode.INTEGER, 0, firstRow);
            p.v.addOp(Opcode.COPY, cur, prev, nPart - 1);
            p.resolve(same);
        }
        int rowid = p.reg();
        p.v.addOp(Opcode.NEW_ROWID, w.buffer, rowid);
        p.v.addOp(Opcode.INSERT, w.buffer, recReg, rowid);
        p.v.addOp(Opcode.SORTER_NEXT, w.sorter, top);
        p.v.addOp(Opcode.GOSUB, ret, flush);
        p.v.addOp(Opcode.GOTO, 0, end);

        p.resolve(flush);
        p.v.addOp(Opcode.WINDOW, w.buffer, w.startOffset, w.endOffset, spec(w, scope));
        int done = p.label();
        p.v.addOp(Opcode.REWIND, w.buffer, done);
        int loop = p.v.currentAddress();
        int row = p.regs(rowWidth);
        for (int j = 0; j < rowWidth; j++) {
            p.v.addOp(Opcode.COLUMN, w.buffer, nk + j, row + j);
        }
        int skip = p.label();
        if (next != null) {
            insert(next, row, true);
        } else {
            output(row, scope, out, skip);
        }
        p.resolve(skip);
        p.v.addOp(Opcode.NEXT, w.buffer, loop);
        p.resolve(done);
        p.v.addOp(Opcode.OPEN_EPHEMERAL, w.buffer, nk + rowWidth);
        p.v.addOp(Opcode.RETURN, ret);
        p.resolve(end);
    }

    /** The result row from a row of the last stage. */
    private void output(int row, Scope scope, Output out, int skip) throws SqliteException {
        ComputedExprs computed = new ComputedExprs();
        for (int i = 0; i < columns.size(); i++) {
            computed.put(columns.get(i), row + i);
        }
        for (Call c : calls) {
            computed.put(c.fc, row + columns.size() + c.result);
            if (c.resultSubtypeColumn >= 0) {
                p.v.addOp(Opcode.SET_SUBTYPE, row + c.resultSubtypeColumn, row + columns.size() + c.result);
            }
        }
        scope.computed = computed;
        int regs = p.regs(items.size());
        for (int i = 0; i < items.size(); i++) {
            ex.codeTo(items.get(i).expr, scope, regs + i);
        }
        out.row(regs, scope, skip);
    }

    /** The Window instruction's operand for {@code w}: field numbers are those of the stage's records. */
    private WindowSpec spec(Window w, Scope scope) throws SqliteException {
        int nk = w.nKeys();
        int nPart = w.def.partition.size();
        int nOrder = w.def.order.size();
        Collation[] orderColl = new Collation[nOrder];
        boolean[] orderDesc = new boolean[nOrder];
        boolean[] bigNull = new boolean[nOrder];
        for (int k = 0; k < nOrder; k++) {
            OrderingTerm t = w.def.order.get(k);
            orderColl[k] = collation(t.expr(), scope);
            orderDesc[k] = t.order() == SortOrder.DESC;
            bigNull[k] = SelectCoder.bigNull(t);
        }
        WindowSpec.Call[] specCalls = new WindowSpec.Call[w.calls.size()];
        for (int k = 0; k < specCalls.length; k++) {
            Call c = w.calls.get(k);
            Collation coll = null;
            for (int a = 0; a < c.fc.args().size() && coll == null; a++) {
                coll = ExprInfo.collation(c.fc.args().get(a), scope);
            }
            specCalls[k] = new WindowSpec.Call(c.kind, c.fc.name().text(), c.aggregate, nk + c.argColumn,
                    argCount(c.fc), c.filterColumn < 0 ? -1 : nk + c.filterColumn,
                    nk + columns.size() + c.result, coll, c.subtypeColumn < 0 ? -1 : nk + c.subtypeColumn,
                    c.resultSubtypeColumn < 0 ? -1 : nk + c.resultSubtypeColumn);
        }
        WindowDef.Frame f = w.def.frame;
        int unit = WindowSpec.RANGE;
        int start = WindowSpec.UNBOUNDED_PRECEDING;
        int end = WindowSpec.CURRENT_ROW;
        int exclude = WindowSpec.EXCLUDE_NO_OTHERS;
        if (f != null) {
            unit = f.unit() == WindowDef.FrameUnit.ROWS ? WindowSpec.ROWS
                    : f.unit() == WindowDef.FrameUnit.GROUPS ? WindowSpec.GROUPS : WindowSpec.RANGE;
            start = boundKind(f.start().kind());
            end = boundKind(f.end().kind());
            if (f.exclude() != null) {
                switch (f.exclude()) {
                    case CURRENT_ROW: exclude = WindowSpec.EXCLUDE_CURRENT_ROW; break;
                    case GROUP: exclude = WindowSpec.EXCLUDE_GROUP; break;
                    case TIES: exclude = WindowSpec.EXCLUDE_TIES; break;
                    default: break;
                }
            }
        }
        return new WindowSpec(unit, start, end, exclude, nk + w.keyColumn + nPart, orderColl, orderDesc, bigNull,
                specCalls);
    }

    private static int boundKind(WindowDef.BoundKind k) {
        switch (k) {
            case UNBOUNDED_PRECEDING: return WindowSpec.UNBOUNDED_PRECEDING;
            case PRECEDING: return WindowSpec.PRECEDING;
            case CURRENT_ROW: return WindowSpec.CURRENT_ROW;
            case FOLLOWING: return WindowSpec.FOLLOWING;
            default: return WindowSpec.UNBOUNDED_FOLLOWING;
        }
    }
}
