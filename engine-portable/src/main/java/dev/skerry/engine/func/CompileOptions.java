package dev.skerry.engine.func;

import dev.skerry.engine.pager.Pager;
import dev.skerry.engine.value.ByteText;
import dev.skerry.engine.value.Like;
import dev.skerry.engine.value.Mem;

/**
 * What {@code PRAGMA compile_options}, {@code sqlite_compileoption_used(X)} and
 * {@code sqlite_compileoption_get(N)} report: the SQLite compile-time options (without the {@code SQLITE_}
 * prefix, sorted as SQLite sorts them) whose meaning describes Skerry's behaviour. Each is true of Skerry:
 * the limits are the values its parser, pager and functions enforce; {@code OMIT_AUTOVACUUM} (auto-vacuum
 * files are read, not created or written), {@code OMIT_LOAD_EXTENSION}, {@code OMIT_SHARED_CACHE} and
 * {@code OMIT_UTF16} (UTF-8 databases only) name what Skerry lacks, as those options remove it from SQLite.
 */
public final class CompileOptions {
    private CompileOptions() {
    }

    private static final String[] OPTIONS = {
        "DEFAULT_CACHE_SIZE=-2000",
        "DEFAULT_FILE_FORMAT=4",
        "DEFAULT_PAGE_SIZE=" + Pager.DEFAULT_PAGE_SIZE,
        "DEFAULT_SYNCHRONOUS=2",
        "ENABLE_MATH_FUNCTIONS",
        "MAX_ATTACHED=" + dev.skerry.engine.vdbe.AttachedDatabases.MAX_ATTACHED,
        "MAX_COMPOUND_SELECT=500",
        "MAX_EXPR_DEPTH=1000",
        "MAX_FUNCTION_ARG=100",
        "MAX_LENGTH=" + ByteText.MAX_LENGTH,
        "MAX_LIKE_PATTERN_LENGTH=" + Like.MAX_PATTERN_LENGTH,
        "MAX_PAGE_COUNT=" + Pager.MAX_PAGE_COUNT,
        "MAX_TRIGGER_DEPTH=1000",
        "MAX_VARIABLE_NUMBER=250000",
        "OMIT_AUTOVACUUM",
        "OMIT_LOAD_EXTENSION",
        "OMIT_SHARED_CACHE",
        "OMIT_UTF16",
    };

    /** The options, in order. */
    public static String[] list() {
        return OPTIONS.clone();
    }

    static void register(FunctionRegistry r) {
        r.register(FunctionDef.scalar("sqlite_compileoption_used", 1, false, CompileOptions::used));
        r.register(FunctionDef.scalar("sqlite_compileoption_get", 1, false, CompileOptions::get));
    }

    /**
     * {@code sqlite3_compileoption_used}: whether an option is named {@code name} (an optional
     * {@code SQLITE_} prefix and letter case ignored; {@code NAME} also matches {@code NAME=value}).
     */
    static boolean used(String name) {
        String n = name;
        if (n.length() >= 7 && DateTime.equalsIgnoreCase(n.substring(0, 7), "SQLITE_")) {
            n = n.substring(7);
        }
        for (String o : OPTIONS) {
            if (o.length() >= n.length() && DateTime.equalsIgnoreCase(o.substring(0, n.length()), n)
                    && (o.length() == n.length() || o.charAt(n.length()) == '=')) {
                return true;
            }
        }
        return false;
    }

    private static void used(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) {
        if (a[base].isNull()) {
            out.setNull();
            return;
        }
        out.setLong(used(dev.skerry.engine.value.Convert.toText(a[base])) ? 1 : 0);
    }

    private static void get(FunctionContext ctx, Mem[] a, int base, int argc, Mem out) {
        long n = dev.skerry.engine.value.Convert.toLong(a[base]);
        if (n >= 0 && n < OPTIONS.length) {
            out.setText(OPTIONS[(int) n]);
        } else {
            out.setNull();
        }
    }
}
