START TRANSACTION;
ALTER TABLE "Orders" DROP CONSTRAINT "FK_Orders_Invoices_InvoiceId";

DROP TABLE "Invoices";

DROP INDEX "IX_Orders_InvoiceId";

ALTER TABLE "Orders" DROP COLUMN "InvoiceId";

DELETE FROM "__EFMigrationsHistory"
WHERE "MigrationId" = '20250107094500_AddInvoices';

COMMIT;

