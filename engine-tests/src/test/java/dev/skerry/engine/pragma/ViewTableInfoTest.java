package dev.skerry.engine.pragma;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * {@code PRAGMA table_info}/{@code table_xinfo} and {@code pragma_table_info} of compound views and of views
 * with scalar-subquery columns: names from the leftmost arm (or the view's column list), types as SQLite's
 * {@code sqlite3SubqueryColTypeAffinity} gives them. Against SQLite.
 */
class ViewTableInfoTest {
    @Test
    void compoundViews() {
        Differential.assertSame("""
            create table t(a integer, b text, c real, d, e numeric, f varchar(10));
            create view v1 as select a from t union select b from t;
            pragma table_info(v1);
            create view v3 as select a + 1, b x from t except select 1, 2;
            pragma table_info(v3);
            pragma table_xinfo(v3);
            select * from pragma_table_info('v1');
            create view v4(p, q) as select a, b from t union all select 1, 'x';
            pragma table_info(v4);
            create view v5 as select a from t union select 1.5 order by 1;
            pragma table_info(v5);
            create view v6 as select 1 union select 'a';
            pragma table_info(v6);
            create view v8 as select null, 1, 'x', x'00' union all select a, b, c, d from t
                union all select e, f, 2, 'y' from t;
            pragma table_info(v8);
            create view v9 as select cast(a as integer), cast(b as real), cast(c as text) from t
                intersect select a, b, c from t;
            pragma table_info(v9);
            create view v10 as select * from t union select * from t;
            pragma table_info(v10);
            create view v11 as select b, c from t union all select a || 'x', abs(c) from t
                union all select upper(f), null from t;
            pragma table_info(v11);
            create view v12 as values(1, 'a'), (2, 'b') union select a, b from t;
            pragma table_info(v12);
            create view v13 as select a, b from t union select case when a then 1 else 'x' end, x'01' from t;
            pragma table_info(v13);
            create view v14 as select b collate nocase as b, e from t union select 1 collate binary, (select b from t);
            create view v19 as select (select a from t) as s, (select b from t where t.a = 1) from t union select 1, 2;
            pragma table_info(v14);
            pragma table_info(v19);
            create view v15 as select f from t union select 3 union select 'z';
            pragma table_info(v15);
            create view v16 as select e, c from t union select current_time, -c from t;
            pragma table_info(v16);
            create view v17 as with w as (select a, b from t) select a from w union select b from w;
            pragma table_info(v17);
            create view v18 as select 1 as n union all select 2 union all select 3;
            pragma table_info(v18);
            """);
    }

    @Test
    void viewsWithSubqueryColumns() {
        Differential.assertSame("""
            create table t(a integer, b text, c);
            create view v2 as select (select max(a) from t) as m, a from t;
            pragma table_info(v2);
            create view v7 as select (select b from t) c, (select a from t) d, (select c from t) e;
            pragma table_info(v7);
            create view v8 as select (select 1) x, (select 'y') y, exists (select 1) z, a in (select a from t) w;
            pragma table_info(v8);
            select name, type from pragma_table_info('v7');
            create table u(x integer primary key, y numeric);
            create view v9 as select (select x from u) p, (select rowid from u) q, (select (select y from u)) r,
                (select y + 1 from u) s, (select cast(y as text) from u) w, (select x from u as uu where uu.y > 0) z;
            pragma table_info(v9);
            """);
    }
}
