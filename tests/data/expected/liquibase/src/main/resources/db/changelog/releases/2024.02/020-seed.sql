-- liquibase formatted sql

-- changeset erin:seed-1
INSERT INTO accounts (email) VALUES ('admin@example.com');
