package dev.skerry.cli.sqltest;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts of one run (a file or all files): cases passed, failed and skipped (a case counts once per database
 * it runs on), and one line per failure ({@code FILE: NAME [DB]: why}).
 */
public final class SqltestResult {
    int passed;
    int failed;
    int skipped;
    final List<String> failures = new ArrayList<>();

    public int passed() {
        return passed;
    }

    public int failed() {
        return failed;
    }

    public int skipped() {
        return skipped;
    }

    /** The failures, one line each. */
    public List<String> failures() {
        return failures;
    }

    void add(SqltestResult other) {
        passed += other.passed;
        failed += other.failed;
        skipped += other.skipped;
        failures.addAll(other.failures);
    }

    /** {@code N passed, M failed, K skipped}. */
    @Override
    public String toString() {
        return passed + " passed, " + failed + " failed, " + skipped + " skipped";
    }
}
