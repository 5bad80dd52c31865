SELECT 1;
selec 2;
SELECT 3 FROM;
SELECT 'a somewhat longer statement so that the error is further right', 42 +;
SELECT 'an even longer statement that pushes the error offset beyond fifty characters' AS x, 1 2;
SELECT
  1,
  2 3;
SELECT 4;
