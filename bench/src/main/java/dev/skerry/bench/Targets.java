package dev.skerry.bench;

import dev.skerry.vfs.memory.MemoryVfs;
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

    /** {@code name} on a database held in memory (no file system, no syncs). */
    static Target openInMemory(String name) throws Exception {
        switch (name) {
            case "sqlite": return new JdbcTarget(":memory:");
            case "skerry": return new SkerryTarget(new MemoryVfs(), "bench.db");
            default: throw new IllegalArgumentException("unknown target " + name + "; known: " + NAMES);
        }
    }
}
