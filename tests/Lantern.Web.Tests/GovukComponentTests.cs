using Lantern.Web.Govuk;
using Lantern.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;

namespace Lantern.Web.Tests;

/// <summary>
/// Each GOV.UK partial renders the same HTML as GOV.UK Frontend's own published example
/// (fixtures.json in the installed package), so pages built from the partials follow the
/// Design System and pick up its styles and JavaScript.
/// </summary>
public sealed class GovukComponentTests(LanternWebServer server)
{
    private const string ContactHtml =
        "<p class=\"govuk-body\">\n  email@email.com\n</p>\n<p class=\"govuk-body\">\n  Address line 1<br>\n  Address line 2<br>\n  Address line 3<br>\n  Address line 4<br>\n  Address line 5\n</p>\n";

    private const string NinoHint = "It’s on your National Insurance card, benefit letter, payslip or P60. For example, ‘QQ 12 34 56 C’.";

    [Theory]
    [InlineData("tag", "default")]
    [InlineData("tag", "grey")]
    [InlineData("tag", "turquoise")]
    [InlineData("tag", "green")]
    [InlineData("tag", "purple")]
    [InlineData("tag", "pink")]
    [InlineData("tag", "red")]
    [InlineData("tag", "orange")]
    [InlineData("tag", "yellow")]
    [InlineData("summary-list", "default")]
    [InlineData("summary-list", "with actions")]
    [InlineData("summary-list", "with some actions")]
    [InlineData("summary-list", "summary card with only 1 action")]
    [InlineData("summary-list", "as a summary card with actions plus summary list actions")]
    [InlineData("summary-list", "as a summary card with a custom header level")]
    [InlineData("table", "with head and caption")]
    [InlineData("table", "with firstCellIsHeader true")]
    [InlineData("table", "head with rowspan and colspan")]
    [InlineData("error-summary", "default")]
    [InlineData("error-summary", "without links")]
    [InlineData("error-summary", "with everything")]
    [InlineData("inset-text", "default")]
    [InlineData("inset-text", "id")]
    [InlineData("inset-text", "classes")]
    [InlineData("back-link", "with custom text and link")]
    [InlineData("back-link", "classes")]
    [InlineData("date-input", "default")]
    [InlineData("date-input", "with values and name prefix")]
    [InlineData("date-input", "with error message and hint")]
    [InlineData("date-input", "with error on day input")]
    [InlineData("date-input", "with autocomplete values")]
    [InlineData("input", "default")]
    [InlineData("input", "with hint text")]
    [InlineData("input", "with error and hint")]
    [InlineData("input", "with label as page heading")]
    [InlineData("input", "with prefix and suffix and error")]
    [InlineData("input", "with spellcheck disabled")]
    [InlineData("input", "disabled")]
    [InlineData("input", "value")]
    [InlineData("input", "inputmode")]
    [InlineData("input", "with autocomplete attribute")]
    [InlineData("button", "default")]
    [InlineData("button", "disabled")]
    [InlineData("button", "secondary")]
    [InlineData("button", "value")]
    [InlineData("button", "prevent double click")]
    [InlineData("button", "link")]
    [InlineData("button", "start link")]
    public async Task Partial_renders_the_Design_System_HTML(string component, string fixture)
    {
        var contentRoot = server.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
        var expected = GovukFixtures.Html(contentRoot, component, fixture);

        var html = await RenderAsync(component, fixture);

        Assert.Equal(GovukFixtures.Normalise(expected), GovukFixtures.Normalise(html));
    }

    [Fact]
    public async Task Error_summary_renders_nothing_when_there_are_no_errors()
    {
        var html = await Render("Govuk/_ErrorSummary", new ErrorSummary([]));

        Assert.Equal("", html.Trim());
    }

