package dev.skerry.engine.func;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.Convert;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.value.Printf;

/**
 * SQLite's date and time functions (lang_datefunc.html): date, time, datetime, julianday, unixepoch,
 * strftime and timediff, computed by {@link DateTime}. 'now' is the statement step's time and local time
 * the host's offset, both from the {@link FunctionContext} (the connection's {@code Clock}).
 */
final class DateFunctions {
    private DateFunctions() {
    }

    static void register(FunctionRegistry r) {
        r.register(FunctionDef.variadic("date", 0, true, DateFunctions::date));
        r.register(FunctionDef.variadic("time", 0, true, DateFunctions::time));
        r.register(FunctionDef.variadic("datetime", 0, true, DateFunctions::datetime));
        r.register(FunctionDef.variadic("julianday", 0, true, DateFunctions::julianday));
        r.register(FunctionDef.variadic("unixepoch", 0, true, DateFunctions::unixepoch));
        r.register(FunctionDef.variadic("strftime", 0, true, DateFunctions::strftime));
        r.register(FunctionDef.scalar("timediff", 2, true, DateFunctions::timediff));
    }

    /** The text SQLite reads from an argument (NUL ends it, as in C), or null for NULL. */
    private static String text(Mem m) {
        if (m.isNull()) {
            return null;
        }
        String t = Convert.toText(m);
        int nul = t.indexOf('\0');
        return nul < 0 ? t : t.substring(0, nul);
    }

    /**
     * {@code isDate}: the time value {@code args[base]} (or 'now' when {@code argc == 0}) with the modifiers
     * after it applied; null when any is invalid or the result is out of range.
     */
    static DateTime isDate(FunctionContext ctx, Mem[] args, int base, int argc) throws SqliteException {
        DateTime p = new DateTime();
        if (argc == 0) {
            ctx.notPure();
            p.setToCurrent(ctx);
            return p.validJD ? p : null;
        }
        Mem v = args[base];
        if (v.type() == Mem.INTEGER || v.type() == Mem.FLOAT) {
            p.setRawNumber(Convert.toDouble(v));
        } else {
            String z = text(v);
            boolean ok = z != null && p.parseDateOrTime(ctx, z);
            if (p.readsClock) {
                ctx.notPure();
            }
            if (!ok) {
                return null;
            }
        }
        for (int i = 1; i < argc; i++) {
            String z = text(args[base + i]);
            boolean was = p.readsClock;
            boolean ok = z != null && p.applyModifier(ctx, z, i);
            if (p.readsClock && !was) {
                ctx.notPure();
            }
            if (!ok) {
                return null;
            }
        }
        p.computeJD();
        if (p.isError || !DateTime.validJulianDay(p.iJD)) {
            return null;
        }
        if (argc == 1 && p.validYMD && p.D > 28) {
            p.validYMD = false;
        }
        return p;
    }

    private static void digits(StringBuilder b, int v, int width) {
        int div = 1;
        for (int k = 1; k < width; k++) {
            div *= 10;
        }
        for (; div > 0; div /= 10) {
            b.append((char) ('0' + (v / div) % 10));
        }
    }

    /** {@code printf("%0Wd")} ({@code zero}) or {@code "%Wd"} of {@code v}. */
    static void pad(StringBuilder b, long v, int width, boolean zero) {
        String d = Long.toString(Math.abs(v));
        int len = d.length() + (v < 0 ? 1 : 0);
        if (!zero) {
            for (int k = len; k < width; k++) {
                b.append(' ');
            }
        }
        if (v < 0) {
            b.append('-');
        }
        if (zero) {
            for (int k = len; k < width; k++) {
                b.append('0');
            }
        }
        b.append(d);
    }

    private static void appendDate(StringBuilder b, DateTime x) {
        if (x.Y < 0) {
            b.append('-');
        }
        digits(b, Math.abs(x.Y), 4);
        b.append('-');
        digits(b, x.M, 2);
        b.append('-');
        digits(b, x.D, 2);
    }

    private static void appendTime(StringBuilder b, DateTime x) {
        digits(b, x.h, 2);
        b.append(':');
        digits(b, x.m, 2);
        b.append(':');
        if (x.useSubsec) {
            int sms = (int) (1000.0 * x.s + 0.5);
            digits(b, sms / 1000, 2);
            b.append('.');
            digits(b, sms, 3);
        } else {
            digits(b, (int) x.s, 2);
        }
    }

    private static void date(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) throws SqliteException {
        DateTime x = isDate(ctx, a, base, argc);
        if (x == null) {
            out.setNull();
            return;
        }
        x.computeYMD();
        StringBuilder b = new StringBuilder(11);
        appendDate(b, x);
        out.setText(b.toString());
    }

