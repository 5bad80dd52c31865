package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.func.WindowFunctions;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.FromClause;
import dev.skerry.engine.parser.ast.ResultColumn;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.SelectCore;
import dev.skerry.engine.parser.ast.TableOrSubquery;
import dev.skerry.engine.schema.Names;
import dev.skerry.engine.schema.SchemaBuilder;
import dev.skerry.engine.value.Affinity;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.vdbe.Opcode;
import java.util.List;

/**
 * Code generation for expressions (SQLite's {@code expr.c}): values into registers
 * ({@link #code}, {@link #codeTo}) and conditions into jumps ({@link #jumpIfTrue}, {@link #jumpIfFalse}).
 *
 * <p>Conventions: {@link #code} returns a register holding the value that the caller must not write (it may
 * be a hoisted constant or a fresh temporary); {@link #codeTo} writes exactly the target register. Operands
 * are always evaluated into registers distinct from the target before it is written. Comparisons carry
 * SQLite's comparison affinity in P5 and the comparison collation in P4; as values they are 1, 0 or NULL.
 */
final class ExprCoder {
    private final Parse p;
    private final SelectCoder selects;
    /** How many result-column aliases are being expanded (an aggregate there not computed is SQLite's codegen error). */
    private int aliasDepth;
    /**
     * While an index expression, CHECK constraint or generated column is coded: its place (Opcode.PURE_*), and
     * function calls are PureFunc as SQLite codes them; 0 otherwise.
     */
    private int pureSite;

    /** The coder of the subqueries met in expressions. */
    SelectCoder selects() {
        return selects;
    }

    ExprCoder(Parse p, SelectCoder selects) {
        this.p = p;
        this.selects = selects;
    }

    /**
     * Makes the calls coded from now on PureFunc calls for {@code site} (Opcode.PURE_INDEX, PURE_CHECK,
     * PURE_GENCOL), or Function calls again for 0; returns the previous site, to be restored.
     */
    int pureSite(int site) {
        int was = pureSite;
        pureSite = site;
        return was;
    }

    /** A scalar function call: Function, or PureFunc in an index expression, CHECK or generated column. */
    private void call(int args, int target, Object fn, int n) {
        if (pureSite != 0) {
            p.v.addOp(Opcode.PURE_FUNC, pureSite, args, target, fn, n);
        } else {
            p.v.addOp(Opcode.FUNCTION, 0, args, target, fn, n);
        }
    }

    /** Evaluates {@code e}; returns a register holding its value (read-only for the caller). */
    int code(Expr e, Scope s) throws SqliteException {
        if (e instanceof Expr.Literal && isConstantLiteral((Expr.Literal) e)) {
            return p.constant(Literals.value((Expr.Literal) e, p.sql, false));
        }
        if (e instanceof Expr.Unary && ((Expr.Unary) e).op() == Expr.UnaryOp.NEGATE
                && ((Expr.Unary) e).operand() instanceof Expr.Literal) {
            Expr.Literal lit = (Expr.Literal) ((Expr.Unary) e).operand();
            if (lit.kind() == Expr.LiteralKind.INTEGER || lit.kind() == Expr.LiteralKind.FLOAT) {
                return p.constant(Literals.value(lit, p.sql, true));
            }
        }
        int target = p.reg();
        codeTo(e, s, target);
        return target;
    }

    private static boolean isConstantLiteral(Expr.Literal lit) {
        switch (lit.kind()) {
            case INTEGER:
            case FLOAT:
            case STRING:
            case BLOB:
            case NULL:
                return true;
            default:
                return false;
        }
    }

