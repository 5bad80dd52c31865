package dev.skerry.cli.slt;

/** Counts of one run (a file or all files): executed records passed and failed, records skipped. */
public final class SltResult {
    int passed;
    int failed;
    int skipped;

    public int passed() {
        return passed;
    }

    public int failed() {
        return failed;
    }

    public int skipped() {
        return skipped;
    }

    void add(SltResult other) {
        passed += other.passed;
        failed += other.failed;
        skipped += other.skipped;
    }

    /** {@code N passed, M failed, K skipped}: the runner's summary line. */
    @Override
    public String toString() {
        return passed + " passed, " + failed + " failed, " + skipped + " skipped";
    }
}
