package dev.skerry.engine.func;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.Convert;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.value.NumberParse;
import dev.skerry.engine.value.Printf;

/**
 * Built-in numeric scalars: abs, round, sign, and SQLite's math functions (acos … trunc, as built with
 * {@code SQLITE_ENABLE_MATH_FUNCTIONS}, which sqlite-jdbc and the sqlite3 shell have).
 *
 * <p>The math functions take INTEGER, REAL or TEXT that reads entirely as a number; anything else, and a
 * NaN result, gives NULL. Exact operations (ceil, floor, trunc, mod, sqrt, degrees, radians) match SQLite
 * bit for bit; transcendental ones use Java's {@code Math}, which may differ from the C library's in the
 * last bit.
 */
final class MathFunctions {
    private MathFunctions() {
    }

    /** A function of one double. */
    private interface Fn1 {
        double apply(double x);
    }

    /** A function of two doubles. */
    private interface Fn2 {
        double apply(double x, double y);
    }

    private static final double LN2 = 0.6931471805599453;

    static void register(FunctionRegistry r) {
        r.register(FunctionDef.scalar("abs", 1, true, MathFunctions::abs));
        r.register(FunctionDef.scalar("round", 1, true, MathFunctions::round));
        r.register(FunctionDef.scalar("round", 2, true, MathFunctions::round));
        r.register(FunctionDef.scalar("sign", 1, true, MathFunctions::sign));
        r.register(integral("ceil", Math::ceil));
        r.register(integral("ceiling", Math::ceil));
        r.register(integral("floor", Math::floor));
        r.register(integral("trunc", x -> x < 0 ? Math.ceil(x) : Math.floor(x)));
        r.register(math1("acos", Math::acos));
        r.register(math1("asin", Math::asin));
        r.register(math1("atan", Math::atan));
        r.register(math1("acosh", MathFunctions::acosh));
        r.register(math1("asinh", MathFunctions::asinh));
        r.register(math1("atanh", MathFunctions::atanh));
        r.register(math1("cos", Math::cos));
        r.register(math1("sin", Math::sin));
        r.register(math1("tan", Math::tan));
        r.register(math1("cosh", Math::cosh));
        r.register(math1("sinh", Math::sinh));
        r.register(math1("tanh", Math::tanh));
        r.register(math1("exp", Math::exp));
        r.register(math1("sqrt", Math::sqrt));
        r.register(math1("degrees", x -> x * (180.0 / Math.PI)));
        r.register(math1("radians", x -> x * (Math.PI / 180.0)));
        r.register(math2("pow", Math::pow));
        r.register(math2("power", Math::pow));
        r.register(math2("mod", (x, y) -> x % y));
        r.register(math2("atan2", Math::atan2));
        r.register(FunctionDef.scalar("ln", 1, true, (c, a, b, n, out) -> log(a, b, n, out, 0)));
        r.register(FunctionDef.scalar("log", 1, true, (c, a, b, n, out) -> log(a, b, n, out, 1)));
        r.register(FunctionDef.scalar("log10", 1, true, (c, a, b, n, out) -> log(a, b, n, out, 1)));
        r.register(FunctionDef.scalar("log2", 1, true, (c, a, b, n, out) -> log(a, b, n, out, 2)));
        r.register(FunctionDef.scalar("log", 2, true, (c, a, b, n, out) -> log(a, b, n, out, 0)));
        r.register(FunctionDef.scalar("pi", 0, true, (c, a, b, n, out) -> out.setDouble(Math.PI)));
    }

    private static void abs(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) throws SqliteException {
        Mem m = a[base];
        switch (m.type()) {
            case Mem.INTEGER: {
                long v = m.longValue();
                if (v < 0) {
                    if (v == Long.MIN_VALUE) {
                        throw SqliteException.error("integer overflow");
                    }
                    v = -v;
                }
                out.setLong(v);
                return;
            }
            case Mem.NULL:
                out.setNull();
                return;
            default: {
                double r = Convert.toDouble(m);
                out.setDouble(r < 0 ? -r : r);
            }
        }
    }

    /** round(X [, N]): always REAL; N clamped to 0..30; half away from zero on SQLite's decimal digits. */
    private static void round(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) throws SqliteException {
        long n = 0;
        if (argc == 2) {
            if (a[base + 1].isNull()) {
                out.setNull();
                return;
            }
            n = Convert.toLong(a[base + 1]);
            if (n > 30) {
                n = 30;
            }
            if (n < 0) {
                n = 0;
            }
        }
        if (a[base].isNull()) {
            out.setNull();
            return;
        }
        double r = Convert.toDouble(a[base]);
        if (r < -4503599627370496.0 || r > 4503599627370496.0) {
            out.setDouble(r);
        } else if (n == 0) {
            out.setDouble((double) (long) (r + (r < 0 ? -0.5 : 0.5)));
        } else {
            Mem[] args = {new Mem(), new Mem()};
            args[0].setLong(n);
            args[1].setDouble(r);
            out.setDouble(NumberParse.atof(Printf.format("%!.*f", args, 0, 2)));
        }
    }

