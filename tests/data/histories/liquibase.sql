-- Liquibase 4: databasechangeloglock and databasechangelog as Liquibase creates them on
-- PostgreSQL (unquoted upper-case names, LEGACY quoting, so they fold to lower case).
-- DDL: liquibase-standard/src/main/java/liquibase/sqlgenerator/core/
--      CreateDatabaseChangeLogLockTableGenerator.java and CreateDatabaseChangeLogTableGenerator.java
--      getCreateTableStatement(), tag v4.33.0 (VARCHAR, "datetime" = TIMESTAMP WITHOUT TIME ZONE
--      on PostgreSQL; the lock table's primary key is named DATABASECHANGELOGLOCK_PKEY as
--      `liquibase update-sql` prints it for PostgreSQL).
-- Lock rows: .../sqlgenerator/core/InitializeDatabaseChangeLogLockTableGenerator.java (DELETE,
--      then ID 1 unlocked), LockDatabaseChangeLogGenerator.java / UnlockDatabaseChangeLogGenerator.java.
-- Changelog rows: .../sqlgenerator/core/MarkChangeSetRanGenerator.java, same tag: ID, AUTHOR,
--      FILENAME (the changelog path as given, without classpath:), DATEEXECUTED = NOW(),
--      ORDEREXECUTED, MD5SUM "9:<md5>", DESCRIPTION, COMMENTS '', EXECTYPE, LIQUIBASE version,
--      DEPLOYMENT_ID (ten digits, one per `liquibase update`).
-- The changelog: db/changelog/db.changelog-master.yaml with change sets create-person,
-- add-email, create-orders by alice.
CREATE TABLE public.databasechangeloglock (ID INTEGER NOT NULL, LOCKED BOOLEAN NOT NULL, LOCKGRANTED TIMESTAMP WITHOUT TIME ZONE, LOCKEDBY VARCHAR(255), CONSTRAINT DATABASECHANGELOGLOCK_PKEY PRIMARY KEY (ID));
DELETE FROM public.databasechangeloglock;
INSERT INTO public.databasechangeloglock (ID, LOCKED) VALUES (1, FALSE);
CREATE TABLE public.databasechangelog (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED TIMESTAMP WITHOUT TIME ZONE NOT NULL, ORDEREXECUTED INTEGER NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35), DESCRIPTION VARCHAR(255), COMMENTS VARCHAR(255), TAG VARCHAR(255), LIQUIBASE VARCHAR(20), CONTEXTS VARCHAR(255), LABELS VARCHAR(255), DEPLOYMENT_ID VARCHAR(10));

-- @scenario success
INSERT INTO public.databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('create-person', 'alice', 'db/changelog/db.changelog-master.yaml', '2024-01-05 09:30:14.021', 1, '9:6f4c8bcf0e1a2d5b7c39e0f1a2b3c4d5', 'createTable tableName=person', '', 'EXECUTED', NULL, NULL, '4.33.0', '4447014021');
INSERT INTO public.databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('add-email', 'alice', 'db/changelog/db.changelog-master.yaml', '2024-02-12 14:15:05.338', 2, '9:0b1e9a7d3c5f2e4a6b8d0c1e3f5a7b9d', 'addColumn tableName=person', '', 'EXECUTED', NULL, NULL, '4.33.0', '7747305338');
INSERT INTO public.databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('create-orders', 'alice', 'db/changelog/db.changelog-master.yaml', '2024-03-18 08:00:44.870', 3, '9:c2d4e6f8a0b1c3d5e7f9a1b3c5d7e9f0', 'createTable tableName=orders; addForeignKeyConstraint baseTableName=orders, constraintName=fk_orders_person, referencedTableName=person', '', 'EXECUTED', NULL, NULL, '4.33.0', '0751644870');