    /** Evaluates {@code e} into {@code target}. */
    void codeTo(Expr e, Scope s, int target) throws SqliteException {
        if (s != null && s.computed != null && s.computed.register(e) != 0) {
            p.v.addOp(Opcode.SCOPY, s.computed.register(e), target);
            return;
        }
        if (e instanceof Expr.Literal) {
            literal((Expr.Literal) e, target);
        } else if (e instanceof Expr.ColumnRef) {
            column((Expr.ColumnRef) e, s, target);
        } else if (e instanceof Expr.Param) {
            Expr.Param prm = (Expr.Param) e;
            p.parameter(prm.index(), prm.token());
            p.v.addOp(Opcode.VARIABLE, prm.index(), target, 0, prm.token().equals("?") ? null : prm.token());
        } else if (e instanceof Expr.Unary) {
            unary((Expr.Unary) e, s, target);
        } else if (e instanceof Expr.Binary) {
            binary((Expr.Binary) e, s, target);
        } else if (e instanceof Expr.Like) {
            like((Expr.Like) e, s, target);
        } else if (e instanceof Expr.Between) {
            between((Expr.Between) e, s, target);
        } else if (e instanceof Expr.InList) {
            inList((Expr.InList) e, s, target);
        } else if (e instanceof Expr.InSelect) {
            selects.inSelect((Expr.InSelect) e, s, target);
        } else if (e instanceof Expr.InTable && ((Expr.InTable) e).args() == null) {
            Expr.InTable it = (Expr.InTable) e;
            Select all = new Select(null, List.of(new SelectCore.Query(false,
                    List.of(new ResultColumn.Star(it.start(), it.start())),
                    new FromClause(new TableOrSubquery.Table(it.table(), null, null, false), List.of()), null,
                    List.of(), null, List.of())), List.of(), List.of(), null, it.start(), it.end());
            selects.inSelect(new Expr.InSelect(it.not(), it.operand(), all, it.start(), it.end()), s, target);
        } else if (e instanceof Expr.IsNull) {
            Expr.IsNull n = (Expr.IsNull) e;
            int r = code(n.operand(), s);
            p.v.addOp(Opcode.INTEGER, 1, target);
            int j = p.v.addOp(n.not() ? Opcode.NOT_NULL : Opcode.IS_NULL, r, 0);
            p.v.addOp(Opcode.INTEGER, 0, target);
            p.v.jumpHere(j);
        } else if (e instanceof Expr.Case) {
            caseExpr((Expr.Case) e, s, target);
        } else if (e instanceof Expr.Cast) {
            Expr.Cast c = (Expr.Cast) e;
            codeTo(c.operand(), s, target);
            p.v.addOp(Opcode.CAST, target, Affinity.fromDeclaredType(c.type().text()));
        } else if (e instanceof Expr.Collate) {
            SchemaBuilder.collation(((Expr.Collate) e).collation().text());
            codeTo(((Expr.Collate) e).operand(), s, target);
        } else if (e instanceof Expr.Exists) {
            selects.exists(((Expr.Exists) e).select(), s, target);
        } else if (e instanceof Expr.Subquery) {
            selects.scalar(((Expr.Subquery) e).select(), s, target);
        } else if (e instanceof Expr.FunctionCall) {
            function((Expr.FunctionCall) e, s, target);
        } else if (e instanceof Expr.RowValue) {
            throw SqliteException.error("row value misused");
        } else if (e instanceof Expr.Raise) {
            raise((Expr.Raise) e, s, target);
        } else {
            throw SqliteException.error("unsupported expression: " + e.sourceText(p.sql));
        }
    }

    /**
     * RAISE in a trigger program: IGNORE ends the trigger and skips the row that fired it (Halt with
     * OE_Ignore); ROLLBACK, ABORT and FAIL end the statement with SQLITE_CONSTRAINT_TRIGGER and the message,
     * undoing what the conflict action of the same name undoes. The expression's own value is NULL.
     */
    private void raise(Expr.Raise r, Scope s, int target) throws SqliteException {
        if (p.trigger == null) {
            throw SqliteException.error("RAISE() may only be used within a trigger-program");
        }
        if (r.action() == Expr.RaiseAction.IGNORE) {
            p.v.addOp(Opcode.HALT, 0, Opcode.OE_IGNORE);
        } else {
            int msg = code(r.message(), s);
            int onError = r.action() == Expr.RaiseAction.ROLLBACK ? Opcode.OE_ROLLBACK
                    : r.action() == Expr.RaiseAction.ABORT ? Opcode.OE_ABORT : Opcode.OE_FAIL;
            p.v.addOp(Opcode.HALT, dev.skerry.engine.ResultCode.SQLITE_CONSTRAINT_TRIGGER, onError, msg);
        }
        p.v.addOp(Opcode.NULL, 0, target);
    }

    private void literal(Expr.Literal lit, int target) throws SqliteException {
        switch (lit.kind()) {
            case CURRENT_TIME:
            case CURRENT_DATE:
            case CURRENT_TIMESTAMP: {
                String fn = lit.kind() == Expr.LiteralKind.CURRENT_TIME ? "time"
                        : lit.kind() == Expr.LiteralKind.CURRENT_DATE ? "date" : "datetime";
                Object f = p.functions.scalar(fn, 0);
                if (f == null) {
                    throw SqliteException.error("no such function: " + fn);
                }
                call(0, target, f, 0);
                return;
            }
            default:
                p.loadValue(Literals.value(lit, p.sql, false), target);
        }
    }

    private void column(Expr.ColumnRef ref, Scope s, int target) throws SqliteException {
        Scope.Resolved r = s.resolve(ref);
        if (r.isColumn()) {
            r.source.load(p, r.column, target);
        } else if (r.isAlias()) {
            if (r.aliasScope.computed == null && WindowCoder.hasWindowCall(r.aliasExpr)) {
                throw SqliteException.error("misuse of aliased window function " + ref.column().text());
            }
            aliasDepth++;
            boolean barrier = r.aliasScope.barrier;
            r.aliasScope.barrier = false;
            try {
                codeTo(r.aliasExpr, r.aliasScope, target);
            } finally {
                aliasDepth--;
                r.aliasScope.barrier = barrier;
            }
        } else if (r.isString()) {
            p.v.addString(r.string, target);
        } else {
            p.v.addOp(Opcode.INTEGER, r.booleanValue, target);
        }
    }

