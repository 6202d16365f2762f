CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    action text NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);
