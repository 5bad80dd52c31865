CREATE TABLE t(i INTEGER, r REAL, s TEXT, b BLOB, n);
INSERT INTO t VALUES(1, 2.5, 'plain', x'00ff10', NULL);
INSERT INTO t VALUES(-7, 3.0, 'a "q" and ''s''', x'', NULL);
INSERT INTO t VALUES(42, -1.25, 'comma,here', x'616263', NULL);
INSERT INTO t VALUES(0, 0.5, '', x'41', NULL);
.mode csv
SELECT i, r, s, n FROM t;
.headers on
SELECT i, r, s, n, 'sp ace' AS "col name" FROM t;
.mode quote
SELECT * FROM t;
.headers off
SELECT * FROM t;
.mode json
SELECT * FROM t;
SELECT 'a\b' AS "k""q", 'tab	nl
end' AS v;
SELECT 1 WHERE 0;
.mode line
SELECT i, s AS longer_name, n FROM t;
SELECT 1 AS x;
.mode tabs
SELECT i, s FROM t;
.mode insert
SELECT i, r, s, b, n FROM t;
.headers on
SELECT i AS "select", s AS ok_name FROM t;
.mode insert target
SELECT 1 AS a;
.mode list
.mode
SELECT i FROM t LIMIT 1;
.mode tabs
.mode
SELECT 1, 2;
.separator ,
.mode
SELECT 1, 2;
.mode table --wrap 10
.mode
SELECT 'abcdefghijklmnopqrstuvwxyz' AS x;
.mode column --wrap 5
SELECT 'abcdefghijklmnopqrstuvwxyz' AS x;
.mode box
SELECT 'abcdefghijklmnopqrstuvwxyz' AS x;
.mode
.mode insert foo
.mode
SELECT 1 AS a;