    [Fact]
    public async Task Error_summary_from_model_state_puts_page_errors_first_then_links_each_field_error_in_order()
    {
        var modelState = new ModelStateDictionary();
        modelState.AddModelError("Input.FirstName", "Enter a first name");
        modelState.AddModelError("Input.DateOfBirth", "Date of birth must be in the past");
        modelState.AddModelError("", "The record was changed by someone else");

        var summary = ErrorSummary.FromModelState(modelState, new Dictionary<string, string> { ["Input.DateOfBirth"] = "Input_DateOfBirth-day" });

        Assert.Equal(
            [
                new ErrorSummaryItem("The record was changed by someone else"),
                new ErrorSummaryItem("Enter a first name", "#Input_FirstName"),
                new ErrorSummaryItem("Date of birth must be in the past", "#Input_DateOfBirth-day"),
            ],
            summary.Errors);
        var html = await Render("Govuk/_ErrorSummary", summary);
        Assert.Contains("<a href=\"#Input_FirstName\">Enter a first name</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_is_encoded_so_record_content_cannot_inject_markup()
    {
        var html = await Render("Govuk/_SummaryList", new SummaryList([new SummaryListRow("Name", "<script>alert(1)</script>")]));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sortable_table_gets_the_MOJ_module_and_aria_sort_only_where_asked()
    {
        var html = await Render("Govuk/_Table", new Table([["Alex", "2"]])
        {
            DataModule = "moj-sortable-table",
            Head = [new TableCell("Name") { AriaSort = "ascending" }, new TableCell("Visits") { Format = TableCellFormat.Numeric }],
        });

        Assert.Contains("<table class=\"govuk-table\" data-module=\"moj-sortable-table\">", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" class=\"govuk-table__header\" aria-sort=\"ascending\">Name</th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Visits</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Date_input_points_the_error_summary_at_the_first_part_in_error()
    {
        var date = new DateInput("dob", "Input.Dob", "Date of birth") { NameSeparator = ".", ErrorMessage = "Enter a real month", ErrorParts = DateParts.Month | DateParts.Year };

        Assert.Equal("dob-month", date.FirstErrorFieldId);
        Assert.Equal(["Input.Dob.day", "Input.Dob.month", "Input.Dob.year"], date.Items.Select(i => i.Name));
        Assert.Equal([false, true, true], date.Items.Select(i => i.HasError));
    }

    private Task<string> Render<TModel>(string partial, TModel model) => new PartialRenderer(server.Services).RenderAsync(partial, model);

    private Task<string> RenderAsync(string component, string fixture) => (component, fixture) switch
    {
        ("tag", "default") => Render("Govuk/_Tag", new Tag("Alpha")),
        // GOV.UK Frontend 6 keeps the fixture names "turquoise" and "pink" for its teal and magenta tags.
        ("tag", "turquoise") => Render("Govuk/_Tag", new Tag("Teal") { Colour = TagColour.Teal }),
        ("tag", "pink") => Render("Govuk/_Tag", new Tag("Magenta") { Colour = TagColour.Magenta }),
        ("tag", _) => Render("Govuk/_Tag", new Tag(TagText(fixture)) { Colour = Enum.Parse<TagColour>(fixture, ignoreCase: true) }),

        ("summary-list", "default") => Render("Govuk/_SummaryList", new SummaryList(
        [
            new SummaryListRow("Name", "Firstname Lastname"),
            new SummaryListRow("Date of birth", "13/08/1980"),
            new SummaryListRow("Contact information") { ValueHtml = new HtmlString(ContactHtml) },
        ])),
        ("summary-list", "with actions") => Render("Govuk/_SummaryList", new SummaryList(
        [
            new SummaryListRow("Name", "Firstname Lastname") { Actions = [Action("Edit", "name"), Action("Delete", "name")] },
            new SummaryListRow("Date of birth", "13/08/1980") { Actions = [Action("Change", "date of birth")] },
            new SummaryListRow("Contact information") { ValueHtml = new HtmlString(ContactHtml), Actions = [Action("Edit", "contact information"), Action("Change", "contact information")] },
        ])),
        ("summary-list", "with some actions") => Render("Govuk/_SummaryList", new SummaryList(
        [
            new SummaryListRow("Name", "Firstname Lastname") { Actions = [Action("Edit", "name"), Action("Delete", "name")] },
            new SummaryListRow("Date of birth", "13/08/1980"),
            new SummaryListRow("Contact information") { ValueHtml = new HtmlString(ContactHtml) },
        ])),
        ("summary-list", "summary card with only 1 action") => Render("Govuk/_SummaryList", new SummaryList(NameAndDob())
        {
            Card = new SummaryCard("Undergraduate teaching assistant") { Actions = [new SummaryListAction("My lonely action", "#")] },
        }),
        ("summary-list", "as a summary card with actions plus summary list actions") => Render("Govuk/_SummaryList", new SummaryList(
        [
            new SummaryListRow("Name", "Firstname Lastname") { Actions = [Action("Edit", "name"), Action("Delete", "name")] },
            new SummaryListRow("Date of birth", "13/08/1980") { Actions = [Action("Change", "date of birth")] },
        ])
        {
            Card = new SummaryCard("Undergraduate teaching assistant")
            {
                Actions = [new SummaryListAction("Delete job history", "#"), new SummaryListAction("Withdraw job history", "#")],
            },
        }),
        ("summary-list", "as a summary card with a custom header level") => Render("Govuk/_SummaryList", new SummaryList(NameAndDob())
        {
            Card = new SummaryCard("Undergraduate teaching assistant") { HeadingLevel = 3 },
        }),

        ("table", "with head and caption") => Render("Govuk/_Table", MonthsTable() with
        {
            Caption = "Caption 1: Months and rates",
            CaptionClasses = "govuk-table__caption--m",
            Head = ["Month you apply", Numeric("Rate for bicycles"), Numeric("Rate for vehicles")],
        }),
        ("table", "with firstCellIsHeader true") => Render("Govuk/_Table", MonthsTable()),
        ("table", "head with rowspan and colspan") => Render("Govuk/_Table", new Table([["Jan", "Feb"]])
        {
            Head = [new TableCell("Foo") { RowSpan = 2, ColSpan = 2 }],
        }),

        ("error-summary", "default") => Render("Govuk/_ErrorSummary", new ErrorSummary(
        [
            new ErrorSummaryItem("The date your passport was issued must be in the past", "#example-error-1"),
            new ErrorSummaryItem("Enter a postcode, like AA1 1AA", "#example-error-2"),
        ])),
        ("error-summary", "without links") => Render("Govuk/_ErrorSummary", new ErrorSummary([new ErrorSummaryItem("Invalid username or password")])),
        ("error-summary", "with everything") => Render("Govuk/_ErrorSummary", new ErrorSummary(
        [
            new ErrorSummaryItem("Invalid username or password"),
            new ErrorSummaryItem("Agree to the terms of service to log in", "#example-error-1"),
        ])
        { DescriptionText = "Please fix the errors below." }),

        ("inset-text", "default") => Render("Govuk/_InsetText", new InsetText(PowerOfAttorney)),
        ("inset-text", "id") => Render("Govuk/_InsetText", new InsetText(PowerOfAttorney) { Id = "my-inset-text" }),
        ("inset-text", "classes") => Render("Govuk/_InsetText", new InsetText(PowerOfAttorney) { Classes = "app-inset-text--custom-modifier" }),

        ("back-link", "with custom text and link") => Render("Govuk/_BackLink", new BackLink("/home") { Text = "Back to home" }),
        ("back-link", "classes") => Render("Govuk/_BackLink", new BackLink("#") { Classes = "app-back-link--custom-class" }),

        ("date-input", "default") => Render("Govuk/_DateInput", Dob("dob", "")),
        ("date-input", "with values and name prefix") => Render("Govuk/_DateInput", Dob("with-values-name-prefix", "dob") with { Day = "31", Month = "3", Year = "1980" }),
        ("date-input", "with error message and hint") => Render("Govuk/_DateInput", Dob("dob-errors", "") with { ErrorMessage = "Error message goes here" }),
        ("date-input", "with error on day input") => Render("Govuk/_DateInput", Dob("dob-day-error", "") with { ErrorMessage = "Error message goes here", ErrorParts = DateParts.Day }),
        ("date-input", "with autocomplete values") => Render("Govuk/_DateInput", Dob("dob-with-autocomplete-attribute", "dob-with-autocomplete") with { IsDateOfBirth = true }),

        ("input", "default") => Render("Govuk/_TextInput", new TextInput("test-name", "test-name", "National Insurance number")),
        ("input", "with hint text") => Render("Govuk/_TextInput", new TextInput("input-with-hint-text", "test-name-2", "National insurance number") { Hint = NinoHint }),
        ("input", "with error and hint") => Render("Govuk/_TextInput", new TextInput("with-error-hint", "with-error-hint", "National insurance number")
        {
            Hint = NinoHint,
            ErrorMessage = "Enter a National Insurance number in the correct format",
        }),
        ("input", "with label as page heading") => Render("Govuk/_TextInput", new TextInput("input-with-page-heading", "test-name", "National Insurance number")
        {
            LabelClasses = "govuk-label--l",
            LabelIsPageHeading = true,
        }),
        ("input", "with prefix and suffix and error") => Render("Govuk/_TextInput", new TextInput("input-with-prefix-suffix", "cost", "Cost per item, in pounds")
        {
            Prefix = "£",
            Suffix = "per item",
            ErrorMessage = "Error message goes here",
        }),
        ("input", "with spellcheck disabled") => Render("Govuk/_TextInput", new TextInput("input-with-spellcheck-disabled", "spellcheck", "Spellcheck is disabled") { Spellcheck = false }),
        ("input", "disabled") => Render("Govuk/_TextInput", new TextInput("disabled-input", "disabled-input", "Disabled input") { Disabled = true }),
        ("input", "value") => Render("Govuk/_TextInput", new TextInput("with-value", "with-value", "With value") { Value = "QQ 12 34 56 C" }),
        ("input", "inputmode") => Render("Govuk/_TextInput", new TextInput("with-inputmode", "with-inputmode", "With inputmode") { InputMode = "decimal" }),
        ("input", "with autocomplete attribute") => Render("Govuk/_TextInput", new TextInput("input-with-autocomplete-attribute", "postcode", "Postcode") { AutoComplete = "postal-code" }),

        ("button", "default") => Render("Govuk/_Button", new Button("Save and continue")),
        ("button", "disabled") => Render("Govuk/_Button", new Button("Disabled button") { Disabled = true }),
        ("button", "secondary") => Render("Govuk/_Button", new Button("Secondary button") { Name = "secondary", Classes = "govuk-button--secondary" }),
        ("button", "value") => Render("Govuk/_Button", new Button("Submit") { Value = "start" }),
        ("button", "prevent double click") => Render("Govuk/_Button", new Button("Submit") { PreventDoubleClick = true }),
        ("button", "link") => Render("Govuk/_Button", new Button("Link button") { Href = "/" }),
        ("button", "start link") => Render("Govuk/_Button", new Button("Start now link button") { Href = "/", IsStartButton = true }),

        _ => throw new ArgumentOutOfRangeException(nameof(fixture), $"{component}: {fixture}"),
    };

    private const string PowerOfAttorney =
        "It can take up to 8 weeks to register a lasting power of attorney if there are no mistakes in the application.";

    private static string TagText(string fixture) => char.ToUpperInvariant(fixture[0]) + fixture[1..];

    private static SummaryListAction Action(string text, string hidden) => new(text, "#") { VisuallyHiddenText = hidden };

    private static SummaryListRow[] NameAndDob() =>
        [new SummaryListRow("Name", "Firstname Lastname"), new SummaryListRow("Date of birth", "13/08/1980")];

    private static TableCell Numeric(string text) => new(text) { Format = TableCellFormat.Numeric };

    private static Table MonthsTable() => new(
    [
        ["January", Numeric("£85"), Numeric("£95")],
        ["February", Numeric("£75"), Numeric("£55")],
        ["March", Numeric("£165"), Numeric("£125")],
    ])
    { FirstCellIsHeader = true };

    private static DateInput Dob(string id, string namePrefix) =>
        new(id, namePrefix, "What is your date of birth?") { Hint = "For example, 31 3 1980" };
}