    private void unary(Expr.Unary u, Scope s, int target) throws SqliteException {
        switch (u.op()) {
            case NEGATE: {
                if (u.operand() instanceof Expr.Literal) {
                    Expr.Literal lit = (Expr.Literal) u.operand();
                    if (lit.kind() == Expr.LiteralKind.INTEGER || lit.kind() == Expr.LiteralKind.FLOAT) {
                        p.loadValue(Literals.value(lit, p.sql, true), target);
                        return;
                    }
                }
                int r = code(u.operand(), s);
                p.v.addOp(Opcode.SUBTRACT, r, p.constant(0L), target);
                return;
            }
            case PLUS:
                codeTo(u.operand(), s, target);
                return;
            case BIT_NOT:
                p.v.addOp(Opcode.BIT_NOT, code(u.operand(), s), target);
                return;
            default:
                p.v.addOp(Opcode.NOT, code(u.operand(), s), target);
        }
    }

    private void binary(Expr.Binary b, Scope s, int target) throws SqliteException {
        switch (b.op()) {
            case EQ:
            case NE:
            case LT:
            case LE:
            case GT:
            case GE:
            case IS:
            case IS_NOT: {
                if (truthValue(b, s) >= 0) {
                    truth(b, s, target);
                    return;
                }
                int wl = width(b.left(), s);
                int wr = width(b.right(), s);
                if (wl > 1 || wr > 1) {
                    if (wl != wr) {
                        throw SqliteException.error("row value misused");
                    }
                    vectorCompare(b, wl, s, target);
                    return;
                }
                int l = code(b.left(), s);
                int r = code(b.right(), s);
                compareValue(b.op(), l, r, ExprInfo.compareAffinity(b.left(), b.right(), s),
                        ExprInfo.compareCollation(b.left(), b.right(), s), target);
                return;
            }
            default:
                break;
        }
        int l = code(b.left(), s);
        int r = code(b.right(), s);
        switch (b.op()) {
            case AND: p.v.addOp(Opcode.AND, l, r, target); return;
            case OR: p.v.addOp(Opcode.OR, l, r, target); return;
            case ADD: p.v.addOp(Opcode.ADD, l, r, target); return;
            case SUBTRACT: p.v.addOp(Opcode.SUBTRACT, r, l, target); return;
            case MULTIPLY: p.v.addOp(Opcode.MULTIPLY, l, r, target); return;
            case DIVIDE: p.v.addOp(Opcode.DIVIDE, r, l, target); return;
            case REMAINDER: p.v.addOp(Opcode.REMAINDER, r, l, target); return;
            case BIT_AND: p.v.addOp(Opcode.BIT_AND, l, r, target); return;
            case BIT_OR: p.v.addOp(Opcode.BIT_OR, l, r, target); return;
            case LSHIFT: p.v.addOp(Opcode.SHIFT_LEFT, r, l, target); return;
            case RSHIFT: p.v.addOp(Opcode.SHIFT_RIGHT, r, l, target); return;
            case CONCAT: p.v.addOp(Opcode.CONCAT, r, l, target); return;
            default:
                break;
        }
        int args = p.regs(2);
        p.v.addOp(Opcode.SCOPY, l, args);
        p.v.addOp(Opcode.SCOPY, r, args + 1);
        p.v.addOp(Opcode.FUNCTION, 0, args, target,
                lookupScalar(b.op() == Expr.BinaryOp.JSON_ARROW ? "->" : "->>", 2), 2);
    }

    /**
     * For {@code x IS [NOT] TRUE|FALSE} (SQLite's TK_TRUTH: the right side, without COLLATE, a TRUE or FALSE that
     * names no column), 1 for TRUE and 0 for FALSE; else -1.
     */
    private static int truthValue(Expr.Binary b, Scope s) throws SqliteException {
        if (b.op() != Expr.BinaryOp.IS && b.op() != Expr.BinaryOp.IS_NOT) {
            return -1;
        }
        Expr r = b.right();
        while (r instanceof Expr.Collate c) {
            r = c.operand();
        }
        if (!(r instanceof Expr.ColumnRef ref) || ref.table() != null || ref.column().isDoubleQuoted()
                || !(Names.equal(ref.column().text(), "true") || Names.equal(ref.column().text(), "false"))) {
            return -1;
        }
        Scope.Resolved res = s.resolve(ref);
        return res.isBoolean() ? res.booleanValue : -1;
    }

    /**
     * {@code x IS TRUE} is 1 when x is not NULL and true as a boolean, {@code x IS FALSE} when it is not NULL and
     * false (SQLite's OP_IsTrue); {@code IS NOT} negates them. Never NULL.
     */
    private void truth(Expr.Binary b, Scope s, int target) throws SqliteException {
        boolean wantTrue = truthValue(b, s) == 1;
        boolean not = b.op() == Expr.BinaryOp.IS_NOT;
        int x = code(b.left(), s);
        int done = p.label();
        p.v.addOp(Opcode.INTEGER, not ? 1 : 0, target);
        p.v.addOp(Opcode.IS_NULL, x, done);
        p.v.addOp(wantTrue ? Opcode.IF_NOT : Opcode.IF, x, done, 0);
        p.v.addOp(Opcode.INTEGER, not ? 0 : 1, target);
        p.resolve(done);
    }

    /**
     * The number of values of {@code e} as a comparison operand (SQLite's {@code sqlite3ExprVectorSize}): a row
     * value's, a subquery's columns, else 1.
     */
    private int width(Expr e, Scope s) throws SqliteException {
        if (e instanceof Expr.RowValue rv) {
            return rv.values().size();
        }
        if (e instanceof Expr.Subquery sq) {
            return selects.width(sq.select(), s);
        }
        return 1;
    }

