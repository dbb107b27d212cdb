using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ketenaanpak.Graph.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AddBarrierPlanPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "InterventionCapacityPerQuarter",
                table: "partners",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BarrierPhase",
                table: "dossier_members",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InterventionCapacityPerQuarter",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "BarrierPhase",
                table: "dossier_members");
        }
    }
}
