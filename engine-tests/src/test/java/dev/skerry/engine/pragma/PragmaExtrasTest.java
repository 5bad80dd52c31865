package dev.skerry.engine.pragma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.testkit.Outcome;
import dev.skerry.testkit.SkerryEngine;
import dev.skerry.testkit.SqliteEngine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code function_list} (every row of a function Skerry has equals SQLite's), {@code compile_options} with
 * {@code sqlite_compileoption_used/get} (Skerry's own list, each claim checked), {@code case_sensitive_like}
 * and {@code query_only}, against SQLite.
 */
class PragmaExtrasTest {
    private static List<String> rows(Outcome o) {
        assertFalse(o.isError(), o.toString());
        List<String> out = new ArrayList<>();
        for (List<String> r : o.rows()) {
            out.add(String.join("|", r));
        }
        return out;
    }

    @Test
    void functionListRowsAreSqlitesForEveryFunctionSkerryHas() {
        String query = "select name, builtin, type, enc, narg, flags from pragma_function_list order by 1, 5, 3";
        try (SqliteEngine sqlite = new SqliteEngine(); SkerryEngine skerry = new SkerryEngine()) {
            List<String> mine = rows(skerry.run(query));
            Set<String> names = new HashSet<>();
            for (List<String> r : skerry.run(query).rows()) {
                names.add(r.get(0));
            }
            List<String> theirs = new ArrayList<>();
            for (List<String> r : sqlite.run(query).rows()) {
                if (names.contains(r.get(0))) {
                    theirs.add(String.join("|", r));
                }
            }
            assertTrue(mine.size() > 100, "function_list rows: " + mine.size());
            assertEquals(theirs, mine);
            List<String> statement = rows(skerry.run("pragma function_list"));
            statement.sort(null);
            List<String> table = rows(skerry.run("select * from pragma_function_list"));
            table.sort(null);
            assertEquals(table, statement);
            assertEquals(sqlite.run("pragma function_list").columns(), skerry.run("pragma function_list").columns());
        }
    }

    @Test
    void compileOptionsAreSkerrysAndEachIsTrue() {
        try (SkerryEngine skerry = new SkerryEngine()) {
            List<String> options = rows(skerry.run("pragma compile_options"));
            assertEquals(options, rows(skerry.run("select * from pragma_compile_options")));
            List<String> sorted = new ArrayList<>(options);
            sorted.sort(null);
            assertEquals(sorted, options);
            for (int i = 0; i < options.size(); i++) {
                String o = options.get(i).substring("text:".length());
                assertEquals(List.of("int:1", "text:" + o), skerry.run("select sqlite_compileoption_used('" + o
                        + "'), sqlite_compileoption_get(" + i + ")").rows().get(0));
            }
            assertTrue(options.contains("text:DEFAULT_CACHE_SIZE=-2000"));
            assertEquals(List.of(List.of("int:-2000")), skerry.run("pragma cache_size").rows());
            assertTrue(options.contains("text:DEFAULT_PAGE_SIZE=4096"));
            assertEquals(List.of(List.of("int:4096")), skerry.run("pragma page_size").rows());
            assertTrue(options.contains("text:DEFAULT_SYNCHRONOUS=2"));
            assertEquals(List.of(List.of("int:2")), skerry.run("pragma synchronous").rows());
            assertTrue(options.contains("text:ENABLE_MATH_FUNCTIONS"));
            assertEquals(List.of(List.of("real:1.0")), skerry.run("select log10(10)").rows());
            assertTrue(options.contains("text:MAX_LIKE_PATTERN_LENGTH=50000"));
            assertTrue(skerry.run("select 'a' like printf('%.50001c', '%')").isError());
            assertFalse(skerry.run("select 'a' like printf('%.50000c', '%')").isError());
            assertTrue(options.contains("text:MAX_TRIGGER_DEPTH=1000"));
            assertTrue(options.contains("text:OMIT_LOAD_EXTENSION"));
            assertTrue(skerry.run("select load_extension('x')").isError());
        }
        PragmaDiff.assertSame("""
            select sqlite_compileoption_used('ENABLE_MATH_FUNCTIONS'), sqlite_compileoption_used('sqlite_enable_math_functions');
            select sqlite_compileoption_used('DEFAULT_CACHE_SIZE'), sqlite_compileoption_used('DEFAULT_CACHE_SIZE=-2000');
            select sqlite_compileoption_used('DEFAULT_CACHE_SIZE=7'), sqlite_compileoption_used('DEFAULT_CACHE');
            select sqlite_compileoption_used(''), sqlite_compileoption_used(NULL), sqlite_compileoption_used('nonsense');
            select sqlite_compileoption_get(-1), sqlite_compileoption_get(100000), typeof(sqlite_compileoption_get(0));
            select sqlite_compileoption_used(), 1;
            """);
    }

    @Test
    void caseSensitiveLikeSwitchesLike() {
        PragmaDiff.assertSame("""
            create table t(x);
            insert into t values ('abc'), ('ABC'), ('aBc'), ('x'), (NULL), ('é'), ('É');
            select x from t where x like 'abc' order by x;
            select like('ABC', 'abc'), 'é' like 'É', 'a' like 'A' escape '\\';
            pragma case_sensitive_like = 1;
            select x from t where x like 'abc' order by x;
            select x from t where x like 'A%' order by x;
            select like('ABC', 'abc'), like('abc', 'abc'), 'a' like 'A' escape '\\', 'a' glob 'A';
            select x from t where x not like 'abc' order by x;
            pragma case_sensitive_like;
            pragma case_sensitive_like = off;
            select x from t where x like 'abc' order by x;
            pragma case_sensitive_like = yes;
            select count(*) from t where x like 'ABC';
            pragma case_sensitive_like = 0;
            select count(*) from t where x like 'ABC';
            """);
    }

    @Test
    void queryOnlyRefusesWrites() {
        PragmaDiff.assertSame("""
            create table t(x);
            insert into t values (1);
            pragma query_only;
            pragma query_only = 1;
            pragma query_only;
            select * from t;
            insert into t values (2);
            update t set x = 3;
            delete from t;
            create table u(y);
            drop table t;
            pragma user_version = 5;
            pragma user_version;
            begin;
            select count(*) from t;
            commit;
            pragma query_only = false;
            insert into t values (2);
            select * from t order by x;
            pragma query_only = 2;
            pragma query_only;
            """);
    }

    @Test
    void ignoreCheckConstraintsAndTempStore() {
        PragmaDiff.assertSame("""
            create table t(a check(a > 0), b, check(b <> 'x'));
            pragma ignore_check_constraints;
            insert into t values (-1, 'y');
            pragma ignore_check_constraints = 1;
            pragma ignore_check_constraints;
            select * from pragma_ignore_check_constraints;
            insert into t values (-1, 'x');
            update t set a = -5;
            select * from t;
            pragma ignore_check_constraints = 0;
            insert into t values (-2, 'y');
            update t set a = a, b = b;
            update t set a = 3, b = 'z';
            select * from t;
            pragma temp_store;
            pragma temp_store = memory;
            pragma temp_store;
            pragma temp_store = FILE;
            select * from pragma_temp_store;
            pragma temp_store = 2;
            pragma temp_store;
            pragma temp_store = 7;
            pragma temp_store;
            pragma temp_store = 1;
            pragma temp_store = default;
            pragma temp_store;
            """);
    }
}
