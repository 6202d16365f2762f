-- Verify interop:posts on pg

SELECT id, user_id, body FROM posts WHERE false;
