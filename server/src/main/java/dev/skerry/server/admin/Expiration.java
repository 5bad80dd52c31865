package dev.skerry.server.admin;

/** Turso's token expirations: a sequence of numbers with units {@code w d h m s}, e.g. {@code 2w1d12h30m}. */
final class Expiration {
    private Expiration() {
    }

    /** The duration in seconds, or -1 when {@code text} is not such a sequence (or overflows). */
    static long seconds(String text) {
        long total = 0;
        long n = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                n = (n < 0 ? 0 : n) * 10 + (c - '0');
                if (n > 1_000_000_000L) {
                    return -1;
                }
                continue;
            }
            long unit = switch (c) {
                case 'w' -> 604_800;
                case 'd' -> 86_400;
                case 'h' -> 3_600;
                case 'm' -> 60;
                case 's' -> 1;
                default -> -1;
            };
            if (unit < 0 || n < 0) {
                return -1;
            }
            total += n * unit;
            n = -1;
        }
        return n >= 0 || total <= 0 ? -1 : total;
    }
}
