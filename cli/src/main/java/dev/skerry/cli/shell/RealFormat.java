package dev.skerry.cli.shell;

import dev.skerry.engine.value.Mem;
import dev.skerry.engine.value.Printf;

/**
 * One double through SQLite's printf (the engine's {@link Printf}, the project's only implementation of it),
 * for the shell's {@code %!.20g} and the sqllogictest runner's {@code %.3f}.
 */
public final class RealFormat {
    private RealFormat() {
    }

    public static String format(String spec, double value) {
        Mem m = new Mem();
        m.setDouble(value);
        return Printf.format(spec, new Mem[] {m}, 0, 1);
    }
}
