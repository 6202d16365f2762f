CREATE TABLE IF NOT EXISTS tenants (
    id bigserial PRIMARY KEY,
    name text NOT NULL
);
ALTER TABLE users ADD COLUMN tenant_id bigint REFERENCES tenants (id);
