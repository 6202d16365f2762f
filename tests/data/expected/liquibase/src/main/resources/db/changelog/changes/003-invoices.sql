--liquibase formatted sql

--changeset carol:invoices-1
CREATE TABLE invoices (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));
--rollback DROP TABLE invoices;

--changeset "Carol Jones":invoices-2 runOnChange:true
-- a comment line, not a changeset: --changeset inside text does not start one
CREATE INDEX ix_invoices_order ON invoices (order_id);

--changeset carol:invoices-3 dbms:mssql
CREATE NONCLUSTERED INDEX ix_x ON invoices (id);
