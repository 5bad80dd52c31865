SELECT 'before';
.read @DIR@/included.sql
SELECT 'after';
.read @DIR@/missing.sql
SELECT 'end';
.quit
SELECT 'not reached';
