package dev.skerry.testkit;

import java.util.List;
import java.util.Random;

/**
 * The seeded random differential test: a test's generator writes a SQL script (schema, random rows, random
 * statements) from a {@link Random} seeded with a given seed, {@link Differential} runs it on Skerry and on
 * SQLite, and a failure names the seed with every difference, so that it is reproducible. The random tests
 * give only their generator and their seeds.
 */
public final class RandomScripts {
    private RandomScripts() {
    }

    /** Writes one script from the random source it is given. */
    public interface Generator {
        String script(Random r);
    }

    /**
     * Runs the script {@code generator} writes from {@code new Random(seed)} on both engines; throws an
     * AssertionError naming the seed and listing the differences, if any.
     */
    public static void assertSame(long seed, Generator generator) {
        List<String> diffs = Differential.check(generator.script(new Random(seed)));
        if (!diffs.isEmpty()) {
            throw new AssertionError("seed " + seed + ": " + diffs.size() + " difference(s):\n"
                    + String.join("\n", diffs));
        }
    }

    /** One element of {@code choices}, drawn from {@code r}. */
    public static String pick(Random r, String[] choices) {
        return choices[r.nextInt(choices.length)];
    }
}
