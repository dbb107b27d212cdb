using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ketenaanpak.Graph.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddSignalIntakeSqlite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReporterUserId",
                table: "signals",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "signal_drafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signal_drafts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_signal_drafts_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_signals_ReporterUserId",
                table: "signals",
                column: "ReporterUserId");

            migrationBuilder.CreateIndex(
                name: "IX_signal_drafts_OwnerUserId",
                table: "signal_drafts",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_signal_drafts_PartnerId",
                table: "signal_drafts",
                column: "PartnerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "signal_drafts");

            migrationBuilder.DropIndex(
                name: "IX_signals_ReporterUserId",
                table: "signals");

            migrationBuilder.DropColumn(
                name: "ReporterUserId",
                table: "signals");
        }
    }
}
