package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.func.FunctionDef;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.schema.Table;

/**
 * The checks SQLite's name resolution makes on the expressions of a CREATE INDEX (a partial index's WHERE,
 * the key expressions): only the table's columns, no subquery, no parameter, no non-deterministic function,
 * no aggregate; SQLite's messages ({@code subqueries prohibited in index expressions}, …). Nodes are visited
 * in SQLite's order (a node before its operands), so the first error reported is SQLite's.
 */
final class IndexExprCheck {
    /** What the messages call the place: {@code index expressions} or {@code partial index WHERE clauses}. */
    private final String place;
    private final Table table;
    private final Functions functions;

    private IndexExprCheck(String place, Table table, Functions functions) {
        this.place = place;
        this.table = table;
        this.functions = functions;
    }

    /** Checks a partial index's WHERE condition. */
    static void where(Expr e, Table table, Functions functions) throws SqliteException {
        new IndexExprCheck("partial index WHERE clauses", table, functions).check(e, 0);
    }

    /**
     * Checks a key as written (a column, or an expression, with or without COLLATE); a string literal there
     * names a column, as SQLite's {@code sqlite3StringToId} makes it.
     */
    static void key(Expr e, Table table, Functions functions) throws SqliteException {
        Expr x = e;
        while (x instanceof Expr.Collate) {
            x = ((Expr.Collate) x).operand();
        }
        if (x instanceof Expr.Literal && ((Expr.Literal) x).kind() == Expr.LiteralKind.STRING) {
            if (table.findColumn(((Expr.Literal) x).value()) < 0) {
                throw SqliteException.error("no such column: " + ((Expr.Literal) x).value());
            }
            return;
        }
        new IndexExprCheck("index expressions", table, functions).check(e, 0);
    }

    private void check(Expr e, int depth) throws SqliteException {
        if (e == null) {
            return;
        }
        if (depth > 1000) {
            throw SqliteException.error("Expression tree is too large (maximum depth 1000)");
        }
        if (e instanceof Expr.Subquery || e instanceof Expr.Exists || e instanceof Expr.InSelect
                || e instanceof Expr.InTable) {
            throw prohibited("subqueries");
        }
        if (e instanceof Expr.Param) {
            throw prohibited("parameters");
        }
        if (e instanceof Expr.ColumnRef) {
            Expr.ColumnRef ref = (Expr.ColumnRef) e;
            String name = ref.column().text();
            if (ref.table() != null && place.equals("index expressions")) {
                throw prohibited("the \".\" operator");
            }
            if (ref.table() != null && !Names.equal(ref.table().text(), table.name())) {
                throw SqliteException.error("no such column: " + ref.table().text() + "." + name);
            }
            if (table.findColumn(name) < 0 && !Names.equal(name, "rowid") && !Names.equal(name, "oid")
                    && !Names.equal(name, "_rowid_")) {
                throw SqliteException.error("no such column: " + name);
            }
            return;
        }
        if (e instanceof Expr.FunctionCall) {
            function((Expr.FunctionCall) e);
        }
        for (Expr c : Exprs.children(e)) {
            check(c, depth + 1);
        }
    }

    private void function(Expr.FunctionCall fc) throws SqliteException {
        String name = fc.name().text();
        int n = fc.star() ? 0 : fc.args().size();
        Object scalar = functions.scalar(name, n);
        if (scalar == null && functions.aggregate(name, n) != null) {
            throw SqliteException.error("misuse of aggregate function " + name + "()");
        }
        if (scalar == null) {
            if (functions.exists(name)) {
                throw SqliteException.error("wrong number of arguments to function " + name + "()");
            }
            throw SqliteException.error("no such function: " + name);
        }
        if (scalar instanceof FunctionDef && !((FunctionDef) scalar).isDeterministic()) {
            throw prohibited("non-deterministic functions");
        }
    }

    private SqliteException prohibited(String what) {
        return SqliteException.error(what + " prohibited in " + place);
    }

    /** True when a key expression or the WHERE of {@code index} names the column {@code column}. */
    static boolean mentions(Index index, String column) {
        for (int k = 0; k < index.columnCount(); k++) {
            if (mentions(index.expr(k), column, 0)) {
                return true;
            }
        }
        return mentions(index.where(), column, 0);
    }

    private static boolean mentions(Expr e, String column, int depth) {
        if (e == null || depth > 1000) {
            return false;
        }
        if (e instanceof Expr.ColumnRef) {
            return Names.equal(((Expr.ColumnRef) e).column().text(), column);
        }
        for (Expr c : Exprs.children(e)) {
            if (mentions(c, column, depth + 1)) {
                return true;
            }
        }
        return false;
    }
}
