package dev.skerry.cli.sqltest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed {@code .sqltest} file: its {@code @database} lines (spec and read-only flag), its named setups,
 * its test cases in order, the file-level skips, and the number of {@code snapshot}/{@code matrix} cases,
 * which a CLI runner does not run. Immutable after parsing.
 */
public final class SqltestFile {
    /** One {@code @database SPEC [readonly]} line. */
    static final class Database {
        final String spec;
        final boolean readonly;

        Database(String spec, boolean readonly) {
            this.spec = spec;
            this.readonly = readonly;
        }
    }

    final List<Database> databases = new ArrayList<>();
    final Map<String, String> setups = new LinkedHashMap<>();
    final List<SqltestCase> cases = new ArrayList<>();
    String skipFile;
    final List<String[]> skipFileIf = new ArrayList<>();
    int otherCases;

    public List<SqltestCase> cases() {
        return cases;
    }
}
