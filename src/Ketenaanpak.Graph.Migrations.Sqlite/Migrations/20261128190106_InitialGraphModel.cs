using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ketenaanpak.Graph.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialGraphModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "case_meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ScheduledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Chair = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Held = table.Column<bool>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "nodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Caption = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ExactKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    MergedInto = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    prov_handling_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    prov_legal_basis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    prov_observed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    prov_recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    prov_retain_until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    prov_partner = table.Column<Guid>(type: "TEXT", nullable: false),
                    prov_reference = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    prov_signal = table.Column<Guid>(type: "TEXT", nullable: true),
                    prov_source_reliability = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    prov_information_validity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_nodes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "partners",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsCovenant = table.Column<bool>(type: "INTEGER", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    ContactPerson = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReportingPoint = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partners", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "signals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ReporterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ObservedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MunicipalityCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Form = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LegalQualification = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Feedback = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    prov_handling_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    prov_legal_basis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    prov_observed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    prov_recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    prov_retain_until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    prov_partner = table.Column<Guid>(type: "TEXT", nullable: false),
                    prov_reference = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    prov_signal = table.Column<Guid>(type: "TEXT", nullable: true),
                    prov_source_reliability = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    prov_information_validity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "node_statistics",
                columns: table => new
                {
                    NodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Degree = table.Column<int>(type: "INTEGER", nullable: false),
                    SignalCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DossierCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_node_statistics", x => x.NodeId);
                    table.ForeignKey(
                        name: "FK_node_statistics_nodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "relations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TargetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Weight = table.Column<double>(type: "REAL", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    prov_handling_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    prov_legal_basis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    prov_observed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    prov_recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    prov_retain_until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    prov_partner = table.Column<Guid>(type: "TEXT", nullable: false),
                    prov_reference = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    prov_signal = table.Column<Guid>(type: "TEXT", nullable: true),
                    prov_source_reliability = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    prov_information_validity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_relations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_relations_nodes_SourceId",
                        column: x => x.SourceId,
                        principalTable: "nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_relations_nodes_TargetId",
                        column: x => x.TargetId,
                        principalTable: "nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "statements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Property = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    prov_handling_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    prov_legal_basis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    prov_observed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    prov_recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    prov_retain_until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    prov_partner = table.Column<Guid>(type: "TEXT", nullable: false),
                    prov_reference = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    prov_signal = table.Column<Guid>(type: "TEXT", nullable: true),
                    prov_source_reliability = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    prov_information_validity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_statements_nodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsDemoUser = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dossiers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LeadMunicipalityCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CoordinatorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OwnerPartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RetainUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossiers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dossiers_partners_OwnerPartnerId",
                        column: x => x.OwnerPartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "signal_indicators",
                columns: table => new
                {
                    SignalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signal_indicators", x => new { x.SignalId, x.Code });
                    table.ForeignKey(
                        name: "FK_signal_indicators_signals_SignalId",
                        column: x => x.SignalId,
                        principalTable: "signals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "signal_mentions",
                columns: table => new
                {
                    SignalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signal_mentions", x => new { x.SignalId, x.NodeId });
                    table.ForeignKey(
                        name: "FK_signal_mentions_nodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_signal_mentions_signals_SignalId",
                        column: x => x.SignalId,
                        principalTable: "signals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dossier_members",
                columns: table => new
                {
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NodeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PerpetratorRole = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Awareness = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    prov_handling_code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    prov_legal_basis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    prov_observed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    prov_recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    prov_retain_until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    prov_partner = table.Column<Guid>(type: "TEXT", nullable: false),
                    prov_reference = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    prov_signal = table.Column<Guid>(type: "TEXT", nullable: true),
                    prov_source_reliability = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    prov_information_validity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_members", x => new { x.DossierId, x.NodeId, x.Role });
                    table.ForeignKey(
                        name: "FK_dossier_members_dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_dossier_members_nodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dossier_shares",
                columns: table => new
                {
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_shares", x => new { x.DossierId, x.PartnerId });
                    table.ForeignKey(
                        name: "FK_dossier_shares_dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_dossier_shares_partners_PartnerId",
                        column: x => x.PartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dossier_signals",
                columns: table => new
                {
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignalId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_signals", x => new { x.DossierId, x.SignalId });
                    table.ForeignKey(
                        name: "FK_dossier_signals_dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_dossier_signals_signals_SignalId",
                        column: x => x.SignalId,
                        principalTable: "signals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dossier_stage_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_stage_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dossier_stage_changes_dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "interventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DossierId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    BarrierPhaseCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AssignedPartnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_interventions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_interventions_dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_interventions_partners_AssignedPartnerId",
                        column: x => x.AssignedPartnerId,
                        principalTable: "partners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "intervention_targets",
                columns: table => new
                {
                    InterventionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NodeId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intervention_targets", x => new { x.InterventionId, x.NodeId });
                    table.ForeignKey(
                        name: "FK_intervention_targets_interventions_InterventionId",
                        column: x => x.InterventionId,
                        principalTable: "interventions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_intervention_targets_nodes_NodeId",
                        column: x => x.NodeId,
                        principalTable: "nodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PartnerId",
                table: "AspNetUsers",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_ActorId",
                table: "audit_log",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_At",
                table: "audit_log",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_SubjectType_SubjectId",
                table: "audit_log",
                columns: new[] { "SubjectType", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_dossier_members_NodeId",
                table: "dossier_members",
                column: "NodeId");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_shares_PartnerId",
                table: "dossier_shares",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_signals_SignalId",
                table: "dossier_signals",
                column: "SignalId");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_stage_changes_DossierId",
                table: "dossier_stage_changes",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_Number",
                table: "dossiers",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_OwnerPartnerId",
                table: "dossiers",
                column: "OwnerPartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_intervention_targets_NodeId",
                table: "intervention_targets",
                column: "NodeId");

            migrationBuilder.CreateIndex(
                name: "IX_interventions_AssignedPartnerId",
                table: "interventions",
                column: "AssignedPartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_interventions_DossierId",
                table: "interventions",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_nodes_Caption",
                table: "nodes",
                column: "Caption");

            migrationBuilder.CreateIndex(
                name: "IX_nodes_Kind_ExactKey",
                table: "nodes",
                columns: new[] { "Kind", "ExactKey" },
                unique: true,
                filter: "\"ExactKey\" IS NOT NULL AND \"MergedInto\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_partners_Code",
                table: "partners",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_relations_SourceId",
                table: "relations",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_relations_TargetId",
                table: "relations",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_signal_indicators_Code",
                table: "signal_indicators",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_signal_mentions_NodeId",
                table: "signal_mentions",
                column: "NodeId");

            migrationBuilder.CreateIndex(
                name: "IX_signals_Number",
                table: "signals",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_signals_ObservedOn",
                table: "signals",
                column: "ObservedOn");

            migrationBuilder.CreateIndex(
                name: "IX_statements_NodeId",
                table: "statements",
                column: "NodeId");

            migrationBuilder.CreateIndex(
                name: "IX_statements_Property_Value",
                table: "statements",
                columns: new[] { "Property", "Value" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "case_meetings");

            migrationBuilder.DropTable(
                name: "dossier_members");

            migrationBuilder.DropTable(
                name: "dossier_shares");

            migrationBuilder.DropTable(
                name: "dossier_signals");

            migrationBuilder.DropTable(
                name: "dossier_stage_changes");

            migrationBuilder.DropTable(
                name: "intervention_targets");

            migrationBuilder.DropTable(
                name: "node_statistics");

            migrationBuilder.DropTable(
                name: "relations");

            migrationBuilder.DropTable(
                name: "signal_indicators");

            migrationBuilder.DropTable(
                name: "signal_mentions");

            migrationBuilder.DropTable(
                name: "statements");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "interventions");

            migrationBuilder.DropTable(
                name: "signals");

            migrationBuilder.DropTable(
                name: "nodes");

            migrationBuilder.DropTable(
                name: "dossiers");

            migrationBuilder.DropTable(
                name: "partners");
        }
    }
}
