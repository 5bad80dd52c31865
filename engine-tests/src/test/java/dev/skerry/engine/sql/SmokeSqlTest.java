package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

class SmokeSqlTest {
    @Test
    void createInsertSelect() {
        Differential.assertSame("create table t(a integer primary key, b text, c);\n"
                + "insert into t values(1, 'x', 2.5);\n"
                + "insert into t(b) values('y');\n"
                + "select * from t;\n"
                + "select a, b from t where a = 2;\n");
    }
}
