package dev.skerry.bench;

import java.util.List;

/** The engines the benchmark knows, by name. */
final class Targets {
    static final List<String> NAMES = List.of("sqlite", "skerry");

    private Targets() {
    }

    static Target open(String name, String path) throws Exception {
        switch (name) {
            case "sqlite": return new JdbcTarget(path);
            case "skerry": return new SkerryTarget(path);
            default: throw new IllegalArgumentException("unknown target " + name + "; known: " + NAMES);
        }
    }
}
