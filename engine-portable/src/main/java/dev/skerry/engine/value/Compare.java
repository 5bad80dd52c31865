package dev.skerry.engine.value;

/**
 * SQLite's comparison operators ({@code OP_Eq} … {@code OP_Ge}, IS, IS NOT) with the affinity rules of
 * https://sqlite.org/datatype3.html#comparisons.
 *
 * <p>The caller (the translator, through the opcode's P5) passes the affinity to apply, usually
 * {@link Affinity#forComparison}: with a numeric affinity, an operand that is TEXT and looks like a number
 * is compared as that number; with TEXT affinity, numbers are compared as their text; with BLOB or NONE,
 * values compare as they are. Then {@link ValueCompare}'s order decides, TEXT by the given collation.
 * The operands are not modified.
 */
public final class Compare {
    private Compare() {
    }

    public static final int EQ = 0;
    public static final int NE = 1;
    public static final int LT = 2;
    public static final int LE = 3;
    public static final int GT = 4;
    public static final int GE = 5;
    public static final int IS = 6;
    public static final int IS_NOT = 7;

    /** {@link #evaluate} result: the comparison is true. */
    public static final int TRUE = 1;
    /** {@link #evaluate} result: the comparison is false. */
    public static final int FALSE = 0;
    /** {@link #evaluate} result: the comparison is NULL (an operand is NULL, except for IS / IS NOT). */
    public static final int NULL = -1;

    /**
     * Compares two non-NULL values after applying {@code affinity} to copies of them: negative, zero or
     * positive as {@code a} orders before, with or after {@code b}.
     */
    public static int compare(Mem a, Mem b, char affinity, Collation collation) {
        Mem x = a;
        Mem y = b;
        if (affinity >= Affinity.NUMERIC) {
            if (a.type() == Mem.TEXT) {
                x = numericView(a);
            }
            if (b.type() == Mem.TEXT) {
                y = numericView(b);
            }
        } else if (affinity == Affinity.TEXT && (a.type() == Mem.TEXT || b.type() == Mem.TEXT)) {
            if (a.type() == Mem.INTEGER || a.type() == Mem.FLOAT) {
                x = new Mem();
                x.setText(Convert.toText(a));
            }
            if (b.type() == Mem.INTEGER || b.type() == Mem.FLOAT) {
                y = new Mem();
                y.setText(Convert.toText(b));
            }
        }
        return ValueCompare.compare(x, y, collation);
    }

    private static Mem numericView(Mem m) {
        if (NumberParse.atofType(m.text()) <= 0) {
            return m;
        }
        Mem v = new Mem();
        v.copyFrom(m);
        Affinity.applyNumeric(v, false);
        return v;
    }

    /** Evaluates {@code a op b}: {@link #TRUE}, {@link #FALSE} or {@link #NULL}. */
    public static int evaluate(int op, Mem a, Mem b, char affinity, Collation collation) {
        boolean an = a.isNull();
        boolean bn = b.isNull();
        if (an || bn) {
            if (op == IS) {
                return an && bn ? TRUE : FALSE;
            }
            if (op == IS_NOT) {
                return an && bn ? FALSE : TRUE;
            }
            return NULL;
        }
        int c = compare(a, b, affinity, collation);
        boolean r;
        switch (op) {
            case EQ: case IS: r = c == 0; break;
            case NE: case IS_NOT: r = c != 0; break;
            case LT: r = c < 0; break;
            case LE: r = c <= 0; break;
            case GT: r = c > 0; break;
            default: r = c >= 0; break;
        }
        return r ? TRUE : FALSE;
    }

    /** Evaluates {@code a op b} into {@code out}: INTEGER 1 or 0, or NULL. */
    public static void evaluate(int op, Mem a, Mem b, char affinity, Collation collation, Mem out) {
        int r = evaluate(op, a, b, affinity, collation);
        if (r == NULL) {
            out.setNull();
        } else {
            out.setLong(r);
        }
    }
}
