package dev.skerry.engine.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.engine.value.SqliteOracle.Outcome;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ValueCompare's total order against SQLite's ORDER BY under each built-in collation. */
class ValueOrderDifferentialTest {
    @Test
    void orderByMatchesSqlite() throws Exception {
        List<Mem> values = new ArrayList<>(SqliteOracle.edgeValues());
        for (String s : new String[] {"a", "B", "b", "A", "a ", "a  ", "ab", "\uffff", "\ud83d\ude00", "\ue000", "Z", "z"}) {
            values.add(SqliteOracle.text(s));
        }
        int n = 0;
        try (SqliteOracle sqlite = new SqliteOracle()) {
            try (Statement st = sqlite.connection().createStatement()) {
                st.execute("CREATE TABLE o(v)");
            }
            try (PreparedStatement ps = sqlite.connection().prepareStatement("INSERT INTO o VALUES(?)")) {
                for (Mem m : values) {
                    SqliteOracle.bind(ps, 1, m);
                    ps.executeUpdate();
                }
            }
            for (Collation c : Collation.values()) {
                List<Mem> expected = new ArrayList<>();
                try (Statement st = sqlite.connection().createStatement();
                        ResultSet rs = st.executeQuery("SELECT v FROM o ORDER BY v COLLATE " + c.name() + ", rowid")) {
                    while (rs.next()) {
                        expected.add(SqliteOracle.read(rs, 1));
                    }
                }
                List<Mem> actual = new ArrayList<>(values);
                actual.sort((x, y) -> ValueCompare.compare(x, y, c));
                assertEquals(expected.size(), actual.size());
                for (int k = 0; k < actual.size(); k++) {
                    assertEquals(0, ValueCompare.compare(expected.get(k), actual.get(k), c),
                            c + " position " + k + ": sqlite " + Outcome.of(expected.get(k)) + ", skerry "
                                    + Outcome.of(actual.get(k)));
                    n++;
                }
            }
        }
        System.out.println("order cases: " + n);
    }
}
