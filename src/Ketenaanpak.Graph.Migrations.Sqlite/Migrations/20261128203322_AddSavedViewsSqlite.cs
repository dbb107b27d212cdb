using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ketenaanpak.Graph.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddSavedViewsSqlite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "saved_views",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OwnerUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StateJson = table.Column<string>(type: "TEXT", maxLength: 400000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_saved_views", x => x.Id);
                    table.ForeignKey(
                        name: "FK_saved_views_dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_saved_views_DossierId",
                table: "saved_views",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_saved_views_OwnerUserId",
                table: "saved_views",
                column: "OwnerUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "saved_views");
        }
    }
}
