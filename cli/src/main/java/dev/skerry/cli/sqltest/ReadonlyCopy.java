package dev.skerry.cli.sqltest;

import dev.skerry.cli.backend.BackendException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

/**
 * A private copy of a database file that a case opens read-only: the backend gets the copy (deleted when the
 * JVM exits), so a fixture is never changed, not even by a checkpoint. Writes to the copy are not refused.
 */
public final class ReadonlyCopy {
    private ReadonlyCopy() {
    }

    public static String of(String path) throws BackendException {
        try {
            Path copy = Files.createTempFile("sqltest-ro", ".db");
            Files.copy(Paths.get(path), copy, StandardCopyOption.REPLACE_EXISTING);
            File f = copy.toFile();
            f.setWritable(true);
            f.deleteOnExit();
            new File(copy + "-wal").deleteOnExit();
            return copy.toString();
        } catch (IOException e) {
            throw new BackendException(14, "unable to open database file", -1);
        }
    }
}
