package dev.skerry.cli.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One run of the reference {@code /usr/bin/sqlite3} shell: its stdout bytes, its stderr (with the program
 * path in messages replaced by {@code skerry}, the name our shell uses) and its exit status.
 */
record Sqlite3Run(byte[] out, String err, int status) {
    static final Path SQLITE3 = Paths.get("/usr/bin/sqlite3");

    /** Runs sqlite3 with {@code args} in {@code dir}, {@code stdin} as its input; skips the test without the shell. */
    static Sqlite3Run of(Path dir, String[] args, byte[] stdin) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(SQLITE3), "the sqlite3 shell is not installed");
        String[] command = new String[args.length + 1];
        command[0] = SQLITE3.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).directory(dir.toFile()).start();
        p.getOutputStream().write(stdin);
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
                .replace(SQLITE3 + ": ", "skerry: ");
        p.waitFor(30, TimeUnit.SECONDS);
        return new Sqlite3Run(out, err, p.exitValue());
    }
}
