-- DbUp (dbup-postgresql): the journal table "schemaversions".
-- DDL: src/dbup-postgresql/PostgresqlTableJournal.cs CreateSchemaTableSql() in DbUp/DbUp at
--      commit b575703 (tags 5.0.37 to 5.0.87; the provider moved to DbUp/dbup-postgresql in
--      6.0); the name is quoted by src/dbup-core/Support/TableJournal.cs (FqSchemaTableName,
--      primary key "PK_<table>_Id") and defaults to "schemaversions" (PostgresqlExtensions.cs).
-- Rows: PostgresqlTableJournal.GetInsertJournalEntrySql(): (ScriptName, Applied) with Applied =
--      DateTime.Now. Scripts embedded in an assembly are journaled by resource name
--      ("<RootNamespace>.<Folder>.<File>"). DbUp keeps no failure marker: a failed script is
--      not journaled.
CREATE TABLE "schemaversions"
(
    schemaversionsid serial NOT NULL,
    scriptname character varying(255) NOT NULL,
    applied timestamp without time zone NOT NULL,
    CONSTRAINT "PK_schemaversions_Id" PRIMARY KEY (schemaversionsid)
);

-- @scenario success
insert into "schemaversions" (ScriptName, Applied) values ('Billing.Migrations.Scripts.Script0001 - Create tables.sql', '2024-01-05 09:30:19.450');
insert into "schemaversions" (ScriptName, Applied) values ('Billing.Migrations.Scripts.Script0002 - Add tenants.sql', '2024-02-12 14:15:10.021');
insert into "schemaversions" (ScriptName, Applied) values ('Billing.Migrations.Scripts.Script0003 - Add audit log.sql', '2024-03-18 08:00:49.377');
