package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.schema.Index;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a query may use a partial index (SQLite's {@code whereUsablePartialIndex} and
 * {@code sqlite3ExprImpliesExpr}): each AND-term of the index's WHERE must be implied by one term of the
 * query's WHERE (or, for the right side of a LEFT JOIN, of its ON clause). A term implies an index term when
 * it is the same expression, when it implies one side of an OR, or, for {@code x IS NOT NULL} /
 * {@code x NOTNULL}, when it is a comparison or operation on {@code x} that is NULL whenever {@code x} is
 * ({@code exprImpliesNotNull}).
 */
final class PartialIndexes {
    private final ExprMatch match;

    private PartialIndexes(ExprMatch match) {
        this.match = match;
    }

    /**
     * True when {@code index} is no partial index, or when the query's terms that hold for loop level
     * {@code self} (source {@code s}; {@code leftInner}: the right side of a LEFT JOIN, where only its ON
     * terms hold) imply its WHERE. An INDEXED BY naming a partial index the terms do not imply is SQLite's
     * {@code no query solution}.
     */
    static boolean usable(Index index, List<WhereTerm> terms, int self, boolean leftInner, Source s, Scope scope)
            throws SqliteException {
        if (index.where() == null) {
            return true;
        }
        List<WhereTerm> held = new ArrayList<>();
        for (WhereTerm t : terms) {
            if (leftInner ? t.leftJoinLevel == self : t.leftJoinLevel < 0 || t.leftJoinLevel == self) {
                held.add(t);
            }
        }
        if (new PartialIndexes(new ExprMatch(scope, s)).allImplied(index.where(), held, 0)) {
            return true;
        }
        if (s.indexedBy == index) {
            throw SqliteException.error("no query solution");
        }
        return false;
    }

    private boolean allImplied(Expr where, List<WhereTerm> terms, int depth) throws SqliteException {
        if (where instanceof Expr.Binary && ((Expr.Binary) where).op() == Expr.BinaryOp.AND && depth < 1000) {
            return allImplied(((Expr.Binary) where).left(), terms, depth + 1)
                    && allImplied(((Expr.Binary) where).right(), terms, depth + 1);
        }
        for (WhereTerm t : terms) {
            if (implies(t.expr, where, 0)) {
                return true;
            }
        }
        return false;
    }

    /** {@code sqlite3ExprImpliesExpr}: when {@code e1} is true, {@code e2} is true. */
    private boolean implies(Expr e1, Expr e2, int depth) throws SqliteException {
        if (depth > 1000) {
            return false;
        }
        if (match.same(e1, e2)) {
            return true;
        }
        if (e2 instanceof Expr.Binary && ((Expr.Binary) e2).op() == Expr.BinaryOp.OR
                && (implies(e1, ((Expr.Binary) e2).left(), depth + 1)
                || implies(e1, ((Expr.Binary) e2).right(), depth + 1))) {
            return true;
        }
        return e2 instanceof Expr.IsNull && ((Expr.IsNull) e2).not()
                && impliesNotNull(e1, ((Expr.IsNull) e2).operand(), false, 0);
    }

    /** {@code exprImpliesNotNull}: when {@code p} is true, {@code nn} is not NULL. */
    private boolean impliesNotNull(Expr p, Expr nn, boolean seenNot, int depth) throws SqliteException {
        if (p == null || depth > 1000) {
            return false;
        }
        if (match.same(p, nn)) {
            return !(nn instanceof Expr.Literal && ((Expr.Literal) nn).kind() == Expr.LiteralKind.NULL);
        }
        if (p instanceof Expr.InList) {
            return impliesNotNull(((Expr.InList) p).operand(), nn, true, depth + 1);
        }
        if (p instanceof Expr.InSelect) {
            return !seenNot && !((Expr.InSelect) p).not()
                    && impliesNotNull(((Expr.InSelect) p).operand(), nn, true, depth + 1);
        }
        if (p instanceof Expr.Between) {
            Expr.Between b = (Expr.Between) p;
            if (seenNot || b.not()) {
                return false;
            }
            return impliesNotNull(b.low(), nn, true, depth + 1) || impliesNotNull(b.high(), nn, true, depth + 1)
                    || impliesNotNull(b.operand(), nn, true, depth + 1);
        }
        if (p instanceof Expr.Binary) {
            Expr.Binary b = (Expr.Binary) p;
            switch (b.op()) {
                case EQ: case NE: case LT: case LE: case GT: case GE: case ADD: case SUBTRACT: case BIT_OR:
                case LSHIFT: case RSHIFT: case CONCAT:
                    seenNot = true;
                    return impliesNotNull(b.right(), nn, seenNot, depth + 1)
                            || impliesNotNull(b.left(), nn, seenNot, depth + 1);
                case MULTIPLY: case REMAINDER: case BIT_AND: case DIVIDE:
                    return impliesNotNull(b.right(), nn, seenNot, depth + 1)
                            || impliesNotNull(b.left(), nn, seenNot, depth + 1);
                default:
                    return false;
            }
        }
        if (p instanceof Expr.Collate) {
            return impliesNotNull(((Expr.Collate) p).operand(), nn, seenNot, depth + 1);
        }
        if (p instanceof Expr.Unary) {
            Expr.Unary u = (Expr.Unary) p;
            boolean not = u.op() == Expr.UnaryOp.NOT || u.op() == Expr.UnaryOp.BIT_NOT;
            if (not || u.op() == Expr.UnaryOp.PLUS || u.op() == Expr.UnaryOp.NEGATE) {
                return impliesNotNull(u.operand(), nn, seenNot || not, depth + 1);
            }
        }
        return false;
    }
}
