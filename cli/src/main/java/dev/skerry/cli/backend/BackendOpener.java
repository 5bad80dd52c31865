package dev.skerry.cli.backend;

/** Opens a database for the shell: a file path, or {@code :memory:} (also used for "no file given"). */
@FunctionalInterface
public interface BackendOpener {
    Backend open(String path) throws BackendException;
}
