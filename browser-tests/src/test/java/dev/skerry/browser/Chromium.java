package dev.skerry.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Headless Chromium as every browser test starts it: {@code /usr/bin/chromium} (never a downloaded browser),
 * driven by Playwright, with the same flags and a fresh profile directory. {@link #restart()} closes the
 * browser and starts it again on the same profile (a user's browser restart); {@link #close()} ends it and
 * deletes the profile.
 *
 * <p>States: open (a persistent context exists) → closed.
 */
final class Chromium implements AutoCloseable {
    static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    /** The pages' time zone: not UTC (and not a whole hour), so that local-time handling is tested. */
    static final String TIME_ZONE = "Asia/Kathmandu";
    private static final Map<String, String> ENV = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

    private final Playwright playwright;
    private final Path profile;
    private BrowserContext context;

    /** Starts Chromium on a new profile; fails the test when {@code /usr/bin/chromium} is missing. */
    Chromium() throws IOException {
        if (!Files.isExecutable(EXECUTABLE)) {
            fail("Chromium is missing at " + EXECUTABLE + ": the browser tests need it (apt-get install -y chromium)");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(ENV));
        profile = Files.createTempDirectory("skerry-chromium-");
        launch();
    }

    private void launch() {
        context = playwright.chromium().launchPersistentContext(profile,
                new BrowserType.LaunchPersistentContextOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        .setTimezoneId(TIME_ZONE)
                        .setArgs(ARGS));
    }

    BrowserContext context() {
        return context;
    }

    /** Closes the browser and starts it again on the same profile. */
    void restart() {
        context.close();
        launch();
    }

    @Override
    public void close() throws IOException {
        try {
            context.close();
            playwright.close();
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
