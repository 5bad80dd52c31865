package dev.skerry.engine.value;

/**
 * SQLite's arithmetic, bitwise and concatenation operators ({@code OP_Add} … {@code OP_Concat}), each
 * writing its result into {@code out} (which may be one of the operands).
 *
 * <p>Rules: NULL in gives NULL out. TEXT and BLOB operands are read as numbers first (the longest numeric
 * prefix; an integer-looking prefix stays INTEGER, see {@link Convert#toNumeric}). Two INTEGERs give an
 * INTEGER unless + - * overflow, in which case the operation is redone in REAL. {@code /} of INTEGERs
 * truncates toward zero; division and remainder by zero give NULL; {@code %} works on the operands'
 * integer values and gives REAL when either operand is REAL. A REAL result that is NaN becomes NULL.
 * Numeric paths allocate nothing.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    private static final int ADD = 0;
    private static final int SUB = 1;
    private static final int MUL = 2;
    private static final int DIV = 3;
    private static final int REM = 4;

    /** {@code a + b}. */
    public static void add(Mem a, Mem b, Mem out) {
        arith(ADD, a, b, out);
    }

    /** {@code a - b}. */
    public static void subtract(Mem a, Mem b, Mem out) {
        arith(SUB, a, b, out);
    }

    /** {@code a * b}. */
    public static void multiply(Mem a, Mem b, Mem out) {
        arith(MUL, a, b, out);
    }

    /** {@code a / b}. */
    public static void divide(Mem a, Mem b, Mem out) {
        arith(DIV, a, b, out);
    }

    /** {@code a % b}. */
    public static void remainder(Mem a, Mem b, Mem out) {
        arith(REM, a, b, out);
    }

    /** Unary minus: {@code 0 - a}, as SQLite codes it. */
    public static void negate(Mem a, Mem out) {
        int t = a.type();
        if (t == Mem.NULL) {
            out.setNull();
        } else if (t == Mem.INTEGER) {
            long v = a.longValue();
            if (v == Long.MIN_VALUE) {
                out.setDouble(-(double) v);
            } else {
                out.setLong(-v);
            }
        } else if (t == Mem.FLOAT) {
            out.setDouble(0.0 - a.doubleValue());
        } else {
            Convert.toNumeric(a, out);
            negate(out, out);
        }
    }

    private static void arith(int op, Mem a, Mem b, Mem out) {
        int ta = a.type();
        int tb = b.type();
        if (ta == Mem.INTEGER && tb == Mem.INTEGER) {
            intMath(op, a.longValue(), b.longValue(), a, b, out);
            return;
        }
        if (ta == Mem.NULL || tb == Mem.NULL) {
            out.setNull();
            return;
        }
        boolean aInt = ta == Mem.INTEGER || ((ta == Mem.TEXT || ta == Mem.BLOB) && Convert.textIsInteger(textOf(a)));
        boolean bInt = tb == Mem.INTEGER || ((tb == Mem.TEXT || tb == Mem.BLOB) && Convert.textIsInteger(textOf(b)));
        if (aInt && bInt) {
            intMath(op, Convert.toLong(a), Convert.toLong(b), a, b, out);
            return;
        }
        fpMath(op, a, b, out);
    }

    private static String textOf(Mem m) {
        return m.type() == Mem.TEXT ? m.text() : Convert.blobAsAscii(m.blob());
    }

    private static void intMath(int op, long x, long y, Mem a, Mem b, Mem out) {
        long r;
        switch (op) {
            case ADD:
                r = x + y;
                if (((x ^ r) & (y ^ r)) < 0) {
                    fpMath(op, a, b, out);
                    return;
                }
                break;
            case SUB:
                r = x - y;
                if (((x ^ y) & (x ^ r)) < 0) {
                    fpMath(op, a, b, out);
                    return;
                }
                break;
            case MUL:
                r = x * y;
                if (multiplyOverflows(x, y, r)) {
                    fpMath(op, a, b, out);
                    return;
                }
                break;
            case DIV:
                if (y == 0) {
                    out.setNull();
                    return;
                }
                if (y == -1 && x == Long.MIN_VALUE) {
                    fpMath(op, a, b, out);
                    return;
                }
                r = x / y;
                break;
            default:
                if (y == 0) {
                    out.setNull();
                    return;
                }
                if (y == -1) {
                    y = 1;
                }
                r = x % y;
                break;
        }
        out.setLong(r);
    }

    /** True when {@code x * y} does not fit in 64 bits ({@code r} is the wrapped product). */
    static boolean multiplyOverflows(long x, long y, long r) {
        long ax = Math.abs(x);
        long ay = Math.abs(y);
        if (((ax | ay) >>> 31) == 0) {
            return false;
        }
        return (y != 0 && r / y != x) || (x == Long.MIN_VALUE && y == -1);
    }

    private static void fpMath(int op, Mem a, Mem b, Mem out) {
        double x = Convert.toDouble(a);
        double y = Convert.toDouble(b);
        double r;
        switch (op) {
            case ADD: r = x + y; break;
            case SUB: r = x - y; break;
            case MUL: r = x * y; break;
            case DIV:
                if (y == 0.0) {
                    out.setNull();
                    return;
                }
                r = x / y;
                break;
            default: {
                long ix = Convert.toLong(a);
                long iy = Convert.toLong(b);
                if (iy == 0) {
                    out.setNull();
                    return;
                }
                if (iy == -1) {
                    iy = 1;
                }
                r = (double) (ix % iy);
                break;
            }
        }
        if (Double.isNaN(r)) {
            out.setNull();
        } else {
            out.setDouble(r);
        }
    }

    /** {@code a & b} on the operands' integer values. */
    public static void bitAnd(Mem a, Mem b, Mem out) {
        if (a.isNull() || b.isNull()) {
            out.setNull();
            return;
        }
        out.setLong(Convert.toLong(a) & Convert.toLong(b));
    }

    /** {@code a | b} on the operands' integer values. */
    public static void bitOr(Mem a, Mem b, Mem out) {
        if (a.isNull() || b.isNull()) {
            out.setNull();
            return;
        }
        out.setLong(Convert.toLong(a) | Convert.toLong(b));
    }

    /** {@code ~a}. */
    public static void bitNot(Mem a, Mem out) {
        if (a.isNull()) {
            out.setNull();
            return;
        }
        out.setLong(~Convert.toLong(a));
    }

    /** {@code a << b}; a negative count shifts the other way; counts of 64 or more give 0 (or -1 right-shifting a negative). */
    public static void shiftLeft(Mem a, Mem b, Mem out) {
        shift(true, a, b, out);
    }

    /** {@code a >> b} (arithmetic shift). */
    public static void shiftRight(Mem a, Mem b, Mem out) {
        shift(false, a, b, out);
    }

    private static void shift(boolean left, Mem a, Mem b, Mem out) {
        if (a.isNull() || b.isNull()) {
            out.setNull();
            return;
        }
        long v = Convert.toLong(a);
        long n = Convert.toLong(b);
        if (n != 0) {
            if (n < 0) {
                left = !left;
                n = n > -64 ? -n : 64;
            }
            if (n >= 64) {
                v = (v >= 0 || left) ? 0 : -1;
            } else {
                v = left ? v << n : v >> n;
            }
        }
        out.setLong(v);
    }

    /** {@code a || b}: NULL if either is NULL, else the text of both (a blob's bytes as UTF-8). */
    public static void concat(Mem a, Mem b, Mem out) {
        if (a.isNull() || b.isNull()) {
            out.setNull();
            return;
        }
        if (a.type() == Mem.BLOB || b.type() == Mem.BLOB) {
            byte[] x = Convert.toTextBytes(a);
            byte[] y = Convert.toTextBytes(b);
            byte[] r = new byte[x.length + y.length];
            System.arraycopy(x, 0, r, 0, x.length);
            System.arraycopy(y, 0, r, x.length, y.length);
            out.setText(new String(r, java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        out.setText(Convert.toText(a).concat(Convert.toText(b)));
    }
}
