package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.FromClause;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.QualifiedName;
import dev.skerry.engine.parser.ast.TableOrSubquery;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.schema.View;
import dev.skerry.engine.vdbe.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a FROM clause into the {@link Source}s of a scope and the join terms (SQLite's {@code sqlite3SrcList}
 * handling in {@code select.c}): tables are looked up in the schema, subqueries are materialized into
 * ephemeral tables before the loops, and NATURAL/USING joins become equality terms with the right-hand
 * column hidden from unqualified names. LEFT JOIN marks its right side and keeps its ON terms apart; RIGHT
 * JOIN marks its right side for {@link RightJoins} and keeps its ON terms apart too; FULL JOIN does both.
 * In a RIGHT JOIN an unqualified USING column names the right table's column, in a FULL JOIN the
 * coalesce() of both sides ({@link Scope#merge}), as SQLite's {@code lookupName} resolves them.
 */
final class FromBuilder {
    /** What the FROM clause gave: the sources are in {@link Scope#sources}. */
    static final class Result {
        final List<WhereTerm> terms = new ArrayList<>();
        final List<Expr> joinExprs = new ArrayList<>();
        final List<Integer> joinLevels = new ArrayList<>();
        /** For each join condition, the level of the FROM item whose join it belongs to. */
        final List<Integer> joinOrigins = new ArrayList<>();
        boolean[] leftInner = new boolean[0];
    }

    private FromBuilder() {
    }

    static Result build(Parse p, SelectCoder selects, FromClause from, Scope scope) throws SqliteException {
        Result r = new Result();
        if (from == null) {
            return r;
        }
        from = flattenLeading(from);
        List<FromClause.Join> joins = from.joins();
        boolean anyRight = false;
        for (FromClause.Join join : joins) {
            anyRight |= join.type() == FromClause.JoinType.RIGHT || join.type() == FromClause.JoinType.FULL;
        }
        add(p, selects, from.first(), scope, r);
        for (int j = 0; j < joins.size(); j++) {
            FromClause.Join join = joins.get(j);
            int level = scope.sources.size();
            boolean right = join.type() == FromClause.JoinType.RIGHT || join.type() == FromClause.JoinType.FULL;
            boolean left = join.type() == FromClause.JoinType.LEFT || join.type() == FromClause.JoinType.FULL;
            if (join.right() instanceof TableOrSubquery.Nested nested && NestedJoins.needsSubquery(nested)) {
                nestedSubquery(p, selects, nested.from(), nested.alias(), scope);
            } else if (right && isFunction(p, selects, join.right())) {
                nestedSubquery(p, selects, new FromClause(join.right(), List.of()), null, scope);
            } else {
                add(p, selects, join.right(), scope, r);
            }
            if (left) {
                boolean[] grown = new boolean[level + 1];
                System.arraycopy(r.leftInner, 0, grown, 0, r.leftInner.length);
                grown[level] = true;
                r.leftInner = grown;
            }
            if (join.natural() && (join.on() != null || !join.using().isEmpty())) {
                throw SqliteException.error("a NATURAL join may not have an ON or USING clause");
            }
            if (join.on() != null && !join.using().isEmpty()) {
                throw SqliteException.error("cannot have both ON and USING clauses in the same join");
            }
            Source rightSource = scope.sources.get(level);
            rightSource.rightJoin = right;
            int onLevel = left || right ? level : -1;
            List<String> using = new ArrayList<>();
            if (join.natural()) {
                for (String c : rightSource.columnNames) {
                    if (leftSourceWith(scope, level, c) >= 0) {
                        using.add(c);
                    }
                }
            } else {
                for (Name n : join.using()) {
                    using.add(n.text());
                }
            }
            for (String c : using) {
                int ls = leftSourceWith(scope, level, c);
                int rc = rightSource.findColumn(c);
                if (ls < 0 || rc < 0) {
                    throw SqliteException.error("cannot join using column " + c
                            + " - column not present in both tables");
                }
                Source lsrc = scope.sources.get(ls);
                int lc = lsrc.findColumn(c);
                Expr leftValue = anyRight ? usingLeftValue(scope, level, c) : ref(lsrc, lsrc.columnNames[lc]);
                Expr rightValue = ref(rightSource, rightSource.columnNames[rc]);
                r.joinExprs.add(new Expr.Binary(Expr.BinaryOp.EQ, leftValue, rightValue, 0, 0));
                r.joinLevels.add(onLevel);
                r.joinOrigins.add(level);
                scope.hiddenColumns.add(new int[] {level, rc});
                if (join.type() == FromClause.JoinType.RIGHT) {
                    scope.merge(ls, lc, rightValue);
                } else if (join.type() == FromClause.JoinType.FULL) {
                    Expr now = scope.merged(ls, lc);
                    scope.merge(ls, lc, coalesce(now != null ? now : ref(lsrc, lsrc.columnNames[lc]), rightValue));
                }
            }
            if (join.on() != null) {
                r.joinExprs.add(join.on());
                r.joinLevels.add(onLevel);
                r.joinOrigins.add(level);
            }
        }
        return r;
    }

    /**
     * The left-hand value of a USING column in a query with RIGHT or FULL joins (SQLite's
     * {@code sqlite3ProcessJoin}): the column of the one left table that has it, or the coalesce() of all of
     * them, each after the first having merged it in a USING of its own.
     */
    private static Expr usingLeftValue(Scope scope, int level, String column) throws SqliteException {
        List<Expr> args = new ArrayList<>();
        for (int k = 0; k < level; k++) {
            Source s = scope.sources.get(k);
            int c = s.findColumn(column);
            if (c < 0) {
                continue;
            }
            if (!args.isEmpty() && !hidden(scope, k, c)) {
                throw SqliteException.error("ambiguous reference to " + column + " in USING()");
            }
            args.add(ref(s, s.columnNames[c]));
        }
        return args.size() == 1 ? args.get(0) : call("coalesce", args);
    }

    private static Expr coalesce(Expr a, Expr b) {
        List<Expr> args = new ArrayList<>();
        args.add(a);
        args.add(b);
        return call("coalesce", args);
    }

    private static Expr call(String name, List<Expr> args) {
        return new Expr.FunctionCall(new Name(name, Name.Quote.NONE, 0, 0), false, false, args, List.of(), null,
                null, 0, 0);
    }

    /**
     * Splits the join conditions into terms once every source is known. With RIGHT or FULL joins, a condition
     * of an inner join that comes after one of them filters that join's result, so it is evaluated no earlier
     * than the right-hand side's level ({@link RightJoins#defer}).
     */
    static void terms(Result r, Scope scope) throws SqliteException {
        for (int k = 0; k < r.joinExprs.size(); k++) {
            int from = r.terms.size();
            WhereTerm.split(r.joinExprs.get(k), scope, scope.sources, r.joinLevels.get(k), r.terms);
            if (r.joinLevels.get(k) < 0) {
                RightJoins.defer(scope.sources, r.joinOrigins.get(k), r.terms.subList(from, r.terms.size()));
            }
        }
    }

    /** A qualified reference to column {@code column} of {@code s}. */
    static Expr.ColumnRef ref(Source s, String column) {
        return new Expr.ColumnRef(null, new Name(s.name, Name.Quote.NONE, 0, 0),
                new Name(column, Name.Quote.NONE, 0, 0), 0, 0);
    }

    private static int leftSourceWith(Scope scope, int level, String column) {
        for (int k = 0; k < level; k++) {
            int c = scope.sources.get(k).findColumn(column);
            if (c >= 0 && !hidden(scope, k, c)) {
                return k;
            }
        }
        return -1;
    }

    private static boolean hidden(Scope scope, int k, int c) {
        for (int[] h : scope.hiddenColumns) {
            if (h[0] == k && h[1] == c) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code FROM (a JOIN b ...) JOIN c ...} as {@code FROM a JOIN b ... JOIN c ...}: joins associate to the left,
     * so a parenthesized join without an alias in the first place groups nothing (SQLite flattens it too).
     */
    private static FromClause flattenLeading(FromClause from) {
        while (from.first() instanceof TableOrSubquery.Nested nested && nested.alias() == null) {
            List<FromClause.Join> joins = new ArrayList<>(nested.from().joins());
            joins.addAll(from.joins());
            from = new FromClause(nested.from().first(), joins);
        }
        return from;
    }

    /** A parenthesized join (or a table-valued function) as a subquery ({@link NestedJoins}). */
    private static void nestedSubquery(Parse p, SelectCoder selects, FromClause from, Name alias, Scope scope)
            throws SqliteException {
        selects.enterFrom();
        try {
            NestedJoins.materialize(p, selects, from, alias, scope);
        } finally {
            selects.leaveFrom();
        }
    }

    /** True when {@code item} is a table-valued function (written with arguments or named like a table). */
    private static boolean isFunction(Parse p, SelectCoder selects, TableOrSubquery item) {
        if (item instanceof TableOrSubquery.TableFunction) {
            return true;
        }
        if (!(item instanceof TableOrSubquery.Table t) || !isMain(t.name())) {
            return false;
        }
        String n = t.name().name().text();
        return selects.findCte(n) == null && p.schema.findTable(n) == null
                && p.schema.findView(n) == null && TableFunction.find(n, p) != null;
    }

    private static void add(Parse p, SelectCoder selects, TableOrSubquery item, Scope scope, Result into)
            throws SqliteException {
        selects.enterFrom();
        try {
            addItem(p, selects, item, scope, into);
        } finally {
            selects.leaveFrom();
        }
    }

    private static void addItem(Parse p, SelectCoder selects, TableOrSubquery item, Scope scope, Result into)
            throws SqliteException {
        if (item instanceof TableOrSubquery.Table) {
            TableOrSubquery.Table t = (TableOrSubquery.Table) item;
            String alias = t.alias() != null ? t.alias().text() : t.name().name().text();
            SelectCoder.Cte cte = t.name().schema() == null ? selects.findCte(t.name().name().text()) : null;
            if (cte != null && cte.current >= 0) {
                SelectCoder.ResultInfo info = cte.currentInfo;
                String[] names = info.names;
                if (!cte.def.columns().isEmpty()) {
                    names = new String[cte.def.columns().size()];
                    for (int k = 0; k < names.length; k++) {
                        names[k] = cte.def.columns().get(k).text();
                    }
                }
                scope.add(new Source(alias, names, info.affinities, info.collations, info.decltypes, cte.current));
                return;
            }
            if (cte != null && cte.expanding) {
                throw SqliteException.error("circular reference: " + cte.def.name().text());
            }
            // As SQLite (with or without RECURSIVE): a compound whose later arm names the CTE is recursive.
            if (cte != null && RecursiveCte.refersToItself(cte)) {
                String saved = p.sql;
                p.sql = cte.sql;
                try {
                    RecursiveCte.materialize(p, selects, cte, alias, scope);
                } finally {
                    p.sql = saved;
                }
                return;
            }
            if (cte != null) {
                List<String> cols = new ArrayList<>();
                for (Name n : cte.def.columns()) {
                    cols.add(n.text());
                }
                String saved = p.sql;
                p.sql = cte.sql;
                try {
                    // As SQLite expands a CTE into a subquery where it is named, its query sees that FROM's outer scope.
                    CountError countError = (got, want) -> RowValueSets.isWrapper(cte.def)
                            ? want + " columns assigned " + got + " values" : "table "
                            + cte.def.name().text() + " has " + got + " values for " + want + " columns";
                    String cteName = cte.def.name().text();
                    SharedCte.Fill fill = () -> selects.withVisible(cte, () -> materialize(p, selects,
                            cte.def.select(), scope.outer, alias, cteName, cols, scope, countError)).correlated;
                    if (SharedCte.applies(cte)) {
                        SharedCte.use(p, cte, alias, scope, fill);
                    } else {
                        fill.fill();
                    }
                } finally {
                    p.sql = saved;
                }
                return;
            }
            if (p.schema.findTable(t.name().name().text()) == null && isMain(t.name())
                    || attachedView(p, t.name()) != null) {
                View view = isMain(t.name()) ? p.schema.findView(t.name().name().text()) : attachedView(p, t.name());
                if (view != null) {
                    if (p.expandingViews.contains(view)) {
                        throw SqliteException.error("view " + view.name() + " is circularly defined");
                    }
                    String saved = p.sql;
                    p.sql = view.sql();
                    p.expandingViews.add(view);
                    try {
                        selects.withoutCtes(() -> {
                            materialize(p, selects, view.select(), null, alias, alias, view.columns(), scope,
                                    (got, want) -> "expected " + want + " columns for '" + view.name() + "' but got "
                                    + got);
                            return null;
                        });
                    } finally {
                        p.sql = saved;
                        p.expandingViews.remove(view);
                    }
                    return;
                }
            }
            if (p.schema.findTable(t.name().name().text()) == null && isMain(t.name())
                    && TableFunction.find(t.name().name().text(), p) != null) {
                addFunction(p, t.name(), List.of(), t.alias(), scope);
                return;
            }
            Table table = lookupTable(p, t.name());
            if (p.rename != null) {
                p.rename.table(p, t.name().name(), table);
            }
            String name = t.alias() != null ? t.alias().text() : table.name();
            Source src = new Source(table, name, p.cursor());
            applyIndexedBy(p, src, table, t.indexedBy(), t.notIndexed());
            scope.add(src);
            return;
        }
        if (item instanceof TableOrSubquery.Subquery) {
            TableOrSubquery.Subquery sq = (TableOrSubquery.Subquery) item;
            String name = sq.alias() != null ? sq.alias().text() : "(subquery-" + scope.sources.size() + ")";
            materialize(p, selects, sq.select(), scope.outer, name, name, new ArrayList<>(), scope, null);
            return;
        }
        if (item instanceof TableOrSubquery.Nested) {
            TableOrSubquery.Nested nested = (TableOrSubquery.Nested) item;
            if (NestedJoins.needsSubquery(nested)) {
                NestedJoins.materialize(p, selects, nested.from(), nested.alias(), scope);
            } else {
                add(p, selects, nested.from().first(), scope, into);
            }
            return;
        }
        TableOrSubquery.TableFunction tf = (TableOrSubquery.TableFunction) item;
        String fn = tf.name().name().text();
        if (tf.name().schema() == null && selects.findCte(fn) != null
                || isMain(tf.name()) && (p.schema.findTable(fn) != null || p.schema.findView(fn) != null)) {
            // As SQLite's selectExpander: arguments given to a CTE, table or view, found before functions.
            throw SqliteException.error("'" + fn + "' is not a function");
        }
        addFunction(p, tf.name(), tf.args(), tf.alias(), scope);
    }

    /** A table-valued function as a FROM item (with no arguments when named like a table). */
    private static void addFunction(Parse p, QualifiedName name, List<Expr> args, Name alias, Scope scope)
            throws SqliteException {
        TableFunction f = isMain(name) ? TableFunction.find(name.name().text(), p) : null;
        if (f == null) {
            throw SqliteException.error("no such table: " + name);
        }
        int hidden = f.columns().length - f.visibleColumns();
        if (args.size() > hidden) {
            throw SqliteException.error("too many arguments on " + name.name().text() + "() - max " + hidden);
        }
        scope.add(new Source(alias != null ? alias.text() : name.name().text(), f, args, p.cursor()));
    }

    /** The error when a column list and a query's columns differ in number. */
    interface CountError {
        String message(int got, int want);
    }

    /** The view {@code aux.v} names in an attached database, or null (also when the name is not so qualified). */
    private static View attachedView(Parse p, QualifiedName name) {
        if (name.schema() == null) {
            return null;
        }
        int iDb = p.schema.findDatabase(name.schema().text());
        return iDb < 2 ? null : p.schema.database(iDb).findOwnView(name.name().text());
    }

    private static boolean isMain(QualifiedName name) {
        return name.schema() == null || Names.equal(name.schema().text(), "main")
                || Names.equal(name.schema().text(), "temp");
    }

    /**
     * Materializes {@code view} into an ephemeral table added to {@code scope} as source {@code alias} (the
     * rows an UPDATE or DELETE on a view hands to its INSTEAD OF triggers); returns the source.
     */
    static Source materializeView(Parse p, SelectCoder selects, View view, String alias, Scope scope)
            throws SqliteException {
        String saved = p.sql;
        p.sql = view.sql();
        try {
            selects.withoutCtes(() -> {
                materialize(p, selects, view.select(), null, alias, alias, view.columns(), scope,
                        (got, want) -> "expected " + want + " columns for '" + view.name() + "' but got " + got);
                return null;
            });
        } finally {
            p.sql = saved;
        }
        return scope.sources.get(scope.sources.size() - 1);
    }

    /**
     * Materializes a subquery, view or CTE into an ephemeral table and adds it as source {@code name}
     * ({@code MATERIALIZE explainName} in EXPLAIN QUERY PLAN: a CTE is shown by its own name, as in SQLite).
     * {@code columns}, when not empty, renames the result columns; {@code countError} is the message (with
     * the query's and the list's column counts) when their numbers differ.
     */
    private static SelectCoder.ResultInfo materialize(Parse p, SelectCoder selects, Select select, Scope outer,
            String name, String explainName, List<String> columns, Scope scope, CountError countError)
            throws SqliteException {
        int cursor = p.cursor();
        int explainParent = p.explainPush("MATERIALIZE " + explainName);
        int open = p.v.addOp(Opcode.OPEN_EPHEMERAL, cursor, 0);
        SelectCoder.ResultInfo info = selects.compile(select, outer, (first, cnt) -> {
            int rec = p.reg();
            int rowid = p.reg();
            p.v.addOp(Opcode.MAKE_RECORD, first, cnt, rec);
            p.v.addOp(Opcode.NEW_ROWID, cursor, rowid);
            p.v.addOp(Opcode.INSERT, cursor, rec, rowid);
        });
        p.explainPop(explainParent);
        p.v.changeP2(open, info.names.length);
        if (info.correlated) {
            // The subquery refers to a query enclosing this one (its scope skips this one): this query is
            // correlated too, so it is not run Once but per outer row, filling the table again each time.
            scope.correlated = true;
        }
        String[] names = info.names;
        if (!columns.isEmpty()) {
            if (columns.size() != names.length) {
                throw SqliteException.error(countError.message(names.length, columns.size()));
            }
            names = columns.toArray(new String[0]);
        }
        char[] affinities = select.isSimple() ? info.affinities : CompoundCoder.sourceAffinities(selects, select, outer);
        scope.add(new Source(name, names, affinities, info.collations, info.decltypes, cursor));
        return info;
    }

    /** True inside the expansion of a view of main: SQLite's DbFixer qualified its names with "main.". */
    private static boolean inMainView(Parse p) {
        if (p.expandingViews.isEmpty()) {
            return false;
        }
        View v = p.expandingViews.get(p.expandingViews.size() - 1);
        return p.schema.findTempView(v.name()) != v;
    }

    /** The table {@code name} names, or SQLite's {@code no such table} error. */
    static Table lookupTable(Parse p, QualifiedName name) throws SqliteException {
        Table t;
        int boundDb = name.schema() == null ? p.boundDb() : 0;
        if (boundDb >= 2) {
            // A trigger or view of an attached database names its own database's tables (SQLite's sqlite3FixSrcList).
            t = p.schema.database(boundDb).findOwnTable(name.name().text());
        } else if (name.schema() == null) {
            t = p.schema.findTable(name.name().text());
        } else if (Names.equal(name.schema().text(), "main")) {
            t = p.schema.findOwnTable(name.name().text());
        } else if (Names.equal(name.schema().text(), "temp")) {
            String n = name.name().text();
            t = Names.equal(n, "sqlite_temp_schema") || Names.equal(n, "sqlite_temp_master")
                    ? p.schema.temp().schemaTable() : p.schema.temp().findOwnTable(n);
        } else {
            int iDb = p.schema.findDatabase(name.schema().text());
            t = iDb < 2 ? null : p.schema.database(iDb).findOwnTable(name.name().text());
        }
        if (t == null) {
            throw SqliteException.error("no such table: " + (name.schema() == null && inMainView(p) ? "main." : "")
                    + name);
        }
        return t;
    }

    /**
     * Applies a table's {@code INDEXED BY name} (null when absent) or {@code NOT INDEXED} to its source, with
     * SQLite's {@code no such index} when the index does not exist or belongs to another table.
     */
    static void applyIndexedBy(Parse p, Source src, Table table, Name indexedBy, boolean notIndexed)
            throws SqliteException {
        src.notIndexed = notIndexed;
        if (indexedBy != null) {
            src.indexedBy = p.schema.findIndex(indexedBy.text());
            if (src.indexedBy == null || src.indexedBy.table() != table) {
                throw SqliteException.error("no such index: " + indexedBy.text());
            }
        }
    }
}
