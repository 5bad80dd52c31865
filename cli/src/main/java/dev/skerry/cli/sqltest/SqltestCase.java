package dev.skerry.cli.sqltest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code test NAME { SQL }} of a file with its decorators and expectations. Immutable after parsing.
 *
 * <p>{@code skip} is the reason of {@code @skip}, or null; {@code skipIf} holds the {@code @skip-if COND "why"}
 * pairs; {@code backend} the {@code @backend} name or null; {@code requires} the {@code @requires} capability
 * names. {@code expectations} maps a backend name ({@code cli}, {@code js}, ...) or {@code ""} (the default
 * block) to its expectation.
 */
public final class SqltestCase {
    final String name;
    final String sql;
    final List<String> setups = new ArrayList<>();
    String skip;
    final List<String[]> skipIf = new ArrayList<>();
    String backend;
    final List<String> requires = new ArrayList<>();
    final Map<String, Expectation> expectations = new HashMap<>();

    SqltestCase(String name, String sql) {
        this.name = name;
        this.sql = sql;
    }

    public String name() {
        return name;
    }

    /** The expectation a CLI backend checks: the {@code expect @cli} block when there is one, else the default. */
    Expectation cliExpectation() {
        Expectation e = expectations.get("cli");
        return e != null ? e : expectations.get("");
    }
}
