using Microsoft.EntityFrameworkCore.Migrations;

namespace Acme.Orders.Data.Migrations;

// Helpers shared by hand-written migration code; not a migration itself.
internal static class MigrationBuilderExtensions
{
    public static void DropFunctionIfExists(this MigrationBuilder migrationBuilder, string name)
        => migrationBuilder.Sql($"DROP FUNCTION IF EXISTS {name}();");
}
