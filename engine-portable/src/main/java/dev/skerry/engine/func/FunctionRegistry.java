package dev.skerry.engine.func;

import dev.skerry.engine.SqliteException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions known to a connection, looked up by name (ASCII case-insensitive) and argument count.
 *
 * <p>Invariant: for each lower-case name, the list holds its definitions in registration order; a lookup
 * prefers an exact argument count over a variadic ({@code -1}) definition. Only lookups by key are made
 * (no iteration), so hash order never matters.
 */
public final class FunctionRegistry {
    private final Map<String, List<FunctionDef>> byName = new HashMap<>();
    /** Every definition, in registration order (a replaced one keeps its place). */
    private final List<FunctionDef> all = new ArrayList<>();

    /** A registry holding SQLite's built-in functions. */
    public static FunctionRegistry builtins() {
        FunctionRegistry r = new FunctionRegistry();
        CoreFunctions.register(r);
        TextFunctions.register(r);
        MathFunctions.register(r);
        DateFunctions.register(r);
        CompileOptions.register(r);
        AggregateFunctions.register(r);
        dev.skerry.engine.json.JsonFunctions.register(r);
        return r;
    }

    static String lower(String s) {
        char[] c = s.toCharArray();
        for (int k = 0; k < c.length; k++) {
            if (c[k] >= 'A' && c[k] <= 'Z') {
                c[k] += 32;
            }
        }
        return new String(c);
    }

    /** Adds (or, for the same name and count, replaces) a definition. */
    public void register(FunctionDef def) {
        String key = lower(def.name());
        List<FunctionDef> list = byName.get(key);
        if (list == null) {
            list = new ArrayList<>();
            byName.put(key, list);
        }
        for (int k = 0; k < list.size(); k++) {
            if (list.get(k).nArg() == def.nArg()) {
                all.set(all.indexOf(list.get(k)), def);
                list.set(k, def);
                return;
            }
        }
        list.add(def);
        all.add(def);
    }

    /** Every definition, in registration order (for {@code PRAGMA function_list}). */
    public List<FunctionDef> definitions() {
        return java.util.Collections.unmodifiableList(all);
    }

    /** {@code like()} with {@code nArg} (2 or 3) arguments comparing letters exactly ({@code case_sensitive_like}). */
    public static FunctionDef caseSensitiveLike(int nArg) {
        return CASE_SENSITIVE_LIKE[nArg - 2];
    }

    private static final FunctionDef[] CASE_SENSITIVE_LIKE = {
        TextFunctions.caseSensitiveLike(2), TextFunctions.caseSensitiveLike(3)};

    /** The definition for {@code name} called with {@code argc} arguments, or null. */
    public FunctionDef find(String name, int argc) {
        List<FunctionDef> list = byName.get(lower(name));
        if (list == null) {
            return null;
        }
        FunctionDef any = null;
        for (FunctionDef d : list) {
            if (d.nArg() == argc) {
                return d;
            }
            if (d.nArg() == -1 && argc >= d.minArgs() && any == null) {
                any = d;
            }
        }
        return any;
    }

    /** True when some function of that name exists, with any argument count. */
    public boolean exists(String name) {
        return byName.containsKey(lower(name));
    }

    /**
     * The definition for {@code name} with {@code argc} arguments, or SQLite's error:
     * {@code no such function: NAME} or {@code wrong number of arguments to function NAME()} (NAME as
     * written in the SQL).
     */
    public FunctionDef lookup(String name, int argc) throws SqliteException {
        FunctionDef d = find(name, argc);
        if (d != null) {
            return d;
        }
        if (exists(name)) {
            throw SqliteException.error("wrong number of arguments to function " + name + "()");
        }
        throw SqliteException.error("no such function: " + name);
    }
}
