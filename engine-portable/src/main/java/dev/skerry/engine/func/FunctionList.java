package dev.skerry.engine.func;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of {@code PRAGMA function_list}: for each built-in function and argument count, SQLite's columns
 * {@code name, builtin, type, enc, narg, flags}. {@code type} is {@code s} (scalar) or {@code w} (every
 * built-in aggregate and window function is window-capable); {@code enc} is {@code utf8}; {@code narg} is
 * -1 for a variadic function except where SQLite registers a minimum (its values -3 and -4 shown as it shows
 * them); {@code flags} are SQLite's {@code SQLITE_INNOCUOUS} (every built-in), {@code SQLITE_DETERMINISTIC}
 * (deterministic scalars) and {@code SQLITE_SUBTYPE} (functions that read subtypes).
 */
public final class FunctionList {
    private FunctionList() {
    }

    public static final String[] COLUMNS = {"name", "builtin", "type", "enc", "narg", "flags"};

    private static final long DETERMINISTIC = 0x800;
    private static final long SUBTYPE = 0x100000;
    private static final long INNOCUOUS = 0x200000;

    /** Variadic functions whose narg SQLite shows as other than -1. */
    private static final String[] NARG_NAMES = {"coalesce", "concat_ws", "if", "iif", "concat", "max", "min"};
    private static final long[] NARG_VALUES = {-4, -4, -4, -4, -3, -3, -3};

    /** Functions with SQLite's SQLITE_SUBTYPE flag (they read their arguments' subtypes). */
    private static final String[] SUBTYPE_NAMES = {"subtype", "json_array", "json_object", "json_insert",
        "json_replace", "json_set", "json_quote", "json_group_array", "json_group_object", "jsonb_array",
        "jsonb_object", "jsonb_insert", "jsonb_replace", "jsonb_set", "jsonb_group_array", "jsonb_group_object"};

    private static boolean in(String[] names, String name) {
        for (String n : names) {
            if (n.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** One row per definition of {@code registry} and per built-in window function and argument count. */
    public static List<Object[]> rows(FunctionRegistry registry) {
        List<Object[]> rows = new ArrayList<>();
        for (FunctionDef d : registry.definitions()) {
            String name = FunctionRegistry.lower(d.name());
            long narg = d.nArg();
            if (narg < 0) {
                for (int k = 0; k < NARG_NAMES.length; k++) {
                    if (NARG_NAMES[k].equals(name)) {
                        narg = NARG_VALUES[k];
                    }
                }
            }
            long flags = INNOCUOUS;
            if (in(SUBTYPE_NAMES, name)) {
                flags |= SUBTYPE | DETERMINISTIC;
            } else if (!d.isAggregate() && d.isDeterministic()) {
                flags |= DETERMINISTIC;
            }
            rows.add(new Object[] {name, 1L, d.isAggregate() ? "w" : "s", "utf8", narg, flags});
        }
        for (int kind = 1; kind < WindowFunctions.kinds(); kind++) {
            for (int n = WindowFunctions.minArgs(kind); n <= WindowFunctions.maxArgs(kind); n++) {
                rows.add(new Object[] {WindowFunctions.name(kind), 1L, "w", "utf8", (long) n, INNOCUOUS});
            }
        }
        return rows;
    }
}
