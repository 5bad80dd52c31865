package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.Limit;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.NullsOrder;
import dev.skerry.engine.parser.ast.OrderingTerm;
import dev.skerry.engine.parser.ast.ResultColumn;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.SelectCore;
import dev.skerry.engine.parser.ast.SortOrder;
import dev.skerry.engine.parser.ast.TableOrSubquery;
import dev.skerry.engine.parser.ast.With;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.value.Affinity;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.vdbe.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * Code generation for SELECT (SQLite's {@code select.c}): one query core is FROM → {@link WhereLoop} →
 * result expressions → {@link Output}; an aggregate query steps accumulators in the loop
 * ({@link AggregateCoder}); a compound SELECT feeds its cores into one shared output. Subqueries in
 * expressions (scalar, EXISTS, IN) are compiled inline, guarded by {@code Once} when they do not refer
 * to the enclosing query.
 *
 * <p>Result column names follow SQLite's default ({@code short_column_names}): the alias; else the name of
 * the column a plain column reference resolves to ({@code rowid} for the rowid); else the expression's
 * source text. The declared type is the column's for a plain column reference, else none.
 */
final class SelectCoder {
    /** Names, declared types, affinities and collations of a query's result columns. */
    static final class ResultInfo {
        String[] names;
        String[] decltypes;
        char[] affinities;
        /** Per column: the kinds of value its expression may give ({@link DataTypes}). */
        int[] dataTypes;
        Collation[] collations;
        /** Per column: the expression has a collation of its own (else {@link #collations} says BINARY by default). */
        boolean[] collated;
        boolean correlated;
    }

    /** One result column after {@code *} expansion. */
    static final class Item {
        final Expr expr;
        final String alias;
        final ResultColumn column;
        final String starName;

        Item(Expr expr, String alias, ResultColumn column, String starName) {
            this.expr = expr;
            this.alias = alias;
            this.column = column;
            this.starName = starName;
        }
    }

    final Parse p;
    final ExprCoder ex;
    /** The common table expressions in scope, innermost last. */
    private final List<Cte> ctes = new ArrayList<>();
    /** Set for the next {@link #compile}: its rows only count (EXISTS); see {@link #ignoredOrder}. */
    private boolean orderIgnorable;
    /** Set by {@link #compile} for the simple query it passes to {@link #core}, and for each core of a compound of UNION ALLs whose rows only count. */
    boolean coreOrderIgnorable;
    /** Set by {@link #compile} for the {@link CompoundCoder} it calls: the compound is of UNION ALLs and its rows only count. */
    boolean compoundCoresIgnorable;
    /**
     * FROM items being compiled inside each other (a view whose query reads a view, a CTE reading a CTE, a
     * subquery in FROM): each level nests several Java calls, so the depth is bounded well inside the stack
     * ({@link #MAX_FROM_NESTING}), where SQLite flattens such chains and has no limit.
     */
    private int fromNesting;
    /** The parenthesized join being compiled as a subquery whose {@code *} {@link NestedJoins} expands, or null. */
    NestedJoins.Expansion nested;
    /**
     * While RETURNING expressions are coded, the table the statement changes: a subquery whose FROM reads it
     * runs again for each row, seeing the rows changed so far, as SQLite marks such subqueries correlated
     * ({@code sqlite3ReturningSubqueryCorrelated}); other subqueries run once. Else null.
     */
    dev.skerry.engine.schema.Table returningTarget;
    /** The deepest nesting of FROM items compiled inside each other. */
    static final int MAX_FROM_NESTING = 200;

    /** A common table expression visible to FROM clauses: its query and the SQL text it points into. */
    static final class Cte {
        final With.Cte def;
        /** The WITH clause defining it: every CTE of that clause is visible in its query. */
        final With with;
        final String sql;
        final boolean recursive;
        /**
         * While its own query is compiled (outside a recursive step): a reference to it then is SQLite's
         * {@code circular reference} error.
         */
        boolean expanding;
        /** While the recursive step is compiled: the one-row table holding the row being expanded, else -1. */
        int current = -1;
        /** While the recursive step is compiled: the columns of that row. */
        ResultInfo currentInfo;
        /**
         * Named at least twice in its statement with a query SQLite would not flatten ({@link CteUses}): SQLite
         * then materializes it once, unless it is written NOT MATERIALIZED.
         */
        final boolean materializedOnce;
        /** A MATERIALIZED CTE's rows shared by its uses ({@link SharedCte}), or null before its first use. */
        SharedCte shared;

        Cte(With.Cte def, With with, String sql, boolean recursive, boolean materializedOnce) {
            this.def = def;
            this.with = with;
            this.sql = sql;
            this.recursive = recursive;
            this.materializedOnce = materializedOnce;
        }
    }

    SelectCoder(Parse p) {
        this.p = p;
        this.ex = new ExprCoder(p, this);
    }

    /** Enters a FROM item; throws when they nest too deep ({@link #fromNesting}). */
    void enterFrom() throws SqliteException {
        if (++fromNesting > MAX_FROM_NESTING) {
            fromNesting--;
            throw SqliteException.error("too many levels of nested views, subqueries and common table expressions"
                    + " (maximum " + MAX_FROM_NESTING + ")");
        }
    }

    void leaveFrom() {
        fromNesting--;
    }

    /** A SELECT statement: rows go to {@code ResultRow}. */
    void statement(Select sel) throws SqliteException {
        ResultInfo info = compile(sel, null, (first, n) -> p.v.addOp(Opcode.RESULT_ROW, first, n));
        p.v.setResultColumns(info.names, info.decltypes);
    }

    /** Compiles {@code sel} in the scope {@code outer} (null at top level), sending its rows to {@code sink}. */
    ResultInfo compile(Select sel, Scope outer, Output.Sink sink) throws SqliteException {
        p.enter();
        try {
            int frame = pushWith(sel.with(), w -> w.selectBody(sel));
            try {
                boolean ignorable = orderIgnorable;
                orderIgnorable = false;
                if (sel.isSimple()) {
                    coreOrderIgnorable = ignorable;
                    return core(sel.cores().get(0), sel.orderBy(), sel.limit(), outer, sink, null);
                }
                compoundCoresIgnorable = ignorable && !sel.ops().contains(Select.CompoundOp.UNION)
                        && !sel.ops().contains(Select.CompoundOp.INTERSECT)
                        && !sel.ops().contains(Select.CompoundOp.EXCEPT);
                return CompoundCoder.compile(this, sel, outer, sink);
            } finally {
                popWith(frame);
            }
        } finally {
            p.leave();
        }
    }

    /**
     * Makes the CTEs of {@code with} (may be null) visible to the FROM clauses compiled until {@link #popWith}
     * of the returned frame; SELECT and the WITH prefix of INSERT, UPDATE and DELETE both go through here.
     * {@code body} walks the statement the clause belongs to, to count the uses of each CTE ({@link CteUses}).
     */
    int pushWith(With with, CteUses.Body body) throws SqliteException {
        int frame = ctes.size();
        if (with != null) {
            boolean[] usedTwice = CteUses.usedTwice(with, body);
            for (int i = 0; i < with.ctes().size(); i++) {
                With.Cte c = with.ctes().get(i);
                boolean materializedOnce = usedTwice[i] && !CteUses.flattenable(c.select(), p);
                ctes.add(new Cte(c, with, p.sql, with.recursive(), materializedOnce));
            }
        }
        return frame;
    }

    /** Hides again the CTEs pushed since {@code frame} was returned by {@link #pushWith}. */
    void popWith(int frame) {
        while (ctes.size() > frame) {
            ctes.remove(ctes.size() - 1);
        }
    }

    /**
     * One core with its ORDER BY and LIMIT (empty and null inside a compound, where {@code shared} receives
     * the rows instead of a new {@link Output}).
     */
    ResultInfo core(SelectCore core, List<OrderingTerm> orderBy, Limit limit, Scope outer, Output.Sink sink,
            int[] expectColumns) throws SqliteException {
        boolean ignorable = coreOrderIgnorable;
        boolean coreIgnorable = ignorable;
        coreOrderIgnorable = false;
        if (core instanceof SelectCore.Values) {
            return values((SelectCore.Values) core, orderBy, limit, outer, sink);
        }
        SelectCore.Query q = (SelectCore.Query) core;
        Scope scope = p.newScope(p.outer(outer));
        FromBuilder.Result from = FromBuilder.build(p, this, q.from(), scope);
        List<Item> items = expand(q.columns(), scope);
        if (expectColumns != null && expectColumns[0] != items.size()) {
            throw SqliteException.error("SELECTs to the left and right of " + CompoundCoder.opName(expectColumns[1])
                    + " do not have the same number of result columns");
        }
        scope.resultColumns = q.columns();
        SimplifyJoins.apply(q.where(), scope, from);
        if (JoinOrder.reorderable(q.from(), scope, from)) {
            JoinOrder.reorder(p, scope, q, orderBy, from);
            FunctionScan.placeAfterArguments(scope);
        }
        FromBuilder.terms(from, scope);
        List<WhereTerm> terms = from.terms;
        int whereFrom = terms.size();
        WhereTerm.split(q.where(), scope, scope.sources, -1, terms);
        RightJoins.defer(scope.sources, scope.sources.size(), terms.subList(whereFrom, terms.size()));
        ResultInfo info = describe(items, scope);
        OrderKeys keys = orderKeys(orderBy, items, scope);
        WindowCoder windows = WindowCoder.find(this, q, items, keys);
        boolean aggregate = !q.groupBy().isEmpty();
        for (Item it : items) {
            aggregate |= AggregateInfo.containsAggregate(it.expr, p);
        }
        aggregate |= AggregateInfo.containsAggregate(q.having(), p);
        if (outer != null) {
            OuterRefs.check(this, q, keys, scope);
        }
        if (windows == null && (ignorable && !aggregate || q.from() == null && !aggregate
                || aggregate && q.groupBy().isEmpty())) {
            keys = ignoredOrder(keys, scope);
        }
        for (Expr k : keys.exprs) {
            if (!aggregate && windows == null && AggregateInfo.containsAggregate(k, p)) {
                throw SqliteException.error("misuse of aggregate: " + firstAggregateName(k) + "()");
            }
        }
        if (q.having() != null && !aggregate) {
            throw SqliteException.error("a GROUP BY clause is required before HAVING");
        }
        for (WhereTerm t : terms) {
            checkNoAggregate(t.expr);
        }
        boolean distinct = q.distinct() && !(coreIgnorable && windows == null && !aggregate);
        Output out = new Output(p, ex, items.size(), keys.exprs, keys.desc, keys.collations, distinct,
                info.collations, limit, sink);
        out.nullsAgainstOrder(keys.bigNull);
        out.prepare(p.newScope(p.outer(outer)));
        boolean[][] needed = Usage.empty(scope.sources);
        for (Item it : items) {
            Usage.mark(it.expr, scope, scope.sources, needed);
        }
        for (WhereTerm t : terms) {
            Usage.mark(t.expr, scope, scope.sources, needed);
        }
        for (Expr k : keys.exprs) {
            Usage.mark(k, scope, scope.sources, needed);
        }
        Usage.mark(q.having(), scope, scope.sources, needed);
        for (Expr g : q.groupBy()) {
            Usage.mark(g, scope, scope.sources, needed);
        }
        if (windows != null) {
            windows.compile(scope, terms, leftInner(from, scope), needed, aggregate, out);
        } else if (aggregate) {
            new AggregateCoder(this, scope, items, terms, leftInner(from, scope), needed, out, keys).compile(q);
        } else {
            List<OrderingTerm> planOrder = keys.exprs.isEmpty() || RightJoins.any(scope.sources) ? null
                    : keys.asOrderingTerms();
            WhereLoop w = WhereLoop.begin(p, ex, scope, scope.sources, leftInner(from, scope), terms, planOrder,
                    needed);
            if (w.ordered()) {
                out.sortNotNeeded();
            }
            if (distinct) {
                p.explain("USE TEMP B-TREE FOR DISTINCT");
            }
            if (out.sorts()) {
                p.explain("USE TEMP B-TREE FOR ORDER BY");
            }
            int regs = p.regs(items.size());
            for (int i = 0; i < items.size(); i++) {
                ex.codeTo(items.get(i).expr, scope, regs + i);
            }
            out.row(regs, scope, w.continueLabel());
            w.end();
        }
        out.finish();
        info.correlated = scope.correlated;
        return info;
    }

    /**
     * The ORDER BY of a query whose rows only count (EXISTS, SQLite's {@code IgnorableOrderby}) or that gives one
     * row (no FROM, or an aggregate without GROUP BY: SQLite never codes its keys): its terms are checked as SQLite
     * resolves them ({@link #check}) but never evaluated; no keys.
     */
    private OrderKeys ignoredOrder(OrderKeys keys, Scope scope) throws SqliteException {
        for (Expr k : keys.exprs) {
            if (!AggregateInfo.containsAggregate(k, p)) {
                check(k, scope);
            }
        }
        return new OrderKeys();
    }

    /**
     * Compiles {@code e} into a scratch program only for the errors SQLite's resolver reports (names, functions);
     * those SQLite finds only when coding it ({@code sub-select returns N columns}, {@code misuse of aggregate:})
     * are not errors for a term that is never coded.
     */
    void check(Expr e, Scope scope) throws SqliteException {
        SelectCoder checker = new SelectCoder(p.scratch());
        checker.fromNesting = fromNesting;
        checker.ctes.addAll(ctes);
        try {
            checker.ex.codeTo(e, scope, checker.p.reg());
        } catch (SqliteException x) {
            String m = x.getMessage();
            if (m == null || !(m.startsWith("sub-select returns") || m.startsWith("misuse of aggregate:"))) {
                throw x;
            }
        }
    }

    static boolean[] leftInner(FromBuilder.Result from, Scope scope) {
        boolean[] l = new boolean[scope.sources.size()];
        System.arraycopy(from.leftInner, 0, l, 0, Math.min(l.length, from.leftInner.length));
        return l;
    }

    void checkNoAggregate(Expr e) throws SqliteException {
        if (AggregateInfo.containsAggregate(e, p)) {
            throw SqliteException.error("misuse of aggregate function " + firstAggregateName(e) + "()");
        }
    }

    private String firstAggregateName(Expr e) {
        if (e instanceof Expr.FunctionCall && AggregateInfo.containsAggregate(e, p)) {
            Expr.FunctionCall fc = (Expr.FunctionCall) e;
            for (Expr a : fc.args()) {
                if (AggregateInfo.containsAggregate(a, p)) {
                    return firstAggregateName(a);
                }
            }
            return fc.name().text();
        }
        for (Expr c : Exprs.children(e)) {
            if (AggregateInfo.containsAggregate(c, p)) {
                return firstAggregateName(c);
            }
        }
        return "";
    }

    private ResultInfo values(SelectCore.Values v, List<OrderingTerm> orderBy, Limit limit, Scope outer,
            Output.Sink sink) throws SqliteException {
        int n = v.rows().get(0).size();
        Scope scope = p.newScope(p.outer(outer));
        ResultInfo info = new ResultInfo();
        info.names = new String[n];
        info.decltypes = new String[n];
        info.affinities = new char[n];
        info.dataTypes = new int[n];
        info.collations = new Collation[n];
        info.collated = new boolean[n];
        for (int i = 0; i < n; i++) {
            info.names[i] = "column" + (i + 1);
            Expr e = v.rows().get(0).get(i);
            info.affinities[i] = ExprInfo.affinity(e, scope);
            info.dataTypes[i] = DataTypes.of(e, scope);
            Collation c = ExprInfo.collation(e, scope);
            info.collations[i] = c == null ? Collation.BINARY : c;
            info.collated[i] = c != null;
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(new Item(v.rows().get(0).get(i), null, null, info.names[i]));
        }
        OrderKeys keys = orderKeys(orderBy, items, scope);
        Output out = new Output(p, ex, n, keys.exprs, keys.desc, keys.collations, false, info.collations, limit,
                sink);
        out.nullsAgainstOrder(keys.bigNull);
        if (!keys.exprs.isEmpty()) {
            int[] cols = new int[keys.itemIndex.length];
            for (int k = 0; k < cols.length; k++) {
                if (keys.itemIndex[k] < 0) {
                    throw SqliteException.error(ordinal(k + 1) + " ORDER BY term does not match any column in the result set");
                }
                cols[k] = keys.itemIndex[k];
            }
            out.sortByColumns(cols);
        }
        out.prepare(scope);
        for (List<Expr> row : v.rows()) {
            if (row.size() != n) {
                throw SqliteException.error("all VALUES must have the same number of terms");
            }
            int regs = p.regs(n);
            for (int i = 0; i < n; i++) {
                checkNoAggregate(row.get(i));
                ex.codeTo(row.get(i), scope, regs + i);
            }
            int next = p.label();
            out.row(regs, scope, next);
            p.resolve(next);
        }
        out.finish();
        info.correlated = scope.correlated;
        return info;
    }

    /**
     * The result columns of {@code core} without emitting code: the core is compiled into a scratch program
     * that is thrown away (a compound SELECT needs its first core's columns before generating it).
     */
    ResultInfo describeCore(SelectCore core, Scope outer) throws SqliteException {
        SelectCoder describer = new SelectCoder(p.scratch());
        describer.fromNesting = fromNesting;
        describer.ctes.addAll(ctes);
        return describer.core(core, null, null, outer, (first, n) -> { }, null);
    }

    /**
     * The result column of {@code core} that is the column {@code ref} names in the core's FROM clause, or -1
     * (a compound's ORDER BY term is matched so against each core in turn, as SQLite's
     * {@code resolveOrderByTermToExprList} does); compiled into a scratch program like {@link #describeCore}.
     */
    int matchColumn(SelectCore core, Expr ref, Scope outer) throws SqliteException {
        if (!(core instanceof SelectCore.Query)) {
            return -1;
        }
        SelectCore.Query q = (SelectCore.Query) core;
        SelectCoder describer = new SelectCoder(p.scratch());
        describer.fromNesting = fromNesting;
        describer.ctes.addAll(ctes);
        Scope scope = p.newScope(outer);
        // A trial match, not a reference: ALTER TABLE must not rename what it finds.
        scope.watch = null;
        FromBuilder.build(describer.p, describer, q.from(), scope);
        List<Item> items = describer.expand(q.columns(), scope);
        if (!(ref instanceof Expr.ColumnRef)) {
            for (int i = 0; i < items.size(); i++) {
                if (ResolvedMatch.same(ref, items.get(i).expr, scope, p.sql, 0)) {
                    return i;
                }
            }
            return -1;
        }
        Scope.Resolved want;
        try {
            want = scope.resolve((Expr.ColumnRef) ref);
        } catch (SqliteException e) {
            return -1;
        }
        if (!want.isColumn()) {
            return -1;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).expr instanceof Expr.ColumnRef) {
                Scope.Resolved r = scope.resolve((Expr.ColumnRef) items.get(i).expr);
                if (r.isColumn() && r.source == want.source && r.column == want.column) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * The innermost visible common table expression named {@code name}, or null. While a CTE's own query is
     * compiled only the CTEs defined before it are visible ({@link #withVisible}).
     */
    Cte findCte(String name) {
        for (int k = ctes.size() - 1; k >= 0; k--) {
            if (Names.equal(ctes.get(k).def.name().text(), name)) {
                return ctes.get(k);
            }
        }
        return null;
    }

    /**
     * Runs {@code body}, the query of {@code cte}, as SQLite expands a CTE: the CTEs of its WITH clause (also
     * later ones) and of the enclosing clauses are visible, not those of WITH clauses nested where it is named;
     * {@code cte} itself is {@link Cte#expanding} (a reference to it is a circular reference).
     */
    ResultInfo withVisible(Cte cte, Compilation body) throws SqliteException {
        int end = ctes.indexOf(cte) + 1;
        while (end < ctes.size() && ctes.get(end).with == cte.with) {
            end++;
        }
        List<Cte> hidden = new ArrayList<>(ctes.subList(end, ctes.size()));
        while (ctes.size() > end) {
            ctes.remove(ctes.size() - 1);
        }
        boolean was = cte.expanding;
        cte.expanding = true;
        try {
            return body.run();
        } finally {
            cte.expanding = was;
            ctes.addAll(hidden);
        }
    }

    /** Runs {@code body}, a view's query, with no CTE visible: a view's names resolve in the schema only. */
    ResultInfo withoutCtes(Compilation body) throws SqliteException {
        List<Cte> hidden = new ArrayList<>(ctes);
        ctes.clear();
        try {
            return body.run();
        } finally {
            ctes.addAll(hidden);
        }
    }

    /** A piece of compilation returning the result columns it produced. */
    interface Compilation {
        ResultInfo run() throws SqliteException;
    }

    /** Expands {@code *} and {@code t.*}. */
    List<Item> expand(List<ResultColumn> columns, Scope scope) throws SqliteException {
        if (nested != null && nested.columns == columns) {
            return nested.expand(scope);
        }
        List<Item> items = new ArrayList<>();
        for (ResultColumn rc : columns) {
            if (rc instanceof ResultColumn.Star) {
                if (scope.sources.isEmpty()) {
                    throw SqliteException.error("no tables specified");
                }
                for (int k = 0; k < scope.sources.size(); k++) {
                    Source s = scope.sources.get(k);
                    for (int c = 0; c < s.visibleColumns(); c++) {
                        if (!hidden(scope, k, c) && (s.nestedNoExpand == null || !s.nestedNoExpand[c])) {
                            items.add(new Item(starColumn(scope, k, c), null, rc, s.columnNames[c]));
                        }
                    }
                }
            } else if (rc instanceof ResultColumn.TableStar) {
                Name t = ((ResultColumn.TableStar) rc).table();
                Source s = scope.findSource(t.text());
                if (s != null && s.nestedTables != null) {
                    s = null;
                }
                if (s == null && NestedJoins.tableStar(scope, t.text(), rc, items)) {
                    continue;
                }
                if (s == null) {
                    throw SqliteException.error("no such table: " + t.text());
                }
                if (scope.watch != null) {
                    scope.watch.tableStar(t, s);
                }
                int k = scope.sources.indexOf(s);
                for (int c = 0; c < s.visibleColumns(); c++) {
                    items.add(new Item(starColumn(scope, k, c), null, rc, s.columnNames[c]));
                }
            } else {
                ResultColumn.Column col = (ResultColumn.Column) rc;
                items.add(new Item(col.expr(), col.alias() == null ? null : col.alias().text(), rc, null));
            }
        }
        return items;
    }

    /**
     * Column {@code c} of source {@code k} as {@code *} shows it: qualified, except that left of a RIGHT or FULL
     * join a column a later USING merges is the unqualified name, so it shows the merged value (SQLite's
     * {@code selectExpander}).
     */
    private static Expr starColumn(Scope scope, int k, int c) {
        Source s = scope.sources.get(k);
        String name = s.columnNames[c];
        if (k < RightJoins.last(scope.sources)) {
            for (int j = k + 1; j < scope.sources.size(); j++) {
                int jc = scope.sources.get(j).findColumn(name);
                if (jc >= 0 && hidden(scope, j, jc)) {
                    return new Expr.ColumnRef(null, null, new Name(name, Name.Quote.NONE, 0, 0), 0, 0);
                }
            }
        }
        Expr.ColumnRef ref = FromBuilder.ref(s, name);
        if (s.table != null && s.table.db() >= 2 && scope.schema != null && Names.equal(s.name, s.table.name())) {
            // Tables of one name in two databases: the star's columns name their database too.
            String db = scope.schema.database(s.table.db()).name();
            return new Expr.ColumnRef(new Name(db, Name.Quote.NONE, 0, 0), ref.table(), ref.column(), 0, 0);
        }
        return ref;
    }

    private static boolean hidden(Scope scope, int k, int c) {
        for (int[] h : scope.hiddenColumns) {
            if (h[0] == k && h[1] == c) {
                return true;
            }
        }
        return false;
    }

    /** Result column names and types by SQLite's rules (see the class comment). */
    ResultInfo describe(List<Item> items, Scope scope) throws SqliteException {
        int n = items.size();
        ResultInfo info = new ResultInfo();
        info.names = new String[n];
        info.decltypes = new String[n];
        info.affinities = new char[n];
        info.dataTypes = new int[n];
        info.collations = new Collation[n];
        info.collated = new boolean[n];
        for (int i = 0; i < n; i++) {
            Item it = items.get(i);
            Expr e = it.expr;
            String name = it.alias != null ? it.alias : it.starName;
            if (e instanceof Expr.ColumnRef) {
                Scope.Resolved r = scope.resolve((Expr.ColumnRef) e);
                if (r.isColumn()) {
                    int c = r.column;
                    if (c == Source.ROWID && r.source.table != null && r.source.table.rowidAlias() >= 0) {
                        c = r.source.table.rowidAlias();
                    }
                    if (name == null) {
                        name = c == Source.ROWID ? "rowid" : r.source.columnNames[c];
                    }
                    info.decltypes[i] = c == Source.ROWID ? "INTEGER" : r.source.declaredTypes[c];
                }
            }
            if (name == null) {
                name = it.column.sourceText(p.sql);
            }
            info.names[i] = name;
            info.affinities[i] = ExprInfo.affinity(e, scope);
            info.dataTypes[i] = DataTypes.of(e, scope);
            Collation c = ExprInfo.collation(e, scope);
            info.collations[i] = c == null ? Collation.BINARY : c;
            info.collated[i] = c != null;
        }
        return info;
    }

    /** ORDER BY resolved against a core's result columns. */
    static final class OrderKeys {
        final List<Expr> exprs = new ArrayList<>();
        boolean[] desc = new boolean[0];
        Collation[] collations = new Collation[0];
        /** For each key, true when its NULLs go against its direction (NULLS LAST ascending, NULLS FIRST descending). */
        boolean[] bigNull = new boolean[0];
        /** For each key, the result column it is (by number or alias), or -1. */
        int[] itemIndex = new int[0];

        /** The keys as ORDER BY terms for the planner, each under its collation (an explicit COLLATE). */
        List<OrderingTerm> asOrderingTerms() {
            List<OrderingTerm> out = new ArrayList<>();
            for (int k = 0; k < exprs.size(); k++) {
                Expr e = exprs.get(k);
                if (!(e instanceof Expr.Collate)) {
                    e = new Expr.Collate(e, new dev.skerry.engine.parser.ast.Name(collations[k].name(),
                            dev.skerry.engine.parser.ast.Name.Quote.NONE, 0, 0), 0, 0);
                }
                out.add(new OrderingTerm(e, desc[k] ? SortOrder.DESC : SortOrder.ASC,
                        bigNull[k] ? (desc[k] ? NullsOrder.FIRST : NullsOrder.LAST) : NullsOrder.DEFAULT));
            }
            return out;
        }
    }

    /**
     * Resolves ORDER BY terms as SQLite does for a simple SELECT: a number k is result column k; a bare name
     * equal to a result column's alias (or to the name of a column a {@code *} expanded to) is that column (so
     * ALTER TABLE RENAME COLUMN leaves such a name as it is); anything else is an expression over the FROM
     * clause. A COLLATE on the term sets the sort collation.
     */
    OrderKeys orderKeys(List<OrderingTerm> orderBy, List<Item> items, Scope scope) throws SqliteException {
        OrderKeys keys = new OrderKeys();
        int n = orderBy == null ? 0 : orderBy.size();
        keys.desc = new boolean[n];
        keys.collations = new Collation[n];
        keys.itemIndex = new int[n];
        keys.bigNull = new boolean[n];
        for (int k = 0; k < n; k++) {
            OrderingTerm t = orderBy.get(k);
            boolean desc = t.order() == SortOrder.DESC;
            keys.bigNull[k] = bigNull(t);
            Expr e = t.expr();
            Expr base = e;
            Collation explicit = null;
            if (base instanceof Expr.Collate) {
                explicit = dev.skerry.engine.schema.SchemaBuilder.collation(((Expr.Collate) base).collation().text());
                base = ((Expr.Collate) base).operand();
            }
            int index = -1;
            Integer number = ColumnNumbers.of(base, p.sql);
            if (number != null) {
                long c = number;
                if (c < 1 || c > items.size()) {
                    throw SqliteException.error(ordinal(k + 1) + " ORDER BY term out of range - should be between 1 and "
                            + items.size());
                }
                index = (int) c - 1;
            } else if (base instanceof Expr.ColumnRef && ((Expr.ColumnRef) base).table() == null) {
                String nm = ((Expr.ColumnRef) base).column().text();
                for (int i = 0; i < items.size(); i++) {
                    // A column of a star expansion is named by its column name, as an alias (SQLite's ENAME_NAME).
                    Item it = items.get(i);
                    String named = it.alias != null ? it.alias : it.column != null ? it.starName : null;
                    if (named != null && Names.equal(named, nm)) {
                        index = i;
                        break;
                    }
                }
            }
            if (index < 0) {
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i).expr == base) {
                        index = i;
                    }
                }
            }
            Expr key = index >= 0 ? items.get(index).expr : base;
            keys.exprs.add(key);
            keys.desc[k] = desc;
            keys.itemIndex[k] = index;
            Collation c = explicit;
            if (c == null && scope != null) {
                c = ExprInfo.collation(key, scope);
            }
            keys.collations[k] = c == null ? Collation.BINARY : c;
        }
        return keys;
    }

    /** True when {@code t} puts NULLs where its direction does not: NULLS LAST ascending, NULLS FIRST descending. */
    static boolean bigNull(OrderingTerm t) {
        return t.nulls() != NullsOrder.DEFAULT && (t.nulls() == NullsOrder.FIRST) == (t.order() == SortOrder.DESC);
    }

    /** 1st, 2nd, 3rd, 4th... as SQLite writes them in messages. */
    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = "th";
        if (mod100 < 11 || mod100 > 13) {
            switch (n % 10) {
                case 1: suffix = "st"; break;
                case 2: suffix = "nd"; break;
                case 3: suffix = "rd"; break;
                default: break;
            }
        }
        return n + suffix;
    }

    /** A scalar subquery: its first row's single column, or NULL. */
    void scalar(Select sel, Scope scope, int target) throws SqliteException {
        int once = p.v.addOp(Opcode.ONCE, 0, 0);
        int done = p.label();
        p.v.addOp(Opcode.NULL, 0, target);
        ResultInfo info = p.explainSubquery("SCALAR SUBQUERY", sel, () -> compile(sel, scope, (first, n) -> {
            if (n != 1) {
                throw SqliteException.error("sub-select returns " + n + " columns - expected 1");
            }
            p.v.addOp(Opcode.SCOPY, first, target);
            p.v.addOp(Opcode.GOTO, 0, done);
        }));
        p.resolve(done);
        finishOnce(once, info, sel);
    }

    /**
     * The number of result columns of {@code sel}: read from its first core when that names them without
     * {@code *}, else found by compiling it into a scratch program (1 when that fails: the real compilation
     * reports the error).
     */
    int width(Select sel, Scope scope) {
        int w = RowValueSets.width(sel);
        if (w >= 0) {
            return w;
        }
        try {
            SelectCoder coder = new SelectCoder(p.scratch());
            coder.fromNesting = fromNesting;
            coder.ctes.addAll(ctes);
            return coder.compile(sel, scope, (first, n) -> { }).names.length;
        } catch (SqliteException e) {
            return 1;
        }
    }

    /** A subquery used as a row value: its first row's {@code n} columns into {@code first..}, or NULLs. */
    void scalarRow(Select sel, Scope scope, int first, int n) throws SqliteException {
        int once = p.v.addOp(Opcode.ONCE, 0, 0);
        int done = p.label();
        p.v.addOp(Opcode.NULL, 0, first, first + n - 1);
        ResultInfo info = p.explainSubquery("SCALAR SUBQUERY", sel, () -> compile(sel, scope, (regs, cnt) -> {
            if (cnt != n) {
                throw SqliteException.error("row value misused");
            }
            p.v.addOp(Opcode.COPY, regs, first, n - 1);
            p.v.addOp(Opcode.GOTO, 0, done);
        }));
        p.resolve(done);
        finishOnce(once, info, sel);
    }

    /**
     * EXISTS: 1 when the subquery yields a row, else 0. As SQLite, the ORDER BY and DISTINCT of a simple query
     * there are dropped ({@link #ignoredOrder}): OFFSET counts the rows without DISTINCT.
     */
    void exists(Select sel, Scope scope, int target) throws SqliteException {
        int once = p.v.addOp(Opcode.ONCE, 0, 0);
        int done = p.label();
        p.v.addOp(Opcode.INTEGER, 0, target);
        ResultInfo info = p.explainSubquery("SCALAR SUBQUERY", sel, () -> {
            orderIgnorable = true;
            return compile(sel, scope, (first, n) -> {
            p.v.addOp(Opcode.INTEGER, 1, target);
            p.v.addOp(Opcode.GOTO, 0, done);
            });
        });
        p.resolve(done);
        finishOnce(once, info, sel);
    }

    /** True when a FROM clause of {@code sel}'s cores names {@code table} (not inside further subqueries). */
    private boolean reads(Select sel, dev.skerry.engine.schema.Table table) {
        for (dev.skerry.engine.parser.ast.SelectCore core : sel.cores()) {
            if (core instanceof SelectCore.Query q && q.from() != null && reads(q.from(), table)) {
                return true;
            }
        }
        return false;
    }

    private boolean reads(dev.skerry.engine.parser.ast.FromClause from, dev.skerry.engine.schema.Table table) {
        if (reads(from.first(), table)) {
            return true;
        }
        for (dev.skerry.engine.parser.ast.FromClause.Join j : from.joins()) {
            if (reads(j.right(), table)) {
                return true;
            }
        }
        return false;
    }

    private boolean reads(TableOrSubquery item, dev.skerry.engine.schema.Table table) {
        if (item instanceof TableOrSubquery.Nested n) {
            return reads(n.from(), table);
        }
        return item instanceof TableOrSubquery.Table t && findCte(t.name().name().text()) == null
                && p.schema.findTable(t.name().name().text()) == table;
    }

    void finishOnce(int once, ResultInfo info, Select sel) {
        if (info.correlated || returningTarget != null && reads(sel, returningTarget)) {
            p.v.changeOpcode(once, Opcode.NOOP);
        } else {
            p.v.jumpHere(once);
        }
    }

    /**
     * {@code x [NOT] IN (SELECT ...)}: the subquery's values go into an ephemeral index (built once when
     * the subquery does not refer to the enclosing query); the result is 1 when x is there, NULL when x is
     * NULL or is not there but the subquery gave a NULL, else 0 — and 0 for an empty subquery whatever x.
     */
    void inSelect(Expr.InSelect in, Scope scope, int target) throws SqliteException {
        if (in.operand() instanceof Expr.RowValue rv) {
            RowValueIn.code(this, in, rv.values(), scope, target);
            return;
        }
        Collation coll = ExprInfo.collation(in.operand(), scope);
        int[] makeRecord = new int[1];
        int eph = p.cursor();
        int hasNull = p.reg();
        int count = p.reg();
        int once = p.v.addOp(Opcode.ONCE, 0, 0);
        int open = p.v.addOp(Opcode.OPEN_EPHEMERAL, eph, 1, 0, null);
        p.v.addOp(Opcode.INTEGER, 0, hasNull);
        p.v.addOp(Opcode.INTEGER, 0, count);
        ResultInfo info = p.explainSubquery("LIST SUBQUERY", in.select(), () -> compile(in.select(), scope,
                (first, n) -> {
            if (n != 1) {
                throw SqliteException.error("sub-select returns " + n + " columns - expected 1");
            }
            p.v.addOp(Opcode.ADD_IMM, count, 1);
            int notNull = p.v.addOp(Opcode.NOT_NULL, first, 0);
            p.v.addOp(Opcode.INTEGER, 1, hasNull);
            int skip = p.v.addOp(Opcode.GOTO, 0, 0);
            p.v.jumpHere(notNull);
            int rec = p.reg();
            makeRecord[0] = p.v.addOp(Opcode.MAKE_RECORD, first, 1, rec, null);
            p.v.addOp(Opcode.IDX_INSERT, eph, rec);
            p.v.jumpHere(skip);
        }));
        // The subquery's column affinity as compiled (SQLite's sqlite3ExprAffinity of the result expression);
        // a compound's is guessed from its first core.
        char rhsAff = in.select().isSimple() ? info.affinities[0]
                : ExprInfo.affinity(new Expr.Subquery(in.select(), in.start(), in.end()), scope);
        char aff = ExprInfo.combine(ExprInfo.affinity(in.operand(), scope), rhsAff);
        char recordAff = (char) (aff & Opcode.AFF_MASK) <= Affinity.BLOB ? Affinity.BLOB : (char) (aff & Opcode.AFF_MASK);
        if (makeRecord[0] != 0) {
            p.v.changeP4(makeRecord[0], String.valueOf(recordAff));
        }
        if (coll == null && !ExprInfo.hasExplicitCollate(in.operand())) {
            coll = info.collations[0];
        }
        if (coll == null) {
            coll = Collation.BINARY;
        }
        p.v.changeP4(open, KeyInfos.of(new Collation[] {coll}, new boolean[1]));
        finishOnce(once, info, in.select());
        int x = ex.code(in.operand(), scope);
        int found = p.label();
        int setNull = p.label();
        int done = p.label();
        p.v.addOp(Opcode.INTEGER, in.not() ? 1 : 0, target);
        p.v.addOp(Opcode.IF_NOT, count, done, 0);
        p.v.addOp(Opcode.IS_NULL, x, setNull);
        int key = p.reg();
        p.v.addOp(Opcode.SCOPY, x, key);
        p.v.addOp(Opcode.AFFINITY, key, 1, 0, String.valueOf(recordAff));
        p.v.addOp(Opcode.FOUND, eph, found, key, Integer.valueOf(1));
        p.v.addOp(Opcode.IF, hasNull, setNull, 0);
        p.v.addOp(Opcode.GOTO, 0, done);
        p.resolve(found);
        p.v.addOp(Opcode.INTEGER, in.not() ? 0 : 1, target);
        p.v.addOp(Opcode.GOTO, 0, done);
        p.resolve(setNull);
        p.v.addOp(Opcode.NULL, 0, target);
        p.resolve(done);
    }
}