-- @scenario failed
-- EXECTYPE FAILED, as the reference page and issue 15 describe it. Liquibase OSS itself never
-- writes it: MarkChangeSetRanGenerator.generateSql() returns no SQL for FAILED and SKIPPED (tags
-- liquibase-parent-3.0.0 to v4.33.0), so a failed change set normally leaves no row at all (see
-- the killed scenario). A FAILED row comes from other writers of the table (Liquibase Pro
-- flows, hand repairs); the check must still read it as failed.
INSERT INTO public.databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('create-person', 'alice', 'db/changelog/db.changelog-master.yaml', '2024-01-05 09:30:14.021', 1, '9:6f4c8bcf0e1a2d5b7c39e0f1a2b3c4d5', 'createTable tableName=person', '', 'EXECUTED', NULL, NULL, '4.33.0', '4447014021');
INSERT INTO public.databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('add-email', 'alice', 'db/changelog/db.changelog-master.yaml', '2024-02-12 14:15:05.338', 2, '9:0b1e9a7d3c5f2e4a6b8d0c1e3f5a7b9d', 'addColumn tableName=person', '', 'EXECUTED', NULL, NULL, '4.33.0', '7747305338');
INSERT INTO public.databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('create-orders', 'alice', 'db/changelog/db.changelog-master.yaml', '2024-03-18 08:00:44.870', 3, '9:c2d4e6f8a0b1c3d5e7f9a1b3c5d7e9f0', 'createTable tableName=orders; addForeignKeyConstraint baseTableName=orders, constraintName=fk_orders_person, referencedTableName=person', '', 'FAILED', NULL, NULL, '4.33.0', '0751644870');

-- @scenario killed
-- `liquibase update` was killed (OOM, pod evicted) while running create-orders: the change set
-- left no row and the lock row stays taken, with no expiry, until `liquibase release-locks`
-- (LockDatabaseChangeLogGenerator.java: LOCKED = TRUE, LOCKGRANTED, LOCKEDBY "<host> (<address>)").
UPDATE public.databasechangeloglock SET LOCKED = TRUE, LOCKEDBY = 'deploy-7f9c4d-x2lkq (10.42.3.17)', LOCKGRANTED = '2024-03-18 08:00:43.112' WHERE ID = 1 AND LOCKED = FALSE;
INSERT INTO public.databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('create-person', 'alice', 'db/changelog/db.changelog-master.yaml', '2024-01-05 09:30:14.021', 1, '9:6f4c8bcf0e1a2d5b7c39e0f1a2b3c4d5', 'createTable tableName=person', '', 'EXECUTED', NULL, NULL, '4.33.0', '4447014021');
INSERT INTO public.databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('add-email', 'alice', 'db/changelog/db.changelog-master.yaml', '2024-02-12 14:15:05.338', 2, '9:0b1e9a7d3c5f2e4a6b8d0c1e3f5a7b9d', 'addColumn tableName=person', '', 'EXECUTED', NULL, NULL, '4.33.0', '7747305338');

-- @scenario mark-ran
-- add-email's precondition failed with onFail="MARK_RAN" and create-orders is runOnChange and
-- ran again after an edit (RERAN): both count as applied, three in all.
INSERT INTO public.databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('create-person', 'alice', 'db/changelog/db.changelog-master.yaml', '2024-01-05 09:30:14.021', 1, '9:6f4c8bcf0e1a2d5b7c39e0f1a2b3c4d5', 'createTable tableName=person', '', 'EXECUTED', NULL, NULL, '4.33.0', '4447014021');
INSERT INTO public.databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('add-email', 'alice', 'db/changelog/db.changelog-master.yaml', '2024-02-12 14:15:05.338', 2, '9:0b1e9a7d3c5f2e4a6b8d0c1e3f5a7b9d', 'addColumn tableName=person', '', 'MARK_RAN', NULL, NULL, '4.33.0', '7747305338');
INSERT INTO public.databasechangelog (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, MD5SUM, DESCRIPTION, COMMENTS, EXECTYPE, CONTEXTS, LABELS, LIQUIBASE, DEPLOYMENT_ID) VALUES ('create-orders', 'alice', 'db/changelog/db.changelog-master.yaml', '2024-04-02 11:12:09.416', 4, '9:d3e5f7a9b1c2d4e6f8a0b2c4d6e8f0a1', 'createTable tableName=orders; addForeignKeyConstraint baseTableName=orders, constraintName=fk_orders_person, referencedTableName=person', '', 'RERAN', NULL, NULL, '4.33.0', '2055929416');
