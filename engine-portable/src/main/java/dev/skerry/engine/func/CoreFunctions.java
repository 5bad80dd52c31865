package dev.skerry.engine.func;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.ByteText;
import dev.skerry.engine.value.Convert;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.value.ValueCompare;

/**
 * Built-in scalars about values and the connection: typeof, subtype, coalesce, ifnull, nullif, iif/if, likely,
 * unlikely, likelihood, multi-argument min/max, random, randomblob, zeroblob, last_insert_rowid, changes,
 * total_changes, sqlite_version.
 *
 * <p>coalesce, ifnull, iif and the likelihood family are inline in SQLite (arguments evaluated lazily);
 * the translator should code them so, and these definitions give the same value when all arguments are
 * already computed.
 */
final class CoreFunctions {
    private CoreFunctions() {
    }

    /** The SQLite version Skerry is compatible with (that of sqlite-jdbc 3.50.3.0). */
    static final String SQLITE_VERSION = "3.50.3";

    static void register(FunctionRegistry r) {
        r.register(FunctionDef.scalar("typeof", 1, true, CoreFunctions::typeof));
        r.register(FunctionDef.variadic("coalesce", 2, true, CoreFunctions::coalesce));
        r.register(FunctionDef.scalar("ifnull", 2, true, CoreFunctions::coalesce));
        r.register(FunctionDef.scalar("nullif", 2, true, CoreFunctions::nullif));
        r.register(FunctionDef.variadic("iif", 2, true, CoreFunctions::iif));
        r.register(FunctionDef.variadic("if", 2, true, CoreFunctions::iif));
        r.register(FunctionDef.scalar("subtype", 1, true, (c, a, b, n, out) -> out.setLong(a[b].subtype())));
        r.register(FunctionDef.scalar("likely", 1, true, CoreFunctions::first));
        r.register(FunctionDef.scalar("unlikely", 1, true, CoreFunctions::first));
        r.register(FunctionDef.scalar("likelihood", 2, true, CoreFunctions::first));
        r.register(FunctionDef.variadic("min", 2, true, (c, a, b, n, out) -> minMax(c, a, b, n, out, false)));
        r.register(FunctionDef.variadic("max", 2, true, (c, a, b, n, out) -> minMax(c, a, b, n, out, true)));
        r.register(FunctionDef.scalar("random", 0, false, CoreFunctions::random));
        r.register(FunctionDef.scalar("randomblob", 1, false, CoreFunctions::randomblob));
        r.register(FunctionDef.scalar("zeroblob", 1, true, CoreFunctions::zeroblob));
        r.register(FunctionDef.scalar("last_insert_rowid", 0, false, (c, a, b, n, out) -> out.setLong(c.lastInsertRowid())));
        r.register(FunctionDef.scalar("changes", 0, false, (c, a, b, n, out) -> out.setLong(c.changes())));
        r.register(FunctionDef.scalar("total_changes", 0, false, (c, a, b, n, out) -> out.setLong(c.totalChanges())));
        r.register(FunctionDef.scalar("sqlite_version", 0, false, (c, a, b, n, out) -> out.setText(SQLITE_VERSION)));
    }

    private static void typeof(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) {
        switch (a[base].type()) {
            case Mem.INTEGER: out.setText("integer"); break;
            case Mem.FLOAT: out.setText("real"); break;
            case Mem.TEXT: out.setText("text"); break;
            case Mem.BLOB: out.setText("blob"); break;
            default: out.setText("null"); break;
        }
    }

    private static void coalesce(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) {
        for (int k = 0; k < argc; k++) {
            if (!a[base + k].isNull()) {
                out.copyFrom(a[base + k]);
                return;
            }
        }
        out.setNull();
    }

    private static void nullif(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) {
        if (ValueCompare.compare(a[base], a[base + 1], ctx.collation()) != 0) {
            out.copyFrom(a[base]);
        } else {
            out.setNull();
        }
    }

    /** iif(C1, V1, C2, V2, …, [ELSE]): the V of the first true C, else ELSE (NULL when absent). */
    private static void iif(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) {
        int k = 0;
        for (; k + 1 < argc; k += 2) {
            if (Convert.toBoolean(a[base + k], false)) {
                out.copyFrom(a[base + k + 1]);
                return;
            }
        }
        if (k < argc) {
            out.copyFrom(a[base + k]);
        } else {
            out.setNull();
        }
    }

    private static void first(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) {
        out.copyFrom(a[base]);
    }

    private static void minMax(FunctionContext ctx, Mem[] a, int base, int argc, Mem out, boolean max) {
        int best = base;
        if (a[base].isNull()) {
            out.setNull();
            return;
        }
        for (int k = 1; k < argc; k++) {
            Mem m = a[base + k];
            if (m.isNull()) {
                out.setNull();
                return;
            }
            int c = ValueCompare.compare(a[best], m, ctx.collation());
            if (max ? c < 0 : c >= 0) {
                best = base + k;
            }
        }
        out.copyFrom(a[best]);
    }

    private static void random(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) {
        byte[] b = new byte[8];
        ctx.randomBytes(b);
        long r = 0;
        for (int k = 7; k >= 0; k--) {
            r = (r << 8) | (b[k] & 0xff);
        }
        if (r < 0) {
            r = -(r & Long.MAX_VALUE);
        }
        out.setLong(r);
    }

    private static void randomblob(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) throws SqliteException {
        long n = Convert.toLong(a[base]);
        if (n < 1) {
            n = 1;
        }
        if (n > ByteText.MAX_LENGTH) {
            throw new SqliteException(ResultCode.SQLITE_TOOBIG, "string or blob too big");
        }
        byte[] b = new byte[(int) n];
        ctx.randomBytes(b);
        out.setBlob(b);
    }

    private static void zeroblob(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) throws SqliteException {
        long n = Convert.toLong(a[base]);
        if (n < 0) {
            n = 0;
        }
        if (n > ByteText.MAX_LENGTH) {
            throw new SqliteException(ResultCode.SQLITE_TOOBIG, "string or blob too big");
        }
        out.setBlob(new byte[(int) n]);
    }
}
