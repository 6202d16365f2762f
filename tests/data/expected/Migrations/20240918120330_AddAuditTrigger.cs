using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Acme.Orders.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddAuditTrigger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
CREATE OR REPLACE FUNCTION log_order_change() RETURNS trigger AS $$
BEGIN
    INSERT INTO audit_log (table_name, row_id) VALUES (TG_TABLE_NAME, NEW.""Id""::text);
    RETURN NEW;
END
$$ LANGUAGE plpgsql;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS log_order_change();");
        }
    }
}
