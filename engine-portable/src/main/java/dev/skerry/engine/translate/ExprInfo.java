package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.ResultColumn;
import dev.skerry.engine.parser.ast.SelectCore;
import dev.skerry.engine.parser.ast.TableOrSubquery;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.schema.SchemaBuilder;
import dev.skerry.engine.value.Affinity;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.vdbe.Opcode;

/**
 * SQLite's static properties of expressions (datatype3.html sections 3.2, 4.2 and 7.1): the affinity an
 * expression has ({@code sqlite3ExprAffinity}), the affinity a comparison applies
 * ({@code sqlite3CompareAffinity}), and the collating sequence of an expression and of a comparison
 * ({@code sqlite3ExprCollSeq}, {@code sqlite3BinaryCompareCollSeq}).
 *
 * <p>Affinities are SQLite's letters ('A' BLOB, 'B' TEXT, 'C' NUMERIC, 'D' INTEGER, 'E' REAL), with
 * {@link Opcode#AFF_NONE} for an expression that has none (literals, arithmetic, functions).
 */
final class ExprInfo {
    private ExprInfo() {
    }

    /** The affinity of {@code e}: a column's, a CAST's, a scalar subquery's first column's; else none. */
    static char affinity(Expr e, Scope scope) throws SqliteException {
        while (true) {
            if (e instanceof Expr.Collate) {
                e = ((Expr.Collate) e).operand();
                continue;
            }
            if (e instanceof Expr.ColumnRef) {
                Scope.Resolved r = scope.resolve((Expr.ColumnRef) e);
                if (r.isColumn()) {
                    return r.source.affinity(r.column);
                }
                if (r.isAlias()) {
                    e = r.aliasExpr;
                    scope = r.aliasScope;
                    continue;
                }
                return (char) Opcode.AFF_NONE;
            }
            if (e instanceof Expr.Cast) {
                return Affinity.fromDeclaredType(((Expr.Cast) e).type().text());
            }
            if (e instanceof Expr.Subquery) {
                return subqueryAffinity(((Expr.Subquery) e).select().cores().get(0), scope);
            }
            return (char) Opcode.AFF_NONE;
        }
    }

    private static char subqueryAffinity(SelectCore core, Scope scope) {
        if (!(core instanceof SelectCore.Query)) {
            return (char) Opcode.AFF_NONE;
        }
        SelectCore.Query q = (SelectCore.Query) core;
        ResultColumn first = q.columns().get(0);
        if (!(first instanceof ResultColumn.Column)) {
            return (char) Opcode.AFF_NONE;
        }
        Expr e = ((ResultColumn.Column) first).expr();
        if (e instanceof Expr.Cast) {
            return Affinity.fromDeclaredType(((Expr.Cast) e).type().text());
        }
        if (e instanceof Expr.Subquery inner) {
            // sqlite3ExprAffinity of a subquery is its first column's, through nested subqueries too.
            return subqueryAffinity(inner.select().cores().get(0), scope);
        }
        if (!(e instanceof Expr.ColumnRef) || q.from() == null || !q.from().joins().isEmpty()
                || !(q.from().first() instanceof TableOrSubquery.Table)) {
            return (char) Opcode.AFF_NONE;
        }
        TableOrSubquery.Table t = (TableOrSubquery.Table) q.from().first();
        Table table = scope.schema.findTable(t.name().name().text());
        if (table == null) {
            return (char) Opcode.AFF_NONE;
        }
        Scope inner = new Scope(scope, scope.schema);
        inner.add(new Source(table, t.alias() != null ? t.alias().text() : table.name(), -1));
        try {
            return affinity(e, inner);
        } catch (SqliteException ex) {
            return (char) Opcode.AFF_NONE;
        }
    }

