SELECT 1;
SELECT 'crlf';
