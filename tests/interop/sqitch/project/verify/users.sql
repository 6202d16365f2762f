-- Verify interop:users on pg

SELECT id, name FROM users WHERE false;
