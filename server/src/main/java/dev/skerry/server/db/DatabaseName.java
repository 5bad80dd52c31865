package dev.skerry.server.db;

/**
 * Database names: 1 to 64 characters, lower-case ASCII letters, digits, {@code -} and {@code _}, starting with
 * a letter or a digit. The name is the file name ({@code <name>.db}) inside the data directory, so no name
 * can reach another folder ({@code /}, {@code .} and {@code ..} are impossible).
 */
public final class DatabaseName {
    public static final int MAX_LENGTH = 64;

    private DatabaseName() {
    }

    public static boolean isValid(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alnum = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (!alnum && (i == 0 || c != '-' && c != '_')) {
                return false;
            }
        }
        return true;
    }
}
