package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.ResultColumn;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The names an expression can see (SQLite's {@code NameContext}): the sources of its own query, then the
 * aliases of its query's result columns, then the enclosing query's scope (a correlated subquery).
 *
 * <p>Resolution follows SQLite's {@code lookupName}: a qualified name {@code t.c} looks for source {@code t}
 * (alias, else table name); an unqualified name looks in every source and is ambiguous when two have it
 * (except the columns USING/NATURAL merged); {@code rowid}, {@code oid} and {@code _rowid_} name the rowid of
 * a table without a column of that name; then result-column aliases (except from inside a result column);
 * then the outer scope. A name found
 * nowhere is {@code no such column: X} ({@code no such column: t.X} when qualified) — unless it was
 * double-quoted and unqualified, which makes it a string literal ({@link Resolved#isString}).
 */
final class Scope {
    final Scope outer;
    final Schema schema;
    final List<Source> sources = new ArrayList<>();
    /** The result columns whose aliases names may refer to, or null. */
    List<ResultColumn> resultColumns;
    /** Columns a USING or NATURAL join merged: the right-hand source's column is hidden from unqualified names. */
    final List<int[]> hiddenColumns = new ArrayList<>();
    /**
     * Columns merged by the USING of a RIGHT or FULL join: an unqualified reference to column {@code column}
     * of source {@code source} (the visible one of the merged columns) reads {@code value} instead.
     */
    private final List<Merged> merged = new ArrayList<>();
    /** Set when an expression of this scope refers to an outer scope's source. */
    boolean correlated;
    /**
     * While an ORDER BY or GROUP BY term is checked ({@link OuterRefs}): names resolve in this scope only, not
     * in enclosing queries (SQLite's resolver clears {@code pNext} for them).
     */
    boolean barrier;
    /** While resolving in an aggregate context, aggregate calls are allowed. */
    AggregateInfo aggregates;
    /** While a window query's rows are output: the expressions already computed, else null. */
    ComputedExprs computed;

    /** What records the column references resolved here (see {@link RenameWatch}), inherited from the outer scope; else null. */
    RenameWatch watch;

    Scope(Scope outer, Schema schema) {
        this.outer = outer;
        this.schema = schema;
        this.watch = outer != null ? outer.watch : null;
    }

    /** True when {@code src} reads a table of the database named {@code dbName} (temp or an attached one). */
    private boolean inDatabase(Source src, String dbName) {
        return src.table != null && schema != null && schema.findDatabase(dbName) == src.table.db();
    }

    void add(Source s) {
        sources.add(s);
    }

    /** One merged USING column (see {@link #merge}). */
    private static final class Merged {
        final int source;
        final int column;
        final Expr value;

        Merged(int source, int column, Expr value) {
            this.source = source;
            this.column = column;
            this.value = value;
        }
    }

    /** Makes unqualified references to column {@code column} of source {@code source} read {@code value}. */
    void merge(int source, int column, Expr value) {
        for (int k = 0; k < merged.size(); k++) {
            if (merged.get(k).source == source && merged.get(k).column == column) {
                merged.remove(k);
                break;
            }
        }
        merged.add(new Merged(source, column, value));
    }

    /** What an unqualified reference to column {@code column} of source {@code source} reads, or null: the column. */
    Expr merged(int source, int column) {
        for (Merged m : merged) {
            if (m.source == source && m.column == column) {
                return m.value;
            }
        }
        return null;
    }

    /** What a column reference means. */
    static final class Resolved {
        final Source source;
        final int column;
        final Expr aliasExpr;
        final Scope aliasScope;
        final String string;
        /** 1 or 0 when the name is TRUE or FALSE and no column has it, else -1. */
        int booleanValue = -1;

        private Resolved(Source source, int column, Expr aliasExpr, Scope aliasScope, String string) {
            this.source = source;
            this.column = column;
            this.aliasExpr = aliasExpr;
            this.aliasScope = aliasScope;
            this.string = string;
        }

        boolean isColumn() {
            return source != null;
        }

        boolean isAlias() {
            return aliasExpr != null;
        }

        boolean isString() {
            return string != null;
        }

        boolean isBoolean() {
            return booleanValue >= 0;
        }
    }

    /** Resolves a column reference; throws SQLite's error when it names nothing. */
    Resolved resolve(Expr.ColumnRef ref) throws SqliteException {
        Name table = ref.table();
        String column = ref.column().text();
        for (Scope s = this; s != null; s = s.outer) {
            Resolved r = s.lookupHere(table, column, ref.schema(), ref);
            if (r == null && s.barrier) {
                break;
            }
            if (r != null) {
                if (watch != null && r.source != null) {
                    watch.column(ref, r.source, r.column);
                }
                if (s != this) {
                    for (Scope t = this; t != s; t = t.outer) {
                        t.correlated = true;
                    }
                }
                return r;
            }
        }
        if (table == null && ref.column().isDoubleQuoted()) {
            return new Resolved(null, 0, null, null, column);
        }
        if (table == null && (Names.equal(column, "true") || Names.equal(column, "false"))) {
            Resolved r = new Resolved(null, 0, null, null, null);
            r.booleanValue = Names.equal(column, "true") ? 1 : 0;
            return r;
        }
        throw SqliteException.error("no such column: " + (table == null ? column
                : (ref.schema() == null ? "" : ref.schema().text() + ".") + table.text() + "." + column));
    }

    private Resolved lookupHere(Name table, String column, Name schemaName, Expr.ColumnRef ref)
            throws SqliteException {
        Source found = null;
        int foundColumn = 0;
        int foundSource = 0;
        int count = 0;
        for (int k = 0; k < sources.size(); k++) {
            Source src = sources.get(k);
            if (src.nestedTables != null && (table == null || !Names.equal(src.name, table.text()))) {
                if (schemaName == null || Names.equal(schemaName.text(), "main")) {
                    for (int c = NestedJoins.nextColumn(src, table, column, 0); c >= 0;
                            c = table == null ? NestedJoins.nextColumn(src, null, column, c + 1) : -1) {
                        if (table == null && isHidden(k, c)) {
                            continue;
                        }
                        count++;
                        if (found == null) {
                            found = src;
                            foundColumn = c;
                            foundSource = k;
                        }
                    }
                }
                continue;
            }
            if ((table != null && !Names.equal(src.name, table.text())) || (table == null && src.qualifiedOnly)) {
                continue;
            }
            if (schemaName != null && !Names.equal(schemaName.text(), "main") && !inDatabase(src, schemaName.text())) {
                continue;
            }
            int c = src.findColumn(column);
            if (c >= 0) {
                if (table == null && isHidden(k, c)) {
                    continue;
                }
                count++;
                if (found == null) {
                    found = src;
                    foundColumn = c;
                    foundSource = k;
                }
            }
        }
        if (count > 1) {
            throw SqliteException.error("ambiguous column name: " + (table == null ? column
                    : table.text() + "." + column));
        }
        if (count == 1) {
            Expr value = table == null ? merged(foundSource, foundColumn) : null;
            if (value != null) {
                return new Resolved(null, 0, value, this, null);
            }
            return new Resolved(found, foundColumn, null, null, null);
        }
        if (isRowidName(column)) {
            Source rowidSource = null;
            int n = 0;
            for (Source src : sources) {
                if ((table == null ? !src.qualifiedOnly : Names.equal(src.name, table.text()))
                        && ((src.table != null && !src.table.withoutRowid()) || src.function != null)) {
                    rowidSource = src;
                    n++;
                }
            }
            if (n == 1) {
                return new Resolved(rowidSource, Source.ROWID, null, null, null);
            }
            if (n > 1) {
                throw SqliteException.error("ambiguous column name: " + column);
            }
        }
        if (table == null && resultColumns != null && !withinResultColumn(ref)) {
            for (ResultColumn rc : resultColumns) {
                if (rc instanceof ResultColumn.Column) {
                    ResultColumn.Column col = (ResultColumn.Column) rc;
                    if (col.alias() != null && Names.equal(col.alias().text(), column)) {
                        return new Resolved(null, 0, col.expr(), this, null);
                    }
                }
            }
        }
        return null;
    }

    /**
     * True when {@code ref} is written inside one of this query's result columns (also inside a subquery
     * there): as in SQLite, a result column cannot see the aliases of its own query's result columns.
     */
    private boolean withinResultColumn(Expr.ColumnRef ref) {
        if (ref.start() >= ref.end()) {
            return false;
        }
        for (ResultColumn rc : resultColumns) {
            if (rc.start() <= ref.start() && ref.end() <= rc.end()) {
                return true;
            }
        }
        return false;
    }

    private boolean isHidden(int sourceIndex, int column) {
        for (int[] h : hiddenColumns) {
            if (h[0] == sourceIndex && h[1] == column) {
                return true;
            }
        }
        return false;
    }

    static boolean isRowidName(String name) {
        return Names.equal(name, "rowid") || Names.equal(name, "oid") || Names.equal(name, "_rowid_");
    }

    /** The source named {@code name} (alias or table name) in this scope only, or null. */
    Source findSource(String name) {
        for (Source s : sources) {
            if (Names.equal(s.name, name)) {
                return s;
            }
        }
        return null;
    }
}
