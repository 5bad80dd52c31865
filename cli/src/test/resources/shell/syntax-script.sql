SELECT 1; selec 2; SELECT 3;
SELECT 4;
CREATE TABLE t(a, b);
INSERT INTO t VALUES(1, 2);
SELECT a FROM t; SELECT b FROM t WHERE;
SELECT 'x' # 5;
SELECT 6,
  7
  8;
SELECT 'é', 'ü', 9 10;
SELECT 'ééééééééééééééééééééééééééééééééééééééééééééé' AS long_non_ascii_column, 11 12;
SELECT * FROM t WHERE a = 1 AND b = 2 AND a + b = 3 AND b - a = 1 AND nosuch syntax;
SELECT x'1';
SELECT 12abc;
SELECT [abc;
SELECT * FROM t NATURAL FOO JOIN t;
CREATE TABLE u(a) FOO;
SELECT 13 FROM;
	SELECT	14 FROM	t	t2	t3;
SELECT 15;
SELECT 'abc
