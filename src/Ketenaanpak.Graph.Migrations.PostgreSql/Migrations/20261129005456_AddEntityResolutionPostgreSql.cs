using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ketenaanpak.Graph.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AddEntityResolutionPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "resolution_candidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NodeA = table.Column<Guid>(type: "uuid", nullable: false),
                    NodeB = table.Column<Guid>(type: "uuid", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FoundAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resolution_candidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_resolution_candidates_nodes_NodeA",
                        column: x => x.NodeA,
                        principalTable: "nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_resolution_candidates_nodes_NodeB",
                        column: x => x.NodeB,
                        principalTable: "nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "resolution_judgements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NodeA = table.Column<Guid>(type: "uuid", nullable: false),
                    NodeB = table.Column<Guid>(type: "uuid", nullable: false),
                    Verdict = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    JudgedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    JudgedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    JudgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resolution_judgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_resolution_judgements_nodes_NodeA",
                        column: x => x.NodeA,
                        principalTable: "nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_resolution_judgements_nodes_NodeB",
                        column: x => x.NodeB,
                        principalTable: "nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_resolution_candidates_NodeA_NodeB",
                table: "resolution_candidates",
                columns: new[] { "NodeA", "NodeB" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_resolution_candidates_NodeB",
                table: "resolution_candidates",
                column: "NodeB");

            migrationBuilder.CreateIndex(
                name: "IX_resolution_candidates_Status_Score",
                table: "resolution_candidates",
                columns: new[] { "Status", "Score" });

            migrationBuilder.CreateIndex(
                name: "IX_resolution_judgements_NodeA_NodeB",
                table: "resolution_judgements",
                columns: new[] { "NodeA", "NodeB" });

            migrationBuilder.CreateIndex(
                name: "IX_resolution_judgements_NodeB",
                table: "resolution_judgements",
                column: "NodeB");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "resolution_candidates");

            migrationBuilder.DropTable(
                name: "resolution_judgements");
        }
    }
}