    /** The elements of a row value operand: its expressions, or the columns of a subquery. */
    private int vector(Expr e, Scope s, int n, int[] regs, Expr[] exprs) throws SqliteException {
        if (e instanceof Expr.RowValue) {
            List<Expr> v = ((Expr.RowValue) e).values();
            if (v.size() != n) {
                throw SqliteException.error("row value misused");
            }
            for (int i = 0; i < n; i++) {
                regs[i] = code(v.get(i), s);
                exprs[i] = v.get(i);
            }
            return n;
        }
        if (e instanceof Expr.Subquery) {
            int first = p.regs(n);
            selects.scalarRow(((Expr.Subquery) e).select(), s, first, n);
            for (int i = 0; i < n; i++) {
                regs[i] = first + i;
                exprs[i] = null;
            }
            return n;
        }
        throw SqliteException.error("row value misused");
    }

    /**
     * A comparison of row values (SQLite's {@code codeVectorCompare}): {@code =} and {@code IS} hold when every
     * pair does (with three-valued AND), {@code <>} and {@code IS NOT} are their negations; the ordering
     * operators compare pair by pair, the first unequal pair deciding (NULL when it involves a NULL).
     */
    private void vectorCompare(Expr.Binary b, int n, Scope s, int target) throws SqliteException {
        int[] l = new int[n];
        int[] r = new int[n];
        Expr[] le = new Expr[n];
        Expr[] re = new Expr[n];
        vector(b.left(), s, n, l, le);
        vector(b.right(), s, n, r, re);
        char[] aff = new char[n];
        Collation[] coll = new Collation[n];
        for (int i = 0; i < n; i++) {
            aff[i] = le[i] != null && re[i] != null ? ExprInfo.compareAffinity(le[i], re[i], s)
                    : le[i] != null ? ExprInfo.affinity(le[i], s) : re[i] != null ? ExprInfo.affinity(re[i], s)
                    : (char) Opcode.AFF_NONE;
            Collation c = le[i] != null && re[i] != null ? ExprInfo.compareCollation(le[i], re[i], s)
                    : le[i] != null ? ExprInfo.collation(le[i], s) : re[i] != null ? ExprInfo.collation(re[i], s)
                    : null;
            coll[i] = c == null ? Collation.BINARY : c;
        }
        Expr.BinaryOp op = b.op();
        if (op == Expr.BinaryOp.EQ || op == Expr.BinaryOp.NE || op == Expr.BinaryOp.IS
                || op == Expr.BinaryOp.IS_NOT) {
            Expr.BinaryOp each = op == Expr.BinaryOp.EQ || op == Expr.BinaryOp.NE ? Expr.BinaryOp.EQ : Expr.BinaryOp.IS;
            int part = p.reg();
            compareValue(each, l[0], r[0], aff[0], coll[0], target);
            for (int i = 1; i < n; i++) {
                compareValue(each, l[i], r[i], aff[i], coll[i], part);
                p.v.addOp(Opcode.AND, part, target, target);
            }
            if (op == Expr.BinaryOp.NE || op == Expr.BinaryOp.IS_NOT) {
                p.v.addOp(Opcode.NOT, target, target);
            }
            return;
        }
        Expr.BinaryOp strict = op == Expr.BinaryOp.LT || op == Expr.BinaryOp.LE ? Expr.BinaryOp.LT : Expr.BinaryOp.GT;
        int done = p.label();
        for (int i = 0; i < n - 1; i++) {
            int next = p.label();
            p.v.addOp(Opcode.NULL, 0, target);
            p.v.addOp(Opcode.IS_NULL, l[i], done);
            p.v.addOp(Opcode.IS_NULL, r[i], done);
            p.v.addOp(Opcode.EQ, r[i], next, l[i], coll[i], aff[i] & Opcode.AFF_MASK);
            compareValue(strict, l[i], r[i], aff[i], coll[i], target);
            p.v.addOp(Opcode.GOTO, 0, done);
            p.resolve(next);
        }
        compareValue(op, l[n - 1], r[n - 1], aff[n - 1], coll[n - 1], target);
        p.resolve(done);
    }

    /** Writes into {@code target} the value (1, 0, NULL) of {@code l op r}. */
    void compareValue(Expr.BinaryOp op, int l, int r, char affinity, Collation coll, int target) {
        int done = p.label();
        if (op == Expr.BinaryOp.IS || op == Expr.BinaryOp.IS_NOT) {
            p.v.addOp(Opcode.INTEGER, 1, target);
            p.v.addOp(op == Expr.BinaryOp.IS ? Opcode.EQ : Opcode.NE, r, done, l, coll,
                    (affinity & Opcode.AFF_MASK) | Opcode.NULLEQ);
            p.v.addOp(Opcode.INTEGER, 0, target);
            p.resolve(done);
            return;
        }
        p.v.addOp(Opcode.NULL, 0, target);
        p.v.addOp(Opcode.IS_NULL, l, done);
        p.v.addOp(Opcode.IS_NULL, r, done);
        p.v.addOp(Opcode.INTEGER, 1, target);
        p.v.addOp(compareOpcode(op), r, done, l, coll, affinity & Opcode.AFF_MASK);
        p.v.addOp(Opcode.INTEGER, 0, target);
        p.resolve(done);
    }

