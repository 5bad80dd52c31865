package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * {@code UPDATE ... FROM} against SQLite: values from joined tables, subqueries and CTEs in FROM, joins
 * inside FROM, aliases, WHERE terms on both sides, row-value SET, changes(), triggers, RETURNING, rows the
 * join does not match, and SQLite's errors.
 */
class UpdateFromSqlTest {
    static final String DATA = """
        create table inventory(item_id integer primary key, quantity integer, name text);
        create table sales(item_id integer, quantity integer, day text);
        insert into inventory values(1, 100, 'a'), (2, 50, 'b'), (3, 10, 'c'), (4, 0, 'd');
        insert into sales values(1, 5, 'mon'), (1, 7, 'tue'), (2, 1, 'mon'), (3, 3, 'wed');
        """;

    @Test
    void valuesFromJoinedTables() {
        Differential.assertSame(DATA + """
            update inventory set quantity = inventory.quantity - daily.amt
                from (select sum(quantity) as amt, item_id from sales group by 2) as daily
                where inventory.item_id = daily.item_id;
            select changes();
            select * from inventory;
            update inventory as i set name = s.day from sales as s where s.item_id = i.item_id and s.quantity = 3;
            select * from inventory;
            update inventory set (quantity, name) = (s.quantity * 10, s.day || '!') from sales s
                where s.item_id = inventory.item_id and s.day = 'mon' returning item_id, quantity, name;
            with big as (select item_id from sales where quantity > 4)
                update inventory set quantity = -1 from big where big.item_id = inventory.item_id;
            select * from inventory;
            update inventory set quantity = quantity + 1 from sales join inventory as i2 on i2.item_id = sales.item_id
                where sales.item_id = inventory.item_id and sales.day = 'wed';
            select * from inventory;
            update inventory set name = 'x' from sales where 0;
            select changes();
            update inventory set quantity = sales.nosuch from sales;
            update inventory set quantity = 1 from nosuch;
            """);
    }

    @Test
    void triggersAndIndexes() {
        Differential.assertSame(DATA + """
            create index inv_name on inventory(name);
            create table log(x);
            create trigger t after update of quantity on inventory begin
                insert into log values(old.item_id || ':' || old.quantity || '->' || new.quantity); end;
            update inventory set quantity = s.quantity from sales s where s.item_id = inventory.item_id and s.day <> 'tue';
            select * from log;
            select * from inventory where name = 'c';
            update inventory set name = 'n' || s.quantity from (select 2 as item_id, 9 as quantity) s
                where s.item_id = inventory.item_id;
            select * from inventory order by name;
            pragma integrity_check;
            """);
    }

    @Test
    void withoutRowidTarget() {
        Differential.assertSame("""
            create table w(a, b, c, primary key(b desc, a)) without rowid;
            insert into w values (1,1,1),(2,2,2),(3,3,3),(4,1,4);
            create index w_c on w(c);
            create table s(x, y);
            insert into s values (1,10),(3,30),(1,11),(4,40);
            update w set c = s.y from s where s.x = w.a;
            select * from w;
            select changes();
            update w as t set c = c + s.y, b = s.x * 7 from s where s.x = t.a and s.y > 15 returning *;
            select * from w;
            select * from w where c = 60;
            update w set (a, c) = (s.x + 100, s.y) from s where s.x = w.a and s.x = 1;
            select * from w;
            update w set b = 21 from s where s.x = 3 and w.a = 4;
            select * from w;
            create table k(t text collate nocase primary key, v) without rowid;
            insert into k values ('A',1),('b',2);
            update k set v = u.y from (select 'a' as t, 5 as y union all select 'A', 6) as u where u.t = k.t;
            select * from k;
            update k set v = s.y from s where s.x = k.v returning t, v;
            update k set rowid = 1 from s;
            update k set rowid = 1;
            update k set _rowid_ = 1 where t = 5;
            pragma integrity_check;
            """);
    }
}
