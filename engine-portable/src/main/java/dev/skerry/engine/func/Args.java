package dev.skerry.engine.func;

import dev.skerry.engine.value.Affinity;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.value.NumberParse;

/** Helpers shared by the built-in functions for reading their arguments. */
final class Args {
    private Args() {
    }

    /**
     * {@code sqlite3_value_numeric_type}: the argument itself, or for TEXT that reads entirely as a number,
     * a copy holding that number (INTEGER or REAL).
     */
    static Mem numeric(Mem m) {
        if (m.type() != Mem.TEXT || NumberParse.atofType(m.text()) <= 0) {
            return m;
        }
        Mem v = new Mem();
        v.copyFrom(m);
        Affinity.applyNumeric(v, false);
        return v;
    }
}
