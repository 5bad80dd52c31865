package dev.skerry.engine.parser;

/**
 * The parser's keyword table seen from outside the package: whether a word is one of SQLite's keywords
 * (lang_keywords.html, {@code sqlite3_keyword_check}). Code that writes names back into SQL text (the schema's
 * {@code CREATE TABLE} text, the shell's {@code .dump} and {@code insert} modes) asks here to decide whether a
 * name must be quoted, so there is one keyword list.
 */
public final class Keywords {
    private Keywords() {
    }

    /** True if {@code word} (compared ignoring ASCII case) is one of SQLite's keywords. */
    public static boolean isKeyword(String word) {
        return TokenType.keyword(word, 0, word.length()) != TokenType.ID;
    }
}
