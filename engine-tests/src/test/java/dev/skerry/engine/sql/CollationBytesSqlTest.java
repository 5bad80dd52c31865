package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Text order under BINARY, NOCASE and RTRIM on tricky strings, against SQLite: non-ASCII letters (which
 * NOCASE does not fold), characters above U+FFFF and in U+E000…U+FFFF (UTF-8 order is not UTF-16 order),
 * embedded NULs (NOCASE stops comparing at a NUL, as {@code sqlite3StrNICmp}), trailing spaces (RTRIM), empty
 * strings, and text among numbers and blobs. Exercised where Skerry compares record bytes (sorters, index
 * b-trees built by CREATE INDEX and by inserts, index seeks) and where it compares values (=, <, min/max).
 */
class CollationBytesSqlTest {
    private static final String FILL = """
        create table w(id integer primary key, s);
        insert into w(s) values ('a'), ('A'), ('a '), ('a  '), ('A '), ('ab'), ('aB'), ('Ab'), (''), (' '), ('  '),
            ('b'), ('B'), ('z'), ('Z'), ('_'), ('`'), ('['), ('é'), ('É'), ('e'), ('E'), ('ß'), ('ẞ'), ('Ω'), ('ω'),
            (char(57344)), (char(65535)), (char(128512)), (char(128512) || 'a'), (char(65533)), ('a' || char(57344)),
            ('a' || char(0) || 'x'), ('a' || char(0) || 'y'), ('A' || char(0) || 'Y'), ('A' || char(0) || 'yz'),
            ('a' || char(0)), (char(0)), (char(0) || 'b'), ('é '), ('É  '), (1), (2.5), (-3), (x'00'), (x'61'), (null),
            ('abc'), ('ABC'), ('abc '), ('abC' || char(0) || 'é'), ('ABC' || char(0) || 'e');
        insert into w(s) select s from w where id % 3 = 0;
        """;

    @Test
    void orderByEachCollation() {
        Differential.assertSame(FILL + """
            select id, hex(s) from w order by s, id;
            select id, hex(s) from w order by s collate nocase, id;
            select id, hex(s) from w order by s collate rtrim, id;
            select id, hex(s) from w order by s collate nocase desc, id desc;
            select id, hex(s) from w order by s collate rtrim desc, id;
            select count(*), min(id), max(id) from w group by s collate nocase order by min(id);
            select count(*), min(id) from w group by s collate rtrim order by min(id);
            select count(distinct s) from w;
            """);
    }

    @Test
    void indexesInEachCollation() {
        Differential.assertSame(FILL + """
            create index wb on w(s);
            create index wn on w(s collate nocase, id);
            create index wr on w(s collate rtrim desc);
            select id, hex(s) from w indexed by wb order by s, id;
            select id, hex(s) from w indexed by wn order by s collate nocase, id;
            select id, hex(s) from w indexed by wr order by s collate rtrim desc, id;
            select id from w indexed by wn where s = 'A' collate nocase order by id;
            select id from w indexed by wn where s = 'a' || char(0) || 'q' collate nocase order by id;
            select id from w indexed by wn where s = 'abc' || char(0) || 'x' collate nocase order by id;
            select id from w indexed by wr where s = 'a' collate rtrim order by id;
            select id from w indexed by wb where s > 'a' and s < 'b' order by s, id;
            select id from w indexed by wn where s >= 'é' collate nocase order by s collate nocase, id;
            insert into w(s) select upper(s) || ' ' from w where typeof(s) = 'text' and id % 2 = 0 order by id;
            select id, hex(s) from w indexed by wn order by s collate nocase, id;
            select id, hex(s) from w indexed by wr order by s collate rtrim desc, id;
            """);
    }

    @Test
    void valueComparisonsAgreeWithByteOrder() {
        Differential.assertSame(FILL + """
            select a.id, b.id from w a, w b where a.s = b.s collate nocase and a.id < b.id order by 1, 2;
            select a.id, b.id from w a, w b where a.s < b.s collate nocase and typeof(a.s) = 'text'
                and typeof(b.s) = 'text' and a.id % 5 = 0 and b.id % 7 = 0 order by 1, 2;
            select a.id, b.id from w a, w b where a.s = b.s collate rtrim and a.id < b.id order by 1, 2;
            select hex(min(s)), hex(max(s)) from w where typeof(s) = 'text';
            select hex(min(s collate nocase)), hex(max(s collate nocase)) from w where typeof(s) = 'text';
            """);
    }
}