    static int compareOpcode(Expr.BinaryOp op) {
        switch (op) {
            case EQ: return Opcode.EQ;
            case NE: return Opcode.NE;
            case LT: return Opcode.LT;
            case LE: return Opcode.LE;
            case GT: return Opcode.GT;
            case GE: return Opcode.GE;
            case IS: return Opcode.EQ;
            default: return Opcode.NE;
        }
    }

    /** The comparison that is true exactly when {@code op} is false (for non-NULL operands). */
    static Expr.BinaryOp negate(Expr.BinaryOp op) {
        switch (op) {
            case EQ: return Expr.BinaryOp.NE;
            case NE: return Expr.BinaryOp.EQ;
            case LT: return Expr.BinaryOp.GE;
            case LE: return Expr.BinaryOp.GT;
            case GT: return Expr.BinaryOp.LE;
            case GE: return Expr.BinaryOp.LT;
            case IS: return Expr.BinaryOp.IS_NOT;
            default: return Expr.BinaryOp.IS;
        }
    }

    private void like(Expr.Like l, Scope s, int target) throws SqliteException {
        String name;
        switch (l.op()) {
            case LIKE: name = "like"; break;
            case GLOB: name = "glob"; break;
            case REGEXP: name = "regexp"; break;
            default: name = "match"; break;
        }
        int n = l.escape() == null ? 2 : 3;
        Object fn = lookupScalar(name, n);
        int args = p.regs(n);
        codeTo(l.pattern(), s, args);
        codeTo(l.left(), s, args + 1);
        if (n == 3) {
            codeTo(l.escape(), s, args + 2);
        }
        call(args, target, fn, n);
        if (l.not()) {
            p.v.addOp(Opcode.NOT, target, target);
        }
    }

    private void between(Expr.Between b, Scope s, int target) throws SqliteException {
        if (width(b.operand(), s) > 1 || width(b.low(), s) > 1 || width(b.high(), s) > 1) {
            codeTo(new Expr.Binary(Expr.BinaryOp.AND,
                    new Expr.Binary(Expr.BinaryOp.GE, b.operand(), b.low(), b.start(), b.end()),
                    new Expr.Binary(Expr.BinaryOp.LE, b.operand(), b.high(), b.start(), b.end()),
                    b.start(), b.end()), s, target);
            if (b.not()) {
                p.v.addOp(Opcode.NOT, target, target);
            }
            return;
        }
        int x = code(b.operand(), s);
        int lo = code(b.low(), s);
        int hi = code(b.high(), s);
        int r1 = p.reg();
        int r2 = p.reg();
        compareValue(Expr.BinaryOp.GE, x, lo, ExprInfo.compareAffinity(b.operand(), b.low(), s),
                ExprInfo.compareCollation(b.operand(), b.low(), s), r1);
        compareValue(Expr.BinaryOp.LE, x, hi, ExprInfo.compareAffinity(b.operand(), b.high(), s),
                ExprInfo.compareCollation(b.operand(), b.high(), s), r2);
        p.v.addOp(Opcode.AND, r1, r2, target);
        if (b.not()) {
            p.v.addOp(Opcode.NOT, target, target);
        }
    }

    /**
     * {@code x IN (v1, v2...)}: 1 when x equals a value, else NULL when x or some value is NULL, else 0
     * (an empty list gives 0 even for a NULL x). Each equality uses the comparison affinity of x with that
     * value, and x's collation (a list of one value is {@code x = v}, with the comparison's collation, as
     * SQLite's parser rewrites it).
     */
    private void inList(Expr.InList in, Scope s, int target) throws SqliteException {
        List<Expr> values = in.values();
        if (values.isEmpty()) {
            p.v.addOp(Opcode.INTEGER, in.not() ? 1 : 0, target);
            return;
        }
        int x = code(in.operand(), s);
        int found = p.label();
        int isNull = p.label();
        int done = p.label();
        p.v.addOp(Opcode.IS_NULL, x, isNull);
        int sawNull = p.reg();
        p.v.addOp(Opcode.INTEGER, 0, sawNull);
        Collation listCollation = ExprInfo.collation(in.operand(), s);
        if (listCollation == null) {
            listCollation = Collation.BINARY;
        }
        for (Expr v : values) {
            int r = code(v, s);
            char aff = ExprInfo.compareAffinity(in.operand(), v, s);
            Collation coll = values.size() == 1 ? ExprInfo.compareCollation(in.operand(), v, s) : listCollation;
            p.v.addOp(Opcode.EQ, r, found, x, coll, aff & Opcode.AFF_MASK);
            int notNull = p.v.addOp(Opcode.NOT_NULL, r, 0);
            p.v.addOp(Opcode.INTEGER, 1, sawNull);
            p.v.jumpHere(notNull);
        }
        p.v.addOp(Opcode.IF, sawNull, isNull, 0);
        p.v.addOp(Opcode.INTEGER, in.not() ? 1 : 0, target);
        p.v.addOp(Opcode.GOTO, 0, done);
        p.resolve(found);
        p.v.addOp(Opcode.INTEGER, in.not() ? 0 : 1, target);
        p.v.addOp(Opcode.GOTO, 0, done);
        p.resolve(isNull);
        p.v.addOp(Opcode.NULL, 0, target);
        p.resolve(done);
    }

