.bail on
SELECT 1;
SELECT * FROM nosuch;
SELECT 2;
