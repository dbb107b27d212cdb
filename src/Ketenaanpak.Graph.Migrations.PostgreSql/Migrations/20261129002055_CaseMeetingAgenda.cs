using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ketenaanpak.Graph.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CaseMeetingAgenda : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AdoptedAt",
                table: "case_meetings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdoptedBy",
                table: "case_meetings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_meeting_agenda_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Reasons = table.Column<int>(type: "integer", nullable: false),
                    SnapshotJson = table.Column<string>(type: "character varying(200000)", maxLength: 200000, nullable: false),
                    SnapshotAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_meeting_agenda_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_meeting_agenda_items_case_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "case_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "case_meeting_participants",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Fixed = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_meeting_participants", x => new { x.MeetingId, x.PartnerId });
                    table.ForeignKey(
                        name: "FK_case_meeting_participants_case_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "case_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_case_meeting_participants_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_meeting_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ActionFor = table.Column<Guid>(type: "uuid", nullable: true),
                    Due = table.Column<DateOnly>(type: "date", nullable: true),
                    ConcernsText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_meeting_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_meeting_decisions_case_meeting_agenda_items_AgendaItem~",
                        column: x => x.AgendaItemId,
                        principalTable: "case_meeting_agenda_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_meetings_ScheduledAt",
                table: "case_meetings",
                column: "ScheduledAt");

            migrationBuilder.CreateIndex(
                name: "IX_case_meeting_agenda_items_DossierId",
                table: "case_meeting_agenda_items",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_case_meeting_agenda_items_MeetingId",
                table: "case_meeting_agenda_items",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_case_meeting_decisions_AgendaItemId",
                table: "case_meeting_decisions",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_case_meeting_participants_PartnerId",
                table: "case_meeting_participants",
                column: "PartnerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_meeting_decisions");

            migrationBuilder.DropTable(
                name: "case_meeting_participants");

            migrationBuilder.DropTable(
                name: "case_meeting_agenda_items");

            migrationBuilder.DropIndex(
                name: "IX_case_meetings_ScheduledAt",
                table: "case_meetings");

            migrationBuilder.DropColumn(
                name: "AdoptedAt",
                table: "case_meetings");

            migrationBuilder.DropColumn(
                name: "AdoptedBy",
                table: "case_meetings");
        }
    }
}