    private void caseExpr(Expr.Case c, Scope s, int target) throws SqliteException {
        int end = p.label();
        boolean vector = c.base() != null && width(c.base(), s) > 1;
        int base = c.base() == null || vector ? 0 : code(c.base(), s);
        for (Expr.WhenThen w : c.whens()) {
            int next = p.label();
            if (vector) {
                jumpIfFalse(new Expr.Binary(Expr.BinaryOp.EQ, c.base(), w.when(), c.start(), c.end()), s, next, true);
            } else if (c.base() == null) {
                jumpIfFalse(w.when(), s, next, true);
            } else {
                int r = code(w.when(), s);
                p.v.addOp(Opcode.NE, r, next, base, ExprInfo.compareCollation(c.base(), w.when(), s),
                        (ExprInfo.compareAffinity(c.base(), w.when(), s) & Opcode.AFF_MASK) | Opcode.JUMPIFNULL);
            }
            codeTo(w.then(), s, target);
            p.v.addOp(Opcode.GOTO, 0, end);
            p.resolve(next);
        }
        if (c.elseExpr() != null) {
            codeTo(c.elseExpr(), s, target);
        } else {
            p.v.addOp(Opcode.NULL, 0, target);
        }
        p.resolve(end);
    }

    private void function(Expr.FunctionCall fc, Scope s, int target) throws SqliteException {
        String name = fc.name().text();
        int n = fc.star() ? 0 : fc.args().size();
        Object scalar = p.functions.scalar(name, n);
        if (fc.over() != null || (scalar == null && WindowFunctions.kind(name) >= 0)) {
            throw SqliteException.error("misuse of window function " + name + "()");
        }
        if (scalar == null && p.functions.aggregate(name, n) != null) {
            AggregateInfo.Call call = findAggregate(fc, s);
            if (call == null) {
                throw SqliteException.error(aliasDepth > 0 ? "misuse of aggregate: " + name + "()"
                        : "misuse of aggregate function " + name + "()");
            }
            p.v.addOp(Opcode.SCOPY, call.accumulator, target);
            return;
        }
        if (fc.star()) {
            throw SqliteException.error("wrong number of arguments to function " + name + "()");
        }
        Object fn = lookupScalar(name, n);
        if (n == 2 && Names.equal(name, "likelihood")) {
            checkProbability(fc.args().get(1), name);
        }
        if (fc.filter() != null || !fc.orderBy().isEmpty()) {
            throw SqliteException.error((fc.filter() != null ? "FILTER" : "ORDER BY")
                    + " may not be used with non-aggregate " + name + "()");
        }
        int args = n == 0 ? 0 : p.regs(n);
        for (int k = 0; k < n; k++) {
            codeTo(fc.args().get(k), s, args + k);
        }
        collSeq(fc.args(), s);
        call(args, target, fn, n);
    }

    /** Emits {@code CollSeq} with the first collation among {@code args}, when one has a collation. */
    private void collSeq(List<Expr> args, Scope s) throws SqliteException {
        for (Expr a : args) {
            Collation c = ExprInfo.collation(a, s);
            if (c != null) {
                p.v.addOp(Opcode.COLL_SEQ, 0, 0, 0, c);
                return;
            }
        }
    }

    private static AggregateInfo.Call findAggregate(Expr.FunctionCall fc, Scope s) {
        for (Scope t = s; t != null; t = t.outer) {
            if (t.aggregates != null && t.aggregates.output) {
                AggregateInfo.Call c = t.aggregates.find(fc);
                if (c != null) {
                    return c;
                }
            }
        }
        return null;
    }

    /**
     * SQLite's {@code exprProbability} test of {@code likelihood}'s second argument: a floating-point literal
     * (not an integer, a negated or a computed value) no greater than 1.0.
     */
    private static void checkProbability(Expr e, String name) throws SqliteException {
        if (e instanceof Expr.Literal && ((Expr.Literal) e).kind() == Expr.LiteralKind.FLOAT
                && Double.parseDouble(((Expr.Literal) e).value()) <= 1.0) {
            return;
        }
        throw SqliteException.error("second argument to " + name + "() must be a constant between 0.0 and 1.0");
    }

    /** The scalar function {@code name}/{@code n}, or SQLite's error. */
    Object lookupScalar(String name, int n) throws SqliteException {
        Object fn = p.functions.scalar(name, n);
        if (fn != null) {
            return fn;
        }
        if (p.functions.exists(name)) {
            throw SqliteException.error("wrong number of arguments to function " + name + "()");
        }
        throw SqliteException.error("no such function: " + name);
    }

