package dev.skerry.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.BufferedOutputStream;

/**
 * Entry point of {@code skerry.jar}. The production backend (Skerry's {@code Connection} over the file and
 * memory VFS) and the parser's {@code SqlComplete.isComplete} are not on the {@code cli} branch yet: until
 * they are wired here, the command says so and exits with status 1 rather than pretending to run SQL.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        BufferedOutputStream stderr = new BufferedOutputStream(new FileOutputStream(FileDescriptor.err));
        try {
            stderr.write("skerry: the Skerry engine backend is not wired into the shell yet\n".getBytes());
            stderr.flush();
        } catch (java.io.IOException e) {
            // nothing more can be reported
        }
        System.exit(1);
    }
}
