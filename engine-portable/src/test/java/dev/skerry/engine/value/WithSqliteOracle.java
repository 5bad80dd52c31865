package dev.skerry.engine.value;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Test support: the base of the differential test classes that ask one {@link SqliteOracle} throughout,
 * opened before the class's first test and closed after its last (test classes run one at a time).
 */
public abstract class WithSqliteOracle {
    protected static SqliteOracle sqlite;

    @BeforeAll
    static void openOracle() throws Exception {
        sqlite = new SqliteOracle();
    }

    @AfterAll
    static void closeOracle() throws Exception {
        sqlite.close();
    }
}