    /**
     * SQLite's {@code columnType} of a scalar subquery (its first result column's declared type) for the forms
     * {@link #subqueryAffinity} knows: a column of the one table of its FROM gives that column's type; a first
     * column that is not a column (an expression, a function) gives null. Throws for the other forms (a column
     * of a join, of a FROM subquery, a {@code *}), whose type Skerry does not derive.
     */
    static String subqueryDeclType(Expr.Subquery sq, Scope scope) throws SqliteException {
        SelectCore core = sq.select().cores().get(0);
        if (!(core instanceof SelectCore.Query q)) {
            return null;
        }
        ResultColumn first = q.columns().get(0);
        if (!(first instanceof ResultColumn.Column)) {
            throw SqliteException.error("the declared type of this subquery column is not supported");
        }
        Expr e = ((ResultColumn.Column) first).expr();
        if (e instanceof Expr.Subquery inner) {
            return subqueryDeclType(inner, scope);
        }
        if (!(e instanceof Expr.ColumnRef ref)) {
            return null;
        }
        if (q.from() == null || !q.from().joins().isEmpty() || !(q.from().first() instanceof TableOrSubquery.Table t)
                || scope.schema.findTable(t.name().name().text()) == null) {
            throw SqliteException.error("the declared type of this subquery column is not supported");
        }
        Table table = scope.schema.findTable(t.name().name().text());
        Scope inner = new Scope(scope, scope.schema);
        inner.add(new Source(table, t.alias() != null ? t.alias().text() : table.name(), -1));
        Scope.Resolved r = inner.resolve(ref);
        if (!r.isColumn() || r.source.table != table) {
            throw SqliteException.error("the declared type of this subquery column is not supported");
        }
        int c = r.column;
        if (c == Source.ROWID && table.rowidAlias() >= 0) {
            c = table.rowidAlias();
        }
        return c == Source.ROWID ? "INTEGER" : r.source.declaredTypes[c];
    }

    /** True for NUMERIC, INTEGER and REAL. */
    static boolean isNumeric(char aff) {
        return aff >= 'C';
    }

    /** The affinity a comparison {@code left op right} applies to its operands (0x40 bits kept as SQLite does). */
    static char compareAffinity(Expr left, Expr right, Scope scope) throws SqliteException {
        return combine(affinity(left, scope), affinity(right, scope));
    }

    /** {@code sqlite3CompareAffinity} on two expression affinities. */
    static char combine(char aff1, char aff2) {
        if (aff1 > Opcode.AFF_NONE && aff2 > Opcode.AFF_NONE) {
            if (isNumeric(aff1) || isNumeric(aff2)) {
                return 'C';
            }
            return 'A';
        }
        return (char) ((aff1 <= Opcode.AFF_NONE ? aff2 : aff1) | Opcode.AFF_NONE);
    }

    /** The collation of {@code e} (its COLLATE, or its column's through CAST and unary +), or null when it has none. */
    static Collation collation(Expr e, Scope scope) throws SqliteException {
        while (e != null) {
            if (e instanceof Expr.Collate) {
                return SchemaBuilder.collation(((Expr.Collate) e).collation().text());
            }
            if (e instanceof Expr.ColumnRef) {
                Scope.Resolved r = scope.resolve((Expr.ColumnRef) e);
                if (r.isColumn()) {
                    return r.source.collation(r.column);
                }
                if (r.isAlias()) {
                    e = r.aliasExpr;
                    scope = r.aliasScope;
                    continue;
                }
                return null;
            }
            if (e instanceof Expr.Cast) {
                e = ((Expr.Cast) e).operand();
                continue;
            }
            if (e instanceof Expr.Unary && ((Expr.Unary) e).op() == Expr.UnaryOp.PLUS) {
                e = ((Expr.Unary) e).operand();
                continue;
            }
            Expr explicit = explicitCollateChild(e);
            if (explicit != null) {
                e = explicit;
                continue;
            }
            return null;
        }
        return null;
    }

    /** True when {@code e} carries an explicit COLLATE (SQLite's EP_Collate): on itself or on an operand. */
    static boolean hasExplicitCollate(Expr e) {
        return e instanceof Expr.Collate || explicitCollateChild(e) != null;
    }

    /** The operand through which an explicit COLLATE reaches {@code e}, or null (left operand first, as SQLite). */
    private static Expr explicitCollateChild(Expr e) {
        if (e instanceof Expr.Binary) {
            Expr.Binary b = (Expr.Binary) e;
            if (hasExplicitCollate(b.left())) {
                return b.left();
            }
            if (hasExplicitCollate(b.right())) {
                return b.right();
            }
            return null;
        }
        if (e instanceof Expr.Unary && ((Expr.Unary) e).op() != Expr.UnaryOp.NOT) {
            Expr o = ((Expr.Unary) e).operand();
            return hasExplicitCollate(o) ? o : null;
        }
        return null;
    }

    /** The collation of a comparison: explicit COLLATE left then right, else left's column's, else right's, else BINARY. */
    static Collation compareCollation(Expr left, Expr right, Scope scope) throws SqliteException {
        Collation c;
        if (hasExplicitCollate(left)) {
            c = collation(left, scope);
        } else if (right != null && hasExplicitCollate(right)) {
            c = collation(right, scope);
        } else {
            c = collation(left, scope);
            if (c == null && right != null) {
                c = collation(right, scope);
            }
        }
        return c == null ? Collation.BINARY : c;
    }
}
