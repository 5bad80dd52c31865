package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.FromClause;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.ResultColumn;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.SelectCore;
import dev.skerry.engine.parser.ast.TableOrSubquery;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.vdbe.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * Parenthesized joins after the first item of a FROM clause, and parenthesized items with an alias, run as a
 * subquery as SQLite's parser makes them ({@code SF_NestedFrom}; a parenthesized join in the first place is
 * spliced into the FROM clause, by SQLite too); and the right side of a RIGHT or FULL JOIN that is a
 * table-valued function (its rows must be read again after the loops, which a function's cursor cannot).
 *
 * <p>The subquery is {@code SELECT *} over the parenthesized FROM clause, with every column of every item
 * (also those a USING inside merged, and a function's hidden ones). Its source remembers, per column, the
 * item inside the parentheses it comes from and its name there, so {@code b.y} and {@code b.*} still reach
 * the columns of {@code b}; unqualified names look at those names (two items' {@code id} are ambiguous);
 * {@code *} skips the merged and hidden columns; the columns are named as SQLite names a subquery's
 * (a repeated name gets {@code :N}), which is how they show in results.
 */
final class NestedJoins {
    private NestedJoins() {
    }

    /** The expansion of the subquery's {@code *}: the marker list and what each column came from. */
    static final class Expansion {
        final List<ResultColumn> columns = List.of(new ResultColumn.Star(0, 0));
        final List<String> tables = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<Boolean> noExpand = new ArrayList<>();
        final List<Boolean> hidden = new ArrayList<>();

        /** Every column of every source of the parenthesized FROM clause, qualified by its source. */
        List<SelectCoder.Item> expand(Scope scope) {
            List<SelectCoder.Item> items = new ArrayList<>();
            for (int k = 0; k < scope.sources.size(); k++) {
                Source s = scope.sources.get(k);
                for (int c = 0; c < s.columnCount(); c++) {
                    items.add(new SelectCoder.Item(FromBuilder.ref(s, s.columnNames[c]), null, columns.get(0),
                            s.columnNames[c]));
                    tables.add(s.nestedTables != null ? s.nestedTables[c] : s.name);
                    names.add(s.nestedColumns != null ? s.nestedColumns[c] : s.columnNames[c]);
                    boolean functionHidden = c >= s.visibleColumns() || s.nestedHidden != null && s.nestedHidden[c];
                    hidden.add(functionHidden);
                    noExpand.add(functionHidden || hidden(scope, k, c)
                            || s.nestedNoExpand != null && s.nestedNoExpand[c]);
                }
            }
            return items;
        }
    }

    /**
     * True when {@code nested}, not the first item of its FROM clause, is a subquery: as in SQLite's parser,
     * when it holds several items or has an alias ({@code ((b))} is {@code b}).
     */
    static boolean needsSubquery(TableOrSubquery.Nested nested) {
        return nested.alias() != null || !nested.from().joins().isEmpty();
    }

    /** Adds {@code from} (parenthesized, aliased {@code alias} or not) to {@code scope} as a materialized subquery. */
    static void materialize(Parse p, SelectCoder selects, FromClause from, Name alias, Scope scope)
            throws SqliteException {
        Expansion e = new Expansion();
        Select select = new Select(null, List.of(new SelectCore.Query(false, e.columns, from, null, List.of(), null,
                List.of())), List.of(), List.of(), null, 0, 0);
        int cursor = p.cursor();
        String name = alias != null ? alias.text() : "(join-" + cursor + ")";
        int explainParent = p.explainPush("MATERIALIZE " + name);
        int open = p.v.addOp(Opcode.OPEN_EPHEMERAL, cursor, 0);
        NestedJoins.Expansion outerExpansion = selects.nested;
        selects.nested = e;
        SelectCoder.ResultInfo info;
        try {
            info = selects.compile(select, scope.outer, (first, cnt) -> {
                int rec = p.reg();
                int rowid = p.reg();
                p.v.addOp(Opcode.MAKE_RECORD, first, cnt, rec);
                p.v.addOp(Opcode.NEW_ROWID, cursor, rowid);
                p.v.addOp(Opcode.INSERT, cursor, rec, rowid);
            });
        } finally {
            selects.nested = outerExpansion;
        }
        p.explainPop(explainParent);
        p.v.changeP2(open, info.names.length);
        if (info.correlated) {
            scope.correlated = true;
        }
        int n = e.names.size();
        Source s = new Source(name, uniqueNames(e.names), info.affinities, info.collations, info.decltypes, cursor);
        s.nestedTables = e.tables.toArray(new String[0]);
        s.nestedColumns = e.names.toArray(new String[0]);
        s.nestedNoExpand = new boolean[n];
        s.nestedHidden = new boolean[n];
        for (int i = 0; i < n; i++) {
            s.nestedNoExpand[i] = e.noExpand.get(i);
            s.nestedHidden[i] = e.hidden.get(i);
        }
        scope.add(s);
    }

    /**
     * The column names of the subquery as SQLite's {@code sqlite3ColumnsFromExprList} makes them: a name
     * already taken (ASCII case ignored) loses a trailing {@code :digits} and gets {@code :N}, N counting the
     * collisions of the whole list.
     */
    static String[] uniqueNames(List<String> names) {
        String[] out = new String[names.size()];
        int cnt = 0;
        for (int i = 0; i < out.length; i++) {
            String name = names.get(i);
            while (taken(out, i, name)) {
                int end = name.length();
                int j = end - 1;
                while (j > 0 && name.charAt(j) >= '0' && name.charAt(j) <= '9') {
                    j--;
                }
                if (j > 0 && name.charAt(j) == ':') {
                    end = j;
                }
                name = name.substring(0, end) + ":" + (++cnt);
            }
            out[i] = name;
        }
        return out;
    }

    private static boolean taken(String[] names, int n, String name) {
        for (int k = 0; k < n; k++) {
            if (Names.equal(names[k], name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first column at or after {@code from} of a subquery source that {@code table.column} names (with
     * {@code table} null: any item's {@code column}), or -1.
     */
    static int nextColumn(Source s, Name table, String column, int from) {
        for (int c = from; c < s.nestedColumns.length; c++) {
            if (Names.equal(s.nestedColumns[c], column)
                    && (table == null || Names.equal(s.nestedTables[c], table.text()))) {
                return c;
            }
        }
        return -1;
    }

    /**
     * {@code t.*} where {@code t} is an item inside a parenthesized join (not the join's alias, as in SQLite):
     * adds its columns but a function's hidden ones to {@code items} and returns true, or returns false when no subquery source has such an item.
     */
    static boolean tableStar(Scope scope, String table, ResultColumn rc, List<SelectCoder.Item> items) {
        boolean any = false;
        for (Source s : scope.sources) {
            if (s.nestedTables == null) {
                continue;
            }
            for (int c = 0; c < s.nestedTables.length; c++) {
                if (Names.equal(s.nestedTables[c], table) && !s.nestedHidden[c]) {
                    items.add(new SelectCoder.Item(FromBuilder.ref(s, s.columnNames[c]), null, rc, s.columnNames[c]));
                    any = true;
                }
            }
            if (any) {
                return true;
            }
        }
        return false;
    }

    private static boolean hidden(Scope scope, int k, int c) {
        for (int[] h : scope.hiddenColumns) {
            if (h[0] == k && h[1] == c) {
                return true;
            }
        }
        return false;
    }
}
