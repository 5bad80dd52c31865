CREATE TABLE u(a TEXT, b INTEGER);
INSERT INTO u VALUES('héllo wörld', 1), ('ñandú', 22), ('x', 333);
.mode column
SELECT * FROM u;
.mode box
SELECT * FROM u;
.mode list
.separator "\t" "\n--\n"
SELECT * FROM u;
.separator | "\n"
.print "tab\there" 'single\tquoted' "octal\101"
SELECT 'go terminator'
go
SELECT 'slash terminator'
/
SELECT 'mixed case' AS "MiXeD";
SELECT 'string with ; semicolon', "b" FROM u WHERE a = 'x';
SELECT 'string spanning
two lines; with semicolon';
SELECT [bracket id] FROM (SELECT 1 AS [bracket id]);
SELECT `backtick` FROM (SELECT 2 AS `backtick`);
SELECT 'unterminated /* not a comment';
SELECT 1 /* comment
spanning ; lines */ + 1;
.h on
SELECT 'abbrev' AS x;
.hea off
.mo csv
SELECT 'abbreviated mode', 2;
.mode line
SELECT 'a' AS c1, 'bb' AS c2 UNION ALL SELECT 'c', 'dd';
.mode list
SELECT x'e282ac';
SELECT 1
