package dev.skerry.cli.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A byte sink for the shell's stdout or stderr: text is written as UTF-8, values as raw bytes. C strings
 * stop at their first NUL, so {@link #cstring} writes only the bytes before it, as {@code fputs} would.
 */
public final class ShellOutput {
    private final OutputStream out;

    public ShellOutput(OutputStream out) {
        this.out = out;
    }

    public void print(String s) {
        write(s.getBytes(StandardCharsets.UTF_8));
    }

    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    public void write(byte[] b, int off, int len) {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code b} up to (not including) its first NUL byte. */
    public void cstring(byte[] b) {
        write(b, 0, cstrlen(b));
    }

    public void spaces(int n) {
        for (int i = 0; i < n; i++) {
            writeByte(' ');
        }
    }

    public void writeByte(int c) {
        try {
            out.write(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int cstrlen(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return n;
    }
}
