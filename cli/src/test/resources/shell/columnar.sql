CREATE TABLE t(a INTEGER, b TEXT, c);
INSERT INTO t VALUES(1, 'short', NULL), (22, 'a somewhat longer value', 3.5), (333, '', 'x');
.mode column
SELECT * FROM t;
.headers off
SELECT * FROM t;
.headers on
SELECT a AS "a very long column name", b FROM t;
SELECT printf('%.*c', 70, 'w') AS wide, 1 AS one;
SELECT 'line one
line two' AS multi, 'z' AS other UNION ALL SELECT 'single', 'y';
.mode table
SELECT * FROM t;
SELECT 'two
lines' AS m, 1 AS n UNION ALL SELECT 'x', 2;
.mode box
SELECT * FROM t;
.nullvalue NULL
SELECT * FROM t;
.mode markdown
SELECT * FROM t;
.mode column
SELECT 1 WHERE 0;
SELECT 'tab	x' AS t;
