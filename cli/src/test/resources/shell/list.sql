-- list mode, headers, separators, null text, statement splitting
CREATE TABLE t1(a INTEGER, b TEXT, c REAL, d BLOB);
INSERT INTO t1 VALUES(1, 'one', 1.5, x'41'), (2, NULL, -0.25, NULL);
INSERT INTO t1 VALUES(3, 'it''s', 1e10, x'410042');
SELECT * FROM t1;
.headers on
SELECT a, b AS "the b" FROM t1 ORDER BY a DESC;
SELECT 1 WHERE 0;
.nullvalue (null)
SELECT * FROM t1 WHERE b IS NULL;
.separator , ;
SELECT a, b FROM t1;
.separator |
.headers off
.print after "separator reset" 'two words'
SELECT 1; SELECT 2;   SELECT 3
;
SELECT
  a
FROM t1 -- a comment; with a semicolon
WHERE a = 2;
;
   ;
/* block
comment */ SELECT 'x';
# a hash comment line
SELECT 'tab	inside', 'new
line';
SELECT 9223372036854775807, -9223372036854775808, 0.1, 100.0, 1e100, 2.5e-5;
SELECT 'no semicolon at end'
