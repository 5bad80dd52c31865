package dev.skerry.cli.shell;

import java.io.ByteArrayOutputStream;

/**
 * Control-character escaping of output text, as the 3.50 shell's {@code escapeOutput}: with the ASCII escape
 * mode (the default) a control byte other than TAB, LF and a CR before LF is written {@code ^X}
 * ({@code ^} then the byte plus 0x40); with SYMBOL it becomes the Unicode control picture U+2400+byte.
 */
final class Escapes {
    private Escapes() {
    }

    /** The C string in {@code z} (up to its first NUL), escaped per {@code mode}. */
    static byte[] escape(byte[] z, ShellSettings.Escape mode) {
        int n = ShellOutput.cstrlen(z);
        if (mode == ShellSettings.Escape.OFF || !needsEscape(z, n)) {
            return n == z.length ? z : java.util.Arrays.copyOf(z, n);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 8);
        for (int i = 0; i < n; i++) {
            int c = z[i] & 0xFF;
            if (!isEscaped(z, n, i)) {
                out.write(c);
            } else if (mode == ShellSettings.Escape.SYMBOL) {
                out.write(0xE2);
                out.write(0x90);
                out.write(0x80 + c);
            } else {
                out.write('^');
                out.write(0x40 + c);
            }
        }
        return out.toByteArray();
    }

    private static boolean needsEscape(byte[] z, int n) {
        for (int i = 0; i < n; i++) {
            if (isEscaped(z, n, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEscaped(byte[] z, int n, int i) {
        int c = z[i] & 0xFF;
        if (c > 0x1F || c == '\t' || c == '\n') {
            return false;
        }
        return !(c == '\r' && i + 1 < n && z[i + 1] == '\n');
    }
}