    private static void time(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) throws SqliteException {
        DateTime x = isDate(ctx, a, base, argc);
        if (x == null) {
            out.setNull();
            return;
        }
        x.computeHMS();
        StringBuilder b = new StringBuilder(12);
        appendTime(b, x);
        out.setText(b.toString());
    }

    private static void datetime(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) throws SqliteException {
        DateTime x = isDate(ctx, a, base, argc);
        if (x == null) {
            out.setNull();
            return;
        }
        x.computeYmdHms();
        StringBuilder b = new StringBuilder(24);
        appendDate(b, x);
        b.append(' ');
        appendTime(b, x);
        out.setText(b.toString());
    }

    private static void julianday(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) throws SqliteException {
        DateTime x = isDate(ctx, a, base, argc);
        if (x == null) {
            out.setNull();
            return;
        }
        x.computeJD();
        out.setDouble(x.iJD / 86400000.0);
    }

    private static void unixepoch(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) throws SqliteException {
        DateTime x = isDate(ctx, a, base, argc);
        if (x == null) {
            out.setNull();
            return;
        }
        x.computeJD();
        if (x.useSubsec) {
            out.setDouble((x.iJD - DateTime.UNIX_EPOCH_JD_MS) / 1000.0);
        } else {
            out.setLong(x.iJD / 1000 - DateTime.UNIX_EPOCH_JD_MS / 1000);
        }
    }

    /** SQLite's printf of one REAL with {@code fmt}. */
    static String printf(String fmt, double v) {
        Mem m = new Mem();
        m.setDouble(v);
        return Printf.format(fmt, new Mem[] {m}, 0, 1);
    }

    private static void strftime(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) throws SqliteException {
        out.setNull();
        if (argc == 0) {
            return;
        }
        String fmt = text(a[base]);
        if (fmt == null) {
            return;
        }
        DateTime x = isDate(ctx, a, base + 1, argc - 1);
        if (x == null) {
            return;
        }
        x.computeJD();
        x.computeYmdHms();
        String r = Strftime.format(fmt, x);
        if (r != null) {
            out.setText(r);
        }
    }

    /** timediff(A, B): the signed years, months, days and time to add to B to reach A. */
    private static void timediff(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) throws SqliteException {
        DateTime d1 = isDate(ctx, a, base, 1);
        DateTime d2 = d1 == null ? null : isDate(ctx, a, base + 1, 1);
        if (d2 == null) {
            out.setNull();
            return;
        }
        d1.computeYmdHms();
        d2.computeYmdHms();
        char sign;
        int y;
        int mo;
        if (d1.iJD >= d2.iJD) {
            sign = '+';
            y = d1.Y - d2.Y;
            if (y != 0) {
                d2.Y = d1.Y;
                d2.validJD = false;
                d2.computeJD();
            }
            mo = d1.M - d2.M;
            if (mo < 0) {
                y--;
                mo += 12;
            }
            if (mo != 0) {
                d2.M = d1.M;
                d2.validJD = false;
                d2.computeJD();
            }
            while (d1.iJD < d2.iJD) {
                mo--;
                if (mo < 0) {
                    mo = 11;
                    y--;
                }
                d2.M--;
                if (d2.M < 1) {
                    d2.M = 12;
                    d2.Y--;
                }
                d2.validJD = false;
                d2.computeJD();
            }
            d1.iJD -= d2.iJD;
        } else {
            sign = '-';
            y = d2.Y - d1.Y;
            if (y != 0) {
                d2.Y = d1.Y;
                d2.validJD = false;
                d2.computeJD();
            }
            mo = d2.M - d1.M;
            if (mo < 0) {
                y--;
                mo += 12;
            }
            if (mo != 0) {
                d2.M = d1.M;
                d2.validJD = false;
                d2.computeJD();
            }
            while (d1.iJD > d2.iJD) {
                mo--;
                if (mo < 0) {
                    mo = 11;
                    y--;
                }
                d2.M++;
                if (d2.M > 12) {
                    d2.M = 1;
                    d2.Y++;
                }
                d2.validJD = false;
                d2.computeJD();
            }
            d1.iJD = d2.iJD - d1.iJD;
        }
        d1.iJD += 1486995408L * 100000L;
        d1.clearYmdHmsTz();
        d1.computeYmdHms();
        StringBuilder b = new StringBuilder(24);
        b.append(sign);
        pad(b, y, 4, true);
        b.append('-');
        pad(b, mo, 2, true);
        b.append('-');
        pad(b, d1.D - 1, 2, true);
        b.append(' ');
        pad(b, d1.h, 2, true);
        b.append(':');
        pad(b, d1.m, 2, true);
        b.append(':');
        b.append(printf("%06.3f", d1.s));
        out.setText(b.toString());
    }
}
