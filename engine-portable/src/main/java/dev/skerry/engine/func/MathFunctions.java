package dev.skerry.engine.func;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.Convert;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.value.NumberParse;
import dev.skerry.engine.value.Printf;

/** Built-in numeric scalars: abs, round, sign. */
final class MathFunctions {
    private MathFunctions() {
    }

    static void register(FunctionRegistry r) {
        r.register(FunctionDef.scalar("abs", 1, true, MathFunctions::abs));
        r.register(FunctionDef.scalar("round", 1, true, MathFunctions::round));
        r.register(FunctionDef.scalar("round", 2, true, MathFunctions::round));
        r.register(FunctionDef.scalar("sign", 1, true, MathFunctions::sign));
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

    private static void sign(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) {
        Mem m = Args.numeric(a[base]);
        if (m.type() != Mem.INTEGER && m.type() != Mem.FLOAT) {
            out.setNull();
            return;
        }
        double x = Convert.toDouble(m);
        out.setLong(x < 0.0 ? -1 : x > 0.0 ? 1 : 0);
    }
}
