SELECT 'in included';
.mode csv
SELECT 1, 'x y';
