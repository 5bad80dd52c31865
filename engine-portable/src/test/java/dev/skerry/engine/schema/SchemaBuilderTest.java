package dev.skerry.engine.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.Parser;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.value.Collation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schema model against SQLite: each CREATE runs in sqlite-jdbc, its sqlite_schema rows are loaded into a
 * {@link Schema}, and what SQLite reports (the stored sql text, the automatic indexes, PRAGMA table_info and
 * index_xinfo) is compared with the model.
 */
class SchemaBuilderTest {
    private static final String[] CREATES = {
        "create table t1(a integer primary key, b text unique, c)",
        "create table t2(x unique, y, primary key(y, x))",
        "create table t3(a INTEGER(10) primary key, b  VARCHAR ( 10 ) , c \"my type\", d Integer, e)",
        "create table t4(a integer primary key desc, b)",
        "create table t5(a integer, b, primary key(a desc))",
        "create table t6(a, b, unique(a), primary key(a))",
        "create table t7(a unique on conflict ignore, b unique, unique(b, a) on conflict replace)",
        "create table t8(a text collate nocase unique, b collate rtrim, unique(b collate binary, a desc))",
        "create table t9(a real, b blob, c double precision, d floating point, e numeric, f boolean, g charint)",
        "create table t10(A, b, unique(a, A, b))",
        "create index i1 on t9(c desc, a collate nocase)",
        "create unique index i2 on t9(f)",
        "create   table   \"t 11\"  ( a  ,b ) ",
    };