    /** Jumps to {@code label} when {@code e} is true; when it is NULL, jumps only if {@code jumpIfNull}. */
    void jumpIfTrue(Expr e, Scope s, int label, boolean jumpIfNull) throws SqliteException {
        if (e instanceof Expr.Binary) {
            Expr.Binary b = (Expr.Binary) e;
            switch (b.op()) {
                case AND: {
                    int skip = p.label();
                    jumpIfFalse(b.left(), s, skip, !jumpIfNull);
                    jumpIfTrue(b.right(), s, label, jumpIfNull);
                    p.resolve(skip);
                    return;
                }
                case OR:
                    jumpIfTrue(b.left(), s, label, jumpIfNull);
                    jumpIfTrue(b.right(), s, label, jumpIfNull);
                    return;
                case EQ: case NE: case LT: case LE: case GT: case GE: case IS: case IS_NOT:
                    if (width(b.left(), s) > 1 || width(b.right(), s) > 1 || truthValue(b, s) >= 0) {
                        break;
                    }
                    compareJump(b.op(), b, s, label, jumpIfNull);
                    return;
                default:
                    break;
            }
        } else if (e instanceof Expr.Unary && ((Expr.Unary) e).op() == Expr.UnaryOp.NOT) {
            jumpIfFalse(((Expr.Unary) e).operand(), s, label, jumpIfNull);
            return;
        } else if (e instanceof Expr.IsNull) {
            Expr.IsNull n = (Expr.IsNull) e;
            p.v.addOp(n.not() ? Opcode.NOT_NULL : Opcode.IS_NULL, code(n.operand(), s), label);
            return;
        } else if (e instanceof Expr.Between && scalarBetween((Expr.Between) e)) {
            betweenJump((Expr.Between) e, s, label, jumpIfNull, !((Expr.Between) e).not());
            return;
        } else if (e instanceof Expr.InList && scalarInList((Expr.InList) e)) {
            inListJump((Expr.InList) e, s, label, jumpIfNull, !((Expr.InList) e).not());
            return;
        }
        p.v.addOp(Opcode.IF, code(e, s), label, jumpIfNull ? 1 : 0);
    }

    /** Jumps to {@code label} when {@code e} is false; when it is NULL, jumps only if {@code jumpIfNull}. */
    void jumpIfFalse(Expr e, Scope s, int label, boolean jumpIfNull) throws SqliteException {
        if (e instanceof Expr.Binary) {
            Expr.Binary b = (Expr.Binary) e;
            switch (b.op()) {
                case AND:
                    jumpIfFalse(b.left(), s, label, jumpIfNull);
                    jumpIfFalse(b.right(), s, label, jumpIfNull);
                    return;
                case OR: {
                    int skip = p.label();
                    jumpIfTrue(b.left(), s, skip, !jumpIfNull);
                    jumpIfFalse(b.right(), s, label, jumpIfNull);
                    p.resolve(skip);
                    return;
                }
                case EQ: case NE: case LT: case LE: case GT: case GE: case IS: case IS_NOT:
                    if (width(b.left(), s) > 1 || width(b.right(), s) > 1 || truthValue(b, s) >= 0) {
                        break;
                    }
                    compareJump(negate(b.op()), b, s, label, jumpIfNull);
                    return;
                default:
                    break;
            }
        } else if (e instanceof Expr.Unary && ((Expr.Unary) e).op() == Expr.UnaryOp.NOT) {
            jumpIfTrue(((Expr.Unary) e).operand(), s, label, jumpIfNull);
            return;
        } else if (e instanceof Expr.IsNull) {
            Expr.IsNull n = (Expr.IsNull) e;
            p.v.addOp(n.not() ? Opcode.IS_NULL : Opcode.NOT_NULL, code(n.operand(), s), label);
            return;
        } else if (e instanceof Expr.Between && scalarBetween((Expr.Between) e)) {
            betweenJump((Expr.Between) e, s, label, jumpIfNull, ((Expr.Between) e).not());
            return;
        } else if (e instanceof Expr.InList && scalarInList((Expr.InList) e)) {
            inListJump((Expr.InList) e, s, label, jumpIfNull, ((Expr.InList) e).not());
            return;
        }
        p.v.addOp(Opcode.IF_NOT, code(e, s), label, jumpIfNull ? 1 : 0);
    }

    /** Emits the comparison {@code op} on the operands of {@code b}, jumping to {@code label} when it holds. */
    private void compareJump(Expr.BinaryOp op, Expr.Binary b, Scope s, int label, boolean jumpIfNull)
            throws SqliteException {
        int l = code(b.left(), s);
        int r = code(b.right(), s);
        int p5 = ExprInfo.compareAffinity(b.left(), b.right(), s) & Opcode.AFF_MASK;
        if (op == Expr.BinaryOp.IS || op == Expr.BinaryOp.IS_NOT) {
            p5 |= Opcode.NULLEQ;
        } else if (jumpIfNull) {
            p5 |= Opcode.JUMPIFNULL;
        }
        p.v.addOp(compareOpcode(op), r, label, l, ExprInfo.compareCollation(b.left(), b.right(), s), p5);
    }

    /** True when no operand of {@code b} is a row value or a subquery (which the value form handles). */
    private static boolean scalarBetween(Expr.Between b) {
        return !(b.operand() instanceof Expr.RowValue || b.operand() instanceof Expr.Subquery
                || b.low() instanceof Expr.RowValue || b.low() instanceof Expr.Subquery
                || b.high() instanceof Expr.RowValue || b.high() instanceof Expr.Subquery);
    }

