CREATE TABLE IF NOT EXISTS audit_log (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    action text NOT NULL
);