    private static Schema loadFromSqlite(Statement st) throws Exception {
        Schema schema = new Schema();
        try (ResultSet rs = st.executeQuery("select type, name, tbl_name, rootpage, sql from sqlite_schema")) {
            while (rs.next()) {
                SchemaBuilder.addRow(schema, rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5));
            }
        }
        return schema;
    }

    @Test
    void tablesColumnsAndIndexesMatchSqlite() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
            for (String sql : CREATES) {
                st.execute(sql);
            }
            Schema schema = loadFromSqlite(st);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select name, type from sqlite_schema")) {
                while (rs.next()) {
                    names.add(rs.getString(2) + ":" + rs.getString(1));
                }
            }
            List<String> ours = new ArrayList<>();
            for (Table t : schema.tables()) {
                ours.add("table:" + t.name());
            }
            for (Index i : schema.indexes()) {
                ours.add("index:" + i.name());
            }
            assertEquals(names.stream().sorted().toList(), ours.stream().sorted().toList());
            for (Table t : schema.tables()) {
                checkTable(st, t);
            }
            for (Index i : schema.indexes()) {
                checkIndex(st, i);
            }
        }
    }

    private static void checkTable(Statement st, Table t) throws Exception {
        try (ResultSet rs = st.executeQuery("select cid, name, \"notnull\", pk from pragma_table_info('"
                + t.name().replace("'", "''") + "')")) {
            int n = 0;
            while (rs.next()) {
                Column col = t.column(rs.getInt(1));
                assertEquals(rs.getString(2), col.name());
                assertEquals(rs.getInt(3) != 0, col.notNull(), t.name() + "." + col.name());
                assertEquals(rs.getInt(4) != 0, col.primaryKey(), t.name() + "." + col.name());
                n++;
            }
            assertEquals(n, t.columnCount());
        }
    }

    private static void checkIndex(Statement st, Index i) throws Exception {
        try (ResultSet rs = st.executeQuery("select seqno, cid, desc, coll, key from pragma_index_xinfo('"
                + i.name() + "') where key")) {
            int k = 0;
            while (rs.next()) {
                assertEquals(rs.getInt(2), i.column(k), i.name() + " field " + k);
                assertEquals(rs.getInt(3) != 0, i.desc(k), i.name() + " desc " + k);
                assertSame(Collation.byName(rs.getString(4)), i.collation(k), i.name() + " coll " + k);
                k++;
            }
            assertEquals(k, i.columnCount(), i.name());
        }
        try (ResultSet rs = st.executeQuery("select \"unique\", origin from pragma_index_list('"
                + i.table().name().replace("'", "''") + "') where name = '" + i.name() + "'")) {
            assertTrue(rs.next());
            assertEquals(rs.getInt(1) != 0, i.unique());
            assertEquals(rs.getString(2).charAt(0), i.origin());
        }
    }

    @Test
    void indexOrderIsSqlitesCheckOrder() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
            st.execute(CREATES[6]);
            Schema schema = loadFromSqlite(st);
            Table t7 = schema.findTable("T7");
            List<String> order = new ArrayList<>();
            for (Index i : t7.indexes()) {
                order.add(i.name());
            }
            // Newest first, the REPLACE index after every other one.
            assertEquals(List.of("sqlite_autoindex_t7_2", "sqlite_autoindex_t7_1", "sqlite_autoindex_t7_3"), order);
        }
    }

    @Test
    void rowidAliasFollowsSqlitesRule() throws Exception {
        Schema schema = new Schema();
        for (int k = 0; k < 5; k++) {
            String sql = CREATES[k];
            Stmt.CreateTable ct = (Stmt.CreateTable) Parser.parseFirst(sql).statement();
            Table t = SchemaBuilder.table(ct, sql, SchemaBuilder.tableSql(ct, sql), k + 2);
            schema.addTable(t);
        }
        assertEquals(0, schema.findTable("t1").rowidAlias());
        assertEquals(-1, schema.findTable("t2").rowidAlias());
        assertEquals(-1, schema.findTable("t3").rowidAlias());
        assertEquals(-1, schema.findTable("t4").rowidAlias());
        assertEquals(0, schema.findTable("t5").rowidAlias());
        assertEquals("VARCHAR ( 10 )", schema.findTable("t3").column(1).declaredType());
        assertEquals('B', schema.findTable("t3").column(1).affinity());
        assertEquals('C', schema.findTable("t3").column(2).affinity());
        assertEquals("", schema.findTable("t3").column(4).declaredType());
        assertEquals('A', schema.findTable("t3").column(4).affinity());
        assertEquals("CREATE TABLE t1(a integer primary key, b text unique, c)", schema.findTable("t1").sql());
        assertNull(schema.findTable("nosuch"));
        assertSame(schema.schemaTable(), schema.findTable("SQLITE_MASTER"));
    }

    @Test
    void storedSqlIsSqlites() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
            String[] sqls = {"create   table   if  not exists  \"t 1\"  ( a  ,b ) ", "create table main.t2(a) /* c */ ",
                "create unique  index  if not exists  main.i1 on \"t 1\"(a) ", "create index i2 on t2(a) /* c */ -- x\n"};
            for (String sql : sqls) {
                st.execute(sql);
            }
            List<String> expected = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select sql from sqlite_schema")) {
                while (rs.next()) {
                    expected.add(rs.getString(1));
                }
            }
            List<String> ours = new ArrayList<>();
            for (String sql : sqls) {
                Stmt s = Parser.parseFirst(sql).statement();
                ours.add(s instanceof Stmt.CreateTable ? SchemaBuilder.tableSql((Stmt.CreateTable) s, sql)
                        : SchemaBuilder.indexSql((Stmt.CreateIndex) s, sql));
            }
            assertEquals(expected, ours);
        }
    }

    @Test
    void errorsAreSqlites() throws Exception {
        String[][] cases = {
            {"create table t(a, a)", "duplicate column name: a"},
            {"create table t(a, primary key(q))", "no such column: q"},
            {"create table t(a, unique(a+1))", "expressions prohibited in PRIMARY KEY and UNIQUE constraints"},
            {"create table t(a unique on conflict ignore, unique(a) on conflict replace)",
                "conflicting ON CONFLICT clauses specified"},
            {"create table t(a text primary key autoincrement)", "AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY"},
            {"create table t(a integer primary key, b, primary key(b))", "table \"t\" has more than one primary key"},
            {"create table t(a collate foo)", "no such collation sequence: foo"},
        };
        for (String[] c : cases) {
            String expected;
            try (Connection conn = DriverManager.getConnection("jdbc:sqlite::memory:");
                    Statement st = conn.createStatement()) {
                st.execute(c[0]);
                expected = null;
            } catch (java.sql.SQLException e) {
                expected = e.getMessage();
            }
            assertTrue(expected != null && expected.contains("(" + c[1] + ")"), expected);
            Stmt.CreateTable ct = (Stmt.CreateTable) Parser.parseFirst(c[0]).statement();
            SqliteException e = assertThrows(SqliteException.class, () -> SchemaBuilder.table(ct, c[0], c[0], 0));
            assertEquals(c[1], e.getMessage());
        }
    }
}
