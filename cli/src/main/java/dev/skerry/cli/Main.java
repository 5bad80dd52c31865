package dev.skerry.cli;

import dev.skerry.cli.backend.SkerryBackend;
import dev.skerry.engine.parser.SqlComplete;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;

/**
 * Entry point of {@code skerry.jar}: the command line of {@link Cli} over the Skerry engine
 * ({@link SkerryBackend}) with the parser's {@code sqlite3_complete}. stdout and stderr are buffered; the shell
 * flushes them after every statement.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        BufferedOutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        BufferedOutputStream err = new BufferedOutputStream(new FileOutputStream(FileDescriptor.err), 1 << 12);
        int status = Cli.run(args, new FileInputStream(FileDescriptor.in), out, err, SkerryBackend::open,
                SqlComplete::isComplete);
        System.exit(status);
    }
}
