package dev.skerry.engine.func;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.SqliteOracle;
import dev.skerry.engine.value.SqliteOracle.Outcome;
import org.junit.jupiter.api.Test;

/** Lookup by name in any case and by argument count, with SQLite's error texts for the name as written. */
class FunctionRegistryTest {
    private static final FunctionRegistry REGISTRY = FunctionRegistry.builtins();

    private static String lookupError(String name, int argc) {
        try {
            REGISTRY.lookup(name, argc);
            return null;
        } catch (SqliteException e) {
            return e.getMessage();
        }
    }

    @Test
    void lookupErrorsMatchSqlite() throws Exception {
        String[][] calls = {{"ABS", "2"}, {"Abs", "1"}, {"NoSuch", "1"}, {"SUBSTR", "1"}, {"substr", "4"},
            {"Coalesce", "1"}, {"MIN", "0"}, {"Max", "1"}, {"COUNT", "2"}, {"group_concat", "3"}, {"IIF", "1"},
            {"Printf", "0"}, {"concat", "0"}, {"concat_ws", "1"}, {"Random", "1"}, {"round", "3"}, {"LiKe", "4"},
            {"char", "0"}, {"string_agg", "1"}, {"total_changes", "1"}, {"Sqlite_Version", "0"}};
        int n = 0;
        try (SqliteOracle sqlite = new SqliteOracle()) {
            for (String[] c : calls) {
                int argc = Integer.parseInt(c[1]);
                StringBuilder sql = new StringBuilder(c[0]).append('(');
                for (int k = 0; k < argc; k++) {
                    sql.append(k == 0 ? "1" : ",1");
                }
                sql.append(')');
                Outcome e = sqlite.eval(sql.toString());
                String mine = lookupError(c[0], argc);
                if (e.error == null) {
                    assertEquals(null, mine, sql.toString());
                } else {
                    assertEquals(e.error, mine, sql.toString());
                }
                n++;
            }
        }
        System.out.println("lookup cases: " + n);
    }

    @Test
    void findPrefersExactArgumentCountAndKnowsAggregates() {
        assertTrue(REGISTRY.find("min", 1).isAggregate());
        assertTrue(!REGISTRY.find("MIN", 3).isAggregate());
        assertEquals(2, REGISTRY.find("substr", 2).nArg());
        assertTrue(!REGISTRY.find("random", 0).isDeterministic());
        assertTrue(REGISTRY.find("abs", 1).isDeterministic());
    }
}
