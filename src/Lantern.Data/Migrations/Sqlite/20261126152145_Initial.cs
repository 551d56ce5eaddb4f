using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lantern.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "children",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    la_child_id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    given_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    family_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    upn = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    former_upn = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    upn_unknown = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    nhs_number = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    date_of_birth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    expected_date_of_birth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    sex = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ethnicity = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    disabilities = table.Column<string>(type: "TEXT", nullable: false),
                    is_unaccompanied_asylum_seeking = table.Column<bool>(type: "INTEGER", nullable: false),
                    uasc_ceased_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    postcode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    ward = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    date_of_death = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    childs_date_of_birth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    is_restricted = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_children", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "local_authorities",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    profile = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    seed = table.Column<int>(type: "INTEGER", nullable: false),
                    data_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    data_to = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    child_protection_visit_working_days = table.Column<int>(type: "INTEGER", nullable: false),
                    child_in_need_visit_working_days = table.Column<int>(type: "INTEGER", nullable: false),
                    child_in_need_review_months = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_local_authorities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    given_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    family_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    date_of_birth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    postcode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_people", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "population_estimates",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    ward = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    age = table.Column<int>(type: "INTEGER", nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_population_estimates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "teams",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    service = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    establishment_fte = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teams", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "wards",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    deprivation_decile = table.Column<int>(type: "INTEGER", nullable: false),
                    postcode_district = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wards", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    staff_id = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    given_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    family_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    team_id = table.Column<long>(type: "INTEGER", nullable: false),
                    manager_id = table.Column<long>(type: "INTEGER", nullable: true),
                    registration = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    employment = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    asye_end_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    fte = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    left_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "adoption_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    decision_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    placement_order_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    match_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    placed_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    adoption_order_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    interest_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    foster_carer_adoption = table.Column<bool>(type: "INTEGER", nullable: false),
                    number_of_adopters = table.Column<int>(type: "INTEGER", nullable: true),
                    adopter_sex = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    adopter_legal_status = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    no_longer_placed_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    no_longer_placed_reason = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_adoption_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_adoption_records_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "allegations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: true),
                    received_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    sector = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    person_role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    lado_worker_id = table.Column<long>(type: "INTEGER", nullable: true),
                    initial_decision_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    resolved_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_allegations", x => x.id);
                    table.ForeignKey(
                        name: "fk_allegations_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "allocations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    worker_id = table.Column<long>(type: "INTEGER", nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reason = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_allocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_allocations_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "annual_outcomes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    year_ending = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    sdq_score = table.Column<int>(type: "INTEGER", nullable: true),
                    sdq_reason = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    convicted = table.Column<bool>(type: "INTEGER", nullable: false),
                    immunisations_up_to_date = table.Column<bool>(type: "INTEGER", nullable: false),
                    substance_misuse = table.Column<bool>(type: "INTEGER", nullable: false),
                    intervention_received = table.Column<bool>(type: "INTEGER", nullable: false),
                    intervention_offered = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annual_outcomes", x => x.id);
                    table.ForeignKey(
                        name: "fk_annual_outcomes_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assessments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    referral_id = table.Column<long>(type: "INTEGER", nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    authorisation_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    authorised_by_worker_id = table.Column<long>(type: "INTEGER", nullable: true),
                    factors = table.Column<string>(type: "TEXT", nullable: false),
                    child_seen = table.Column<bool>(type: "INTEGER", nullable: false),
                    child_seen_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_assessments_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "care_episodes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    reason_new = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    legal_status = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    category_of_need = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    placement = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    provider = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    home_postcode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    placement_postcode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    urn = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    reason_ended = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    reason_placement_changed = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_episodes", x => x.id);
                    table.ForeignKey(
                        name: "fk_care_episodes_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "care_leaver_contacts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    contact_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    in_touch = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    activity = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    accommodation = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    pathway_plan_review_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_leaver_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_care_leaver_contacts_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "care_proceedings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    issue_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    extension_weeks = table.Column<int>(type: "INTEGER", nullable: false),
                    final_hearing_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    final_order = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_proceedings", x => x.id);
                    table.ForeignKey(
                        name: "fk_care_proceedings_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "care_reviews",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    participation = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    iro_worker_id = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_care_reviews_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "case_notes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    author_id = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    event_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: false),
                    child_seen = table.Column<bool>(type: "INTEGER", nullable: true),
                    child_seen_alone = table.Column<bool>(type: "INTEGER", nullable: true),
                    corrects_note_id = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_notes_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "child_in_need_plan_reviews",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    plan_id = table.Column<long>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_in_need_plan_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_child_in_need_plan_reviews_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "child_in_need_plans",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    referral_id = table.Column<long>(type: "INTEGER", nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_in_need_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_child_in_need_plans_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "child_protection_conferences",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    referral_id = table.Column<long>(type: "INTEGER", nullable: false),
                    section47_id = table.Column<long>(type: "INTEGER", nullable: true),
                    plan_id = table.Column<long>(type: "INTEGER", nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    chair_worker_id = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_protection_conferences", x => x.id);
                    table.ForeignKey(
                        name: "fk_child_protection_conferences_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "child_protection_plans",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    referral_id = table.Column<long>(type: "INTEGER", nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    initial_category = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    latest_category = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    previous_plans = table.Column<int>(type: "INTEGER", nullable: false),
                    end_reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    step_down_authorised_by_worker_id = table.Column<long>(type: "INTEGER", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_protection_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_child_protection_plans_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "child_relationships",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    person_id = table.Column<long>(type: "INTEGER", nullable: true),
                    related_child_id = table.Column<long>(type: "INTEGER", nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    lives_in_household = table.Column<bool>(type: "INTEGER", nullable: false),
                    has_parental_responsibility = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_relationships", x => x.id);
                    table.ForeignKey(
                        name: "fk_child_relationships_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contacts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    summary = table.Column<string>(type: "TEXT", nullable: true),
                    decided_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    decided_by_worker_id = table.Column<long>(type: "INTEGER", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_contacts_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "core_group_meetings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    plan_id = table.Column<long>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_core_group_meetings", x => x.id);
                    table.ForeignKey(
                        name: "fk_core_group_meetings_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "early_help_episodes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    assessment_start_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    assessment_completed_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    lead_worker_id = table.Column<long>(type: "INTEGER", nullable: true),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    end_reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    is_step_down = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_early_help_episodes", x => x.id);
                    table.ForeignKey(
                        name: "fk_early_help_episodes_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "health_checks",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_health_checks", x => x.id);
                    table.ForeignKey(
                        name: "fk_health_checks_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "management_decisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    manager_id = table.Column<long>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    decision = table.Column<string>(type: "TEXT", nullable: false),
                    rationale = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_management_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_management_decisions_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "missing_episodes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    return_interview_offered = table.Column<bool>(type: "INTEGER", nullable: true),
                    return_interview_accepted = table.Column<bool>(type: "INTEGER", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_missing_episodes", x => x.id);
                    table.ForeignKey(
                        name: "fk_missing_episodes_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "panel_decisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    panel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    request_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    decision_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    notes = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_panel_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_panel_decisions_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pre_proceedings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    meeting_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pre_proceedings", x => x.id);
                    table.ForeignKey(
                        name: "fk_pre_proceedings_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "previous_permanence_records",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    date = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    la_code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_previous_permanence_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_previous_permanence_records_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "private_fostering_arrangements",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    notification_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    carer_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_private_fostering_arrangements", x => x.id);
                    table.ForeignKey(
                        name: "fk_private_fostering_arrangements_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "professional_involvements",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    telephone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_professional_involvements", x => x.id);
                    table.ForeignKey(
                        name: "fk_professional_involvements_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "referrals",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    referral_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    primary_need = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    no_further_action = table.Column<bool>(type: "INTEGER", nullable: false),
                    contact_id = table.Column<long>(type: "INTEGER", nullable: true),
                    closure_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    closure_reason = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referrals", x => x.id);
                    table.ForeignKey(
                        name: "fk_referrals_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "section47_enquiries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    referral_id = table.Column<long>(type: "INTEGER", nullable: false),
                    strategy_discussion_id = table.Column<long>(type: "INTEGER", nullable: true),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    icpc_not_required = table.Column<bool>(type: "INTEGER", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_section47_enquiries", x => x.id);
                    table.ForeignKey(
                        name: "fk_section47_enquiries_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "strategy_discussions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    referral_id = table.Column<long>(type: "INTEGER", nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    participants = table.Column<string>(type: "TEXT", nullable: false),
                    decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_strategy_discussions", x => x.id);
                    table.ForeignKey(
                        name: "fk_strategy_discussions_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "supervisions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    worker_id = table.Column<long>(type: "INTEGER", nullable: false),
                    supervisor_id = table.Column<long>(type: "INTEGER", nullable: false),
                    child_id = table.Column<long>(type: "INTEGER", nullable: true),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    discussion = table.Column<string>(type: "TEXT", nullable: false),
                    actions = table.Column<string>(type: "TEXT", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_supervisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_supervisions_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "visits",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    child_id = table.Column<long>(type: "INTEGER", nullable: false),
                    worker_id = table.Column<long>(type: "INTEGER", nullable: true),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    child_seen = table.Column<bool>(type: "INTEGER", nullable: false),
                    child_seen_alone = table.Column<bool>(type: "INTEGER", nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visits", x => x.id);
                    table.ForeignKey(
                        name: "fk_visits_children_child_id",
                        column: x => x.child_id,
                        principalTable: "children",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_adoption_records_child_id",
                table: "adoption_records",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_adoption_records_decision_date",
                table: "adoption_records",
                column: "decision_date");

            migrationBuilder.CreateIndex(
                name: "ix_allegations_child_id",
                table: "allegations",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_allegations_received_date",
                table: "allegations",
                column: "received_date");

            migrationBuilder.CreateIndex(
                name: "ix_allocations_child_id",
                table: "allocations",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_allocations_end_date",
                table: "allocations",
                column: "end_date");

            migrationBuilder.CreateIndex(
                name: "ix_allocations_start_date",
                table: "allocations",
                column: "start_date");

            migrationBuilder.CreateIndex(
                name: "ix_allocations_worker_id",
                table: "allocations",
                column: "worker_id");

            migrationBuilder.CreateIndex(
                name: "ix_annual_outcomes_child_id",
                table: "annual_outcomes",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_annual_outcomes_year_ending",
                table: "annual_outcomes",
                column: "year_ending");

            migrationBuilder.CreateIndex(
                name: "ix_assessments_authorisation_date",
                table: "assessments",
                column: "authorisation_date");

            migrationBuilder.CreateIndex(
                name: "ix_assessments_child_id",
                table: "assessments",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessments_referral_id",
                table: "assessments",
                column: "referral_id");

            migrationBuilder.CreateIndex(
                name: "ix_assessments_start_date",
                table: "assessments",
                column: "start_date");

            migrationBuilder.CreateIndex(
                name: "ix_care_episodes_child_id",
                table: "care_episodes",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_care_episodes_end_date",
                table: "care_episodes",
                column: "end_date");

            migrationBuilder.CreateIndex(
                name: "ix_care_episodes_start_date",
                table: "care_episodes",
                column: "start_date");

            migrationBuilder.CreateIndex(
                name: "ix_care_leaver_contacts_child_id",
                table: "care_leaver_contacts",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_care_leaver_contacts_contact_date",
                table: "care_leaver_contacts",
                column: "contact_date");

            migrationBuilder.CreateIndex(
                name: "ix_care_proceedings_child_id",
                table: "care_proceedings",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_care_proceedings_final_hearing_date",
                table: "care_proceedings",
                column: "final_hearing_date");

            migrationBuilder.CreateIndex(
                name: "ix_care_proceedings_issue_date",
                table: "care_proceedings",
                column: "issue_date");

            migrationBuilder.CreateIndex(
                name: "ix_care_reviews_child_id",
                table: "care_reviews",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_care_reviews_date",
                table: "care_reviews",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_case_notes_child_id",
                table: "case_notes",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_notes_event_date",
                table: "case_notes",
                column: "event_date");

            migrationBuilder.CreateIndex(
                name: "ix_child_in_need_plan_reviews_child_id",
                table: "child_in_need_plan_reviews",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_child_in_need_plan_reviews_date",
                table: "child_in_need_plan_reviews",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_child_in_need_plan_reviews_plan_id",
                table: "child_in_need_plan_reviews",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_child_in_need_plans_child_id",
                table: "child_in_need_plans",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_child_in_need_plans_end_date",
                table: "child_in_need_plans",
                column: "end_date");

            migrationBuilder.CreateIndex(
                name: "ix_child_in_need_plans_start_date",
                table: "child_in_need_plans",
                column: "start_date");

            migrationBuilder.CreateIndex(
                name: "ix_child_protection_conferences_child_id",
                table: "child_protection_conferences",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_child_protection_conferences_date",
                table: "child_protection_conferences",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_child_protection_plans_child_id",
                table: "child_protection_plans",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_child_protection_plans_end_date",
                table: "child_protection_plans",
                column: "end_date");

            migrationBuilder.CreateIndex(
                name: "ix_child_protection_plans_start_date",
                table: "child_protection_plans",
                column: "start_date");

            migrationBuilder.CreateIndex(
                name: "ix_child_relationships_child_id",
                table: "child_relationships",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_child_relationships_person_id",
                table: "child_relationships",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_child_relationships_related_child_id",
                table: "child_relationships",
                column: "related_child_id");

            migrationBuilder.CreateIndex(
                name: "ix_children_date_of_birth",
                table: "children",
                column: "date_of_birth");

            migrationBuilder.CreateIndex(
                name: "ix_children_family_name_given_name",
                table: "children",
                columns: new[] { "family_name", "given_name" });

            migrationBuilder.CreateIndex(
                name: "ix_children_la_child_id",
                table: "children",
                column: "la_child_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contacts_child_id",
                table: "contacts",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_contacts_received_at",
                table: "contacts",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_core_group_meetings_child_id",
                table: "core_group_meetings",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_core_group_meetings_date",
                table: "core_group_meetings",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_core_group_meetings_plan_id",
                table: "core_group_meetings",
                column: "plan_id");

            migrationBuilder.CreateIndex(
                name: "ix_early_help_episodes_child_id",
                table: "early_help_episodes",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_early_help_episodes_end_date",
                table: "early_help_episodes",
                column: "end_date");

            migrationBuilder.CreateIndex(
                name: "ix_early_help_episodes_start_date",
                table: "early_help_episodes",
                column: "start_date");

            migrationBuilder.CreateIndex(
                name: "ix_health_checks_child_id",
                table: "health_checks",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_health_checks_date",
                table: "health_checks",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_management_decisions_child_id",
                table: "management_decisions",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_management_decisions_date",
                table: "management_decisions",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_missing_episodes_child_id",
                table: "missing_episodes",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_missing_episodes_start_date",
                table: "missing_episodes",
                column: "start_date");

            migrationBuilder.CreateIndex(
                name: "ix_panel_decisions_child_id",
                table: "panel_decisions",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_panel_decisions_request_date",
                table: "panel_decisions",
                column: "request_date");

            migrationBuilder.CreateIndex(
                name: "ix_people_family_name_given_name",
                table: "people",
                columns: new[] { "family_name", "given_name" });

            migrationBuilder.CreateIndex(
                name: "ix_population_estimates_year_ward",
                table: "population_estimates",
                columns: new[] { "year", "ward" });

            migrationBuilder.CreateIndex(
                name: "ix_pre_proceedings_child_id",
                table: "pre_proceedings",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_pre_proceedings_end_date",
                table: "pre_proceedings",
                column: "end_date");

            migrationBuilder.CreateIndex(
                name: "ix_pre_proceedings_start_date",
                table: "pre_proceedings",
                column: "start_date");

            migrationBuilder.CreateIndex(
                name: "ix_previous_permanence_records_child_id",
                table: "previous_permanence_records",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_private_fostering_arrangements_child_id",
                table: "private_fostering_arrangements",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_private_fostering_arrangements_end_date",
                table: "private_fostering_arrangements",
                column: "end_date");

            migrationBuilder.CreateIndex(
                name: "ix_private_fostering_arrangements_start_date",
                table: "private_fostering_arrangements",
                column: "start_date");

            migrationBuilder.CreateIndex(
                name: "ix_professional_involvements_child_id",
                table: "professional_involvements",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_child_id",
                table: "referrals",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_closure_date",
                table: "referrals",
                column: "closure_date");

            migrationBuilder.CreateIndex(
                name: "ix_referrals_referral_date",
                table: "referrals",
                column: "referral_date");

            migrationBuilder.CreateIndex(
                name: "ix_section47_enquiries_child_id",
                table: "section47_enquiries",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_section47_enquiries_end_date",
                table: "section47_enquiries",
                column: "end_date");

            migrationBuilder.CreateIndex(
                name: "ix_section47_enquiries_start_date",
                table: "section47_enquiries",
                column: "start_date");

            migrationBuilder.CreateIndex(
                name: "ix_strategy_discussions_child_id",
                table: "strategy_discussions",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_strategy_discussions_date",
                table: "strategy_discussions",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_supervisions_child_id",
                table: "supervisions",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_supervisions_date",
                table: "supervisions",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_supervisions_worker_id",
                table: "supervisions",
                column: "worker_id");

            migrationBuilder.CreateIndex(
                name: "ix_visits_child_id",
                table: "visits",
                column: "child_id");

            migrationBuilder.CreateIndex(
                name: "ix_visits_date",
                table: "visits",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_workers_staff_id",
                table: "workers",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_workers_team_id",
                table: "workers",
                column: "team_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "adoption_records");

            migrationBuilder.DropTable(
                name: "allegations");

            migrationBuilder.DropTable(
                name: "allocations");

            migrationBuilder.DropTable(
                name: "annual_outcomes");

            migrationBuilder.DropTable(
                name: "assessments");

            migrationBuilder.DropTable(
                name: "care_episodes");

            migrationBuilder.DropTable(
                name: "care_leaver_contacts");

            migrationBuilder.DropTable(
                name: "care_proceedings");

            migrationBuilder.DropTable(
                name: "care_reviews");

            migrationBuilder.DropTable(
                name: "case_notes");

            migrationBuilder.DropTable(
                name: "child_in_need_plan_reviews");

            migrationBuilder.DropTable(
                name: "child_in_need_plans");

            migrationBuilder.DropTable(
                name: "child_protection_conferences");

            migrationBuilder.DropTable(
                name: "child_protection_plans");

            migrationBuilder.DropTable(
                name: "child_relationships");

            migrationBuilder.DropTable(
                name: "contacts");

            migrationBuilder.DropTable(
                name: "core_group_meetings");

            migrationBuilder.DropTable(
                name: "early_help_episodes");

            migrationBuilder.DropTable(
                name: "health_checks");

            migrationBuilder.DropTable(
                name: "local_authorities");

            migrationBuilder.DropTable(
                name: "management_decisions");

            migrationBuilder.DropTable(
                name: "missing_episodes");

            migrationBuilder.DropTable(
                name: "panel_decisions");

            migrationBuilder.DropTable(
                name: "people");

            migrationBuilder.DropTable(
                name: "population_estimates");

            migrationBuilder.DropTable(
                name: "pre_proceedings");

            migrationBuilder.DropTable(
                name: "previous_permanence_records");

            migrationBuilder.DropTable(
                name: "private_fostering_arrangements");

            migrationBuilder.DropTable(
                name: "professional_involvements");

            migrationBuilder.DropTable(
                name: "referrals");

            migrationBuilder.DropTable(
                name: "section47_enquiries");

            migrationBuilder.DropTable(
                name: "strategy_discussions");

            migrationBuilder.DropTable(
                name: "supervisions");

            migrationBuilder.DropTable(
                name: "teams");

            migrationBuilder.DropTable(
                name: "visits");

            migrationBuilder.DropTable(
                name: "wards");

            migrationBuilder.DropTable(
                name: "workers");

            migrationBuilder.DropTable(
                name: "children");
        }
    }
}
