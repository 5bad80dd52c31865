package dev.skerry.cli.shell;

/** Thrown by {@code .exit CODE} with a non-zero code: the process ends at once with that status. */
public final class ShellExit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    ShellExit(int status) {
        super(null, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
