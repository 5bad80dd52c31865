CREATE TABLE t1(a INTEGER PRIMARY KEY, b TEXT UNIQUE);
CREATE TABLE "Quoted Table"(x);
CREATE INDEX t1b ON t1(b);
CREATE VIEW v1 AS SELECT a, b AS "b 2", 1 FROM t1;
CREATE TABLE zeta(q) ;
CREATE TABLE auto(id INTEGER PRIMARY KEY AUTOINCREMENT, v);
INSERT INTO auto(v) VALUES(1);
CREATE TRIGGER tr1 AFTER INSERT ON t1 BEGIN
  INSERT INTO zeta VALUES(new.a);
  UPDATE zeta SET q = q + 1;
END;
CREATE TABLE withcomment(a -- trailing comment
);
.tables
.tables t%
.tables nomatch
.schema
.schema t1
.schema V%
.schema *eta
INSERT INTO t1 VALUES(1, 'x');
SELECT * FROM zeta;
.schema %sequence