    /**
     * {@code x BETWEEN lo AND hi} as jumps, as SQLite's exprCodeBetween with a jump: {@code x >= lo AND x <= hi}
     * with x evaluated once. Jumps to {@code label} when the range test (NOT ignored) is {@code whenInRange}
     * (NULL jumping only if {@code jumpIfNull}); the same registers, affinities and collations as the value form.
     */
    private void betweenJump(Expr.Between b, Scope s, int label, boolean jumpIfNull, boolean whenInRange)
            throws SqliteException {
        int x = code(b.operand(), s);
        int lo = code(b.low(), s);
        int hi = code(b.high(), s);
        char affLo = ExprInfo.compareAffinity(b.operand(), b.low(), s);
        Collation collLo = ExprInfo.compareCollation(b.operand(), b.low(), s);
        char affHi = ExprInfo.compareAffinity(b.operand(), b.high(), s);
        Collation collHi = ExprInfo.compareCollation(b.operand(), b.high(), s);
        if (whenInRange) {
            int skip = p.label();
            registerJump(Opcode.LT, x, lo, affLo, collLo, skip, !jumpIfNull);
            registerJump(Opcode.LE, x, hi, affHi, collHi, label, jumpIfNull);
            p.resolve(skip);
        } else {
            registerJump(Opcode.LT, x, lo, affLo, collLo, label, jumpIfNull);
            registerJump(Opcode.GT, x, hi, affHi, collHi, label, jumpIfNull);
        }
    }

    /** Emits the comparison {@code opcode} of registers {@code l} and {@code r}, jumping to {@code label} when it holds. */
    private void registerJump(int opcode, int l, int r, char affinity, Collation coll, int label, boolean jumpIfNull) {
        p.v.addOp(opcode, r, label, l, coll, (affinity & Opcode.AFF_MASK) | (jumpIfNull ? Opcode.JUMPIFNULL : 0));
    }

    /** True for a non-empty list whose operand and values are single values (no row value, no subquery). */
    private static boolean scalarInList(Expr.InList in) {
        if (in.values().isEmpty() || in.operand() instanceof Expr.RowValue || in.operand() instanceof Expr.Subquery) {
            return false;
        }
        for (Expr v : in.values()) {
            if (v instanceof Expr.RowValue || v instanceof Expr.Subquery) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code e} is a literal that is never NULL. */
    private static boolean nonNullLiteral(Expr e) {
        if (!(e instanceof Expr.Literal)) {
            return false;
        }
        Expr.LiteralKind k = ((Expr.Literal) e).kind();
        return k == Expr.LiteralKind.INTEGER || k == Expr.LiteralKind.FLOAT || k == Expr.LiteralKind.STRING
                || k == Expr.LiteralKind.BLOB;
    }

    /**
     * {@code x IN (v1, v2...)} as jumps (SQLite's sqlite3ExprCodeIN with a list compared value by value): jumps to
     * {@code label} when the membership test (NOT ignored) is {@code whenIn}, and when it is NULL (x NULL, or no
     * match and a NULL value) only if {@code jumpIfNull}. The same comparisons as the value form ({@link #inList});
     * the NULL values are tracked only when the outcome depends on them.
     */
    private void inListJump(Expr.InList in, Scope s, int label, boolean jumpIfNull, boolean whenIn)
            throws SqliteException {
        List<Expr> values = in.values();
        int end = p.label();
        int x = code(in.operand(), s);
        p.v.addOp(Opcode.IS_NULL, x, jumpIfNull ? label : end);
        boolean nullable = false;
        for (Expr v : values) {
            nullable |= !nonNullLiteral(v);
        }
        // A NULL value matters when no value matches: NULL then jumps (whenIn) or stays (!whenIn) as jumpIfNull says.
        boolean track = nullable && (whenIn == jumpIfNull);
        int sawNull = 0;
        if (track) {
            sawNull = p.reg();
            p.v.addOp(Opcode.INTEGER, 0, sawNull);
        }
        Collation listCollation = ExprInfo.collation(in.operand(), s);
        if (listCollation == null) {
            listCollation = Collation.BINARY;
        }
        int found = whenIn ? label : end;
        for (Expr v : values) {
            int r = code(v, s);
            char aff = ExprInfo.compareAffinity(in.operand(), v, s);
            Collation coll = values.size() == 1 ? ExprInfo.compareCollation(in.operand(), v, s) : listCollation;
            p.v.addOp(Opcode.EQ, r, found, x, coll, aff & Opcode.AFF_MASK);
            if (track && !nonNullLiteral(v)) {
                int notNull = p.v.addOp(Opcode.NOT_NULL, r, 0);
                p.v.addOp(Opcode.INTEGER, 1, sawNull);
                p.v.jumpHere(notNull);
            }
        }
        if (track) {
            p.v.addOp(Opcode.IF, sawNull, whenIn ? label : end, 0);
        }
        if (!whenIn) {
            p.v.addOp(Opcode.GOTO, 0, label);
        }
        p.resolve(end);
    }
}