    private static boolean isNumber(Mem m) {
        return m.type() == Mem.INTEGER || m.type() == Mem.FLOAT;
    }

    private static void sign(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) {
        Mem m = Args.numeric(a[base]);
        if (!isNumber(m)) {
            out.setNull();
            return;
        }
        double x = Convert.toDouble(m);
        out.setLong(x < 0.0 ? -1 : x > 0.0 ? 1 : 0);
    }

    private static void setReal(Mem out, double r) {
        if (Double.isNaN(r)) {
            out.setNull();
        } else {
            out.setDouble(r);
        }
    }

    /** ceil/floor/trunc: an INTEGER stays as it is, a REAL is rounded, anything else is NULL. */
    private static FunctionDef integral(String name, Fn1 f) {
        return FunctionDef.scalar(name, 1, true, (c, a, b, n, out) -> {
            Mem m = Args.numeric(a[b]);
            if (m.type() == Mem.INTEGER) {
                out.setLong(m.longValue());
            } else if (m.type() == Mem.FLOAT) {
                setReal(out, f.apply(m.doubleValue()));
            } else {
                out.setNull();
            }
        });
    }

    private static FunctionDef math1(String name, Fn1 f) {
        return FunctionDef.scalar(name, 1, true, (c, a, b, n, out) -> {
            Mem m = Args.numeric(a[b]);
            if (!isNumber(m)) {
                out.setNull();
                return;
            }
            setReal(out, f.apply(Convert.toDouble(m)));
        });
    }

    private static FunctionDef math2(String name, Fn2 f) {
        return FunctionDef.scalar(name, 2, true, (c, a, b, n, out) -> {
            Mem x = Args.numeric(a[b]);
            Mem y = Args.numeric(a[b + 1]);
            if (!isNumber(x) || !isNumber(y)) {
                out.setNull();
                return;
            }
            setReal(out, f.apply(Convert.toDouble(x), Convert.toDouble(y)));
        });
    }

    /**
     * ln/log/log10/log2 ({@code kind} 0, 1, 2) and log(B, X); a non-positive argument or base ≤ 1 gives
     * NULL. As in SQLite, log(B, X) checks the type of B only; X is read with {@code sqlite3_value_double}.
     */
    private static void log(Mem[] a, int base, int argc, Mem out, int kind) {
        Mem m = Args.numeric(a[base]);
        if (!isNumber(m)) {
            out.setNull();
            return;
        }
        double x = Convert.toDouble(m);
        if (x <= 0.0) {
            out.setNull();
            return;
        }
        double ans;
        if (argc == 2) {
            double b = Math.log(x);
            if (b <= 0.0) {
                out.setNull();
                return;
            }
            x = Convert.toDouble(a[base + 1]);
            if (x <= 0.0) {
                out.setNull();
                return;
            }
            ans = Math.log(x) / b;
        } else if (kind == 1) {
            ans = Math.log10(x);
        } else if (kind == 2) {
            ans = log2(x);
        } else {
            ans = Math.log(x);
        }
        setReal(out, ans);
    }

    private static double log2(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int exp = (int) ((bits >>> 52) & 0x7ff);
        if ((bits & 0xfffffffffffffL) == 0 && exp != 0 && exp != 0x7ff) {
            return exp - 1023;
        }
        return Math.log(x) / LN2;
    }

    private static double asinh(double x) {
        double t = Math.abs(x);
        double r;
        if (t > 268435456.0) {
            r = Math.log(t) + LN2;
        } else if (t > 2.0) {
            r = Math.log(2.0 * t + 1.0 / (Math.sqrt(x * x + 1.0) + t));
        } else {
            double x2 = x * x;
            r = Math.log1p(t + x2 / (1.0 + Math.sqrt(1.0 + x2)));
        }
        return x < 0 ? -r : r;
    }

    private static double acosh(double x) {
        if (x < 1.0) {
            return Double.NaN;
        }
        if (x > 268435456.0) {
            return Math.log(x) + LN2;
        }
        if (x > 2.0) {
            return Math.log(2.0 * x - 1.0 / (x + Math.sqrt(x * x - 1.0)));
        }
        double t = x - 1.0;
        return Math.log1p(t + Math.sqrt(2.0 * t + t * t));
    }

    private static double atanh(double x) {
        double t = Math.abs(x);
        double r;
        if (t < 0.5) {
            double t2 = t + t;
            r = 0.5 * Math.log1p(t2 + t2 * t / (1.0 - t));
        } else {
            r = 0.5 * Math.log1p((t + t) / (1.0 - t));
        }
        return x < 0 ? -r : r;
    }
}
