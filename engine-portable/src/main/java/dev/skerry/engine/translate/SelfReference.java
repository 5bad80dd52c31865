package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.func.FunctionDef;
import dev.skerry.engine.func.WindowFunctions;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.schema.CheckConstraint;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.schema.Table;

/**
 * The checks CREATE TABLE makes of the expressions that refer to the table's own row (SQLite's
 * {@code sqlite3ResolveSelfReference}): CHECK constraints first, then generated columns
 * ({@link GeneratedColumns#check}). The expression is walked in SQLite's order and the first thing it may
 * not hold is the error: a column of no such name ({@code no such column: x}, {@code no such column: t.x});
 * a subquery or a parameter ({@code subqueries prohibited in CHECK constraints}); an unknown function, a
 * wrong argument count, an aggregate or window function. A CHECK may name the table's columns qualified by
 * the table's name and may name the rowid; a generated column may do neither ({@code the "." operator
 * prohibited in generated columns}), nor call a non-deterministic function.
 */
final class SelfReference {
    private SelfReference() {
    }

    /** An expression of a CHECK constraint. */
    static final int CHECK = 0;
    /** The expression of a generated column. */
    static final int GENERATED = 1;

    /** Checks every CHECK constraint of a table being created. */
    static void checkConstraints(Parse p, Table table) throws SqliteException {
        for (CheckConstraint c : table.checks()) {
            resolve(p, table, c.expr(), CHECK);
        }
    }

    /** Checks {@code e}, an expression of {@code kind} over the row of {@code table}. */
    static void resolve(Parse p, Table table, Expr e, int kind) throws SqliteException {
        String where = kind == CHECK ? "CHECK constraints" : "generated columns";
        if (e instanceof Expr.ColumnRef) {
            column(table, (Expr.ColumnRef) e, kind);
            return;
        }
        if (e instanceof Expr.Subquery || e instanceof Expr.Exists || e instanceof Expr.InSelect
                || e instanceof Expr.InTable) {
            throw SqliteException.error("subqueries prohibited in " + where);
        }
        if (e instanceof Expr.Param) {
            throw SqliteException.error("parameters prohibited in " + where);
        }
        if (e instanceof Expr.FunctionCall) {
            function(p, (Expr.FunctionCall) e, kind);
        }
        if (e instanceof Expr.Literal && kind == GENERATED) {
            Expr.LiteralKind k = ((Expr.Literal) e).kind();
            if (k == Expr.LiteralKind.CURRENT_DATE || k == Expr.LiteralKind.CURRENT_TIME
                    || k == Expr.LiteralKind.CURRENT_TIMESTAMP) {
                throw SqliteException.error("non-deterministic functions prohibited in generated columns");
            }
        }
        for (Expr child : Exprs.children(e)) {
            resolve(p, table, child, kind);
        }
    }

    private static void column(Table table, Expr.ColumnRef ref, int kind) throws SqliteException {
        String name = ref.column().text();
        if (ref.table() != null) {
            if (kind == GENERATED) {
                throw SqliteException.error("the \".\" operator prohibited in generated columns");
            }
            if (!Names.equal(ref.table().text(), table.name())) {
                throw SqliteException.error("no such column: " + ref.table().text() + "." + name);
            }
        }
        if (table.findColumn(name) >= 0) {
            return;
        }
        if (kind == CHECK && Scope.isRowidName(name)) {
            return;
        }
        if (ref.table() == null && (ref.column().isDoubleQuoted() || Names.equal(name, "true")
                || Names.equal(name, "false"))) {
            return;
        }
        throw SqliteException.error("no such column: " + (ref.table() == null ? "" : ref.table().text() + ".")
                + name);
    }

    /**
     * The columns an UPDATE changes, as SQLite's {@code aXRef} marks them: {@code assigned[i]} set, or (a
     * generated column) one it uses changed; the last element is the rowid (changed when {@code rowidChanged}
     * or the INTEGER PRIMARY KEY is assigned).
     */
    static boolean[] updatedColumns(Table table, Expr[] assigned, boolean rowidChanged) {
        int n = table.columnCount();
        boolean[] updated = new boolean[n + 1];
        for (int i = 0; i < n; i++) {
            updated[i] = assigned[i] != null;
        }
        updated[n] = rowidChanged || (table.rowidAlias() >= 0 && updated[table.rowidAlias()]);
        if (table.rowidAlias() >= 0) {
            updated[table.rowidAlias()] = updated[n];
        }
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int i = 0; i < n; i++) {
                if (!updated[i] && table.column(i).isGenerated()
                        && referencesUpdated(table, table.column(i).generated(), updated)) {
                    updated[i] = true;
                    progress = true;
                }
            }
        }
        return updated;
    }

    /**
     * True when {@code e} names a column marked in {@code updated} (or the rowid, the last mark): a CHECK
     * constraint that names none is not tested by an UPDATE (SQLite's {@code sqlite3ExprReferencesUpdatedColumn}).
     */
    static boolean referencesUpdated(Table table, Expr e, boolean[] updated) {
        if (e instanceof Expr.ColumnRef) {
            String name = ((Expr.ColumnRef) e).column().text();
            int c = table.findColumn(name);
            if (c >= 0) {
                return updated[c];
            }
            return Scope.isRowidName(name) && updated[table.columnCount()];
        }
        for (Expr child : Exprs.children(e)) {
            if (referencesUpdated(table, child, updated)) {
                return true;
            }
        }
        return false;
    }

    private static void function(Parse p, Expr.FunctionCall fc, int kind) throws SqliteException {
        String name = fc.name().text();
        int n = fc.star() ? 0 : fc.args().size();
        Object scalar = p.functions.scalar(name, n);
        if (fc.over() != null || (scalar == null && WindowFunctions.kind(name) >= 0)) {
            throw SqliteException.error("misuse of window function " + name + "()");
        }
        if (scalar == null && p.functions.aggregate(name, n) != null) {
            throw SqliteException.error("misuse of aggregate function " + name + "()");
        }
        if (scalar == null) {
            throw SqliteException.error(p.functions.exists(name)
                    ? "wrong number of arguments to function " + name + "()" : "no such function: " + name);
        }
        if (kind == GENERATED && scalar instanceof FunctionDef && !((FunctionDef) scalar).isDeterministic()) {
            throw SqliteException.error("non-deterministic functions prohibited in generated columns");
        }
    }
}
