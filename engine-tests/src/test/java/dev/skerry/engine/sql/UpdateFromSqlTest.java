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
}
