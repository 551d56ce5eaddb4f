using System.IO.Compression;
using Lantern.Returns.AnnexA;
using Xunit;

namespace Lantern.Returns.Tests.AnnexA;

/// <summary>The workbook as a user opens it: the sheets, the headings column by column against the
/// domain reference (section 3), real dates, the notes on what Lantern does not record, and the same
/// bytes from the same data.</summary>
public sealed class AnnexAWorkbookTests
{
    private static readonly DateOnly AsAt = new(2025, 6, 30);

    private static readonly string[] Common = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"];

    // Section 3's columns in its order, in the template's own wording (section 3 abbreviates some).
    public static TheoryData<string, string[]> Expected => new()
    {
        { "List 1 Contacts", [.. Common, "Date of Contact", "Contact Source"] },
        { "List 2 Early help", [.. Common, "Assessment start date", "Assessment completion date", "Organisation completing assessment"] },
        { "List 3 Referrals", [.. Common, "Date of referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker"] },
        {
            "List 4 Assessments",
            [.. Common, "Does the Child have a Disability", "Continuous Assessment Start Date", "Child Seen During Continuous Assessment",
                "Continuous Assessment Date of Authorisation", "Was the child assessed as requiring LA children's social care support?", "Allocated Team", "Allocated Worker"]
        },
        {
            "List 5 Section 47 and ICPCs",
            [.. Common, "Does the Child have a Disability", "Strategy discussion initiating Section 47 Enquiry Start Date",
                "Was an Initial Child Protection Conference deemed unnecessary?", "Date of Initial Child Protection Conference",
                "Did the Initial Child Protection Conference Result in a Child Protection Plan", "Number of Section 47 Enquiries in the last 12 months",
                "Number of ICPCs in the last 12 months", "Allocated Team", "Allocated Worker"]
        },
        {
            "List 6 Children in need",
            [.. Common, "Does the Child have a Disability", "CIN Start Date", "Primary Need Code", "Date Child Was Last Seen", "CIN Closure Date",
                "Reason for Closure", "Case Status", "Allocated Team", "Allocated Worker"]
        },
        {
            "List 7 Child protection",
            [.. Common, "Does the Child have a Disability", "Child Protection Plan Start Date", "Initial Category of Abuse", "Latest Category of Abuse",
                "Date of the Last Statutory Visit", "Was the Child Seen Alone?", "Date of latest review conference", "Child Protection Plan End Date",
                "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)", "Number of Previous Child Protection Plans",
                "Allocated Team", "Allocated Worker"]
        },
        {
            "List 8 Children in care",
            [.. Common, "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)", "Does the Child have a Disability",
                "Date Started to be Looked After", "Child's Category of Need",
                "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)", "Start date of current legal status",
                "Child's Legal Status", "Date of Latest Statutory Review", "Date of Last Social Work Visit", "What is the permanence plan for this child?",
                "Date of Last IRO Visit / Contact to the Child", "Date of Last Health Assessment", "Date of Last Dental Check",
                "Number of Placements in the Last 12 months", "Date Ceased to be Looked After", "Reason Ceased to be Looked After",
                "Start Date of Most Recent Placement", "Placement Type", "Placement Provider", "Placement postcode", "URN of Placement",
                "Placement Location", "LA of Placement", "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
                "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
                "Was the child offered a Return Interview after their last missing episode (Y/N)?",
                "Did the child accept a Return Interview after their last missing episode (Y/N)?", "Allocated Team", "Allocated Worker"]
        },
        {
            "List 9 Care leavers",
            [.. Common, "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)", "Does the Child have a Disability",
                "Allocated Team", "Allocated Worker", "Allocated Personal Advisor", "Eligibility Category", "Latest Pathway Plan Review Date",
                "LA in Touch", "Latest Date of Contact", "Type of Accommodation", "Suitability of Accommodation", "Activity Status"]
        },
        {
            "List 10 Adoption",
            [.. Common, "Family identifier", "Does the Child have a Disability", "Date the Child Entered Care",
                "Date of Decision that Child Should be Placed for Adoption", "Date of Placement Order", "Date of Matching Child and Prospective Adopters",
                "Date Placed for Adoption", "Date of Adoption Order", "Date of Decision that Child Should No Longer be Placed for Adoption",
                "Reason Why Child No Longer Placed for Adoption", "Date the child was placed for fostering in FFA or concurrent planning placement"]
        },
        {
            "List 11 Adopters",
            ["Individual adopter identifier", "Family identifier", "Gender", "Ethnicity", "Disability", "Is the (prospective) adopter fostering for adoption?",
                "Date enquiry received", "Date Stage 1 started", "Date Stage 1 ended", "Date Stage 2 started", "Date Stage 2 ended",
                "Date application submitted", "Date application approved", "Date adopter matched with child(ren)",
                "Date child/children placed with adopter(s)", "No. of children placed", "Date of Adoption Order", "Date of leaving adoption process",
                "Reason for leaving adoption process"]
        },
    };

    [Fact]
    public void The_workbook_has_the_eleven_lists_in_order_and_the_notes()
    {
        var book = XlsxReader.Read(Write(Sample()));

        Assert.Equal(
            ["List 1 Contacts", "List 2 Early help", "List 3 Referrals", "List 4 Assessments", "List 5 Section 47 and ICPCs", "List 6 Children in need",
                "List 7 Child protection", "List 8 Children in care", "List 9 Care leavers", "List 10 Adoption", "List 11 Adopters", "Notes"],
            book.SheetNames);
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_list_has_the_columns_of_the_domain_reference_in_order(string sheet, string[] columns)
    {
        var book = XlsxReader.Read(Write(Sample()));

        var headings = book.Row(sheet, 0);
        Assert.Equal(columns.Length, headings.Count);
        for (var i = 0; i < columns.Length; i++)
        {
            Assert.True(columns[i] == headings[i], $"{sheet} column {i + 1}: expected '{columns[i]}', found '{headings[i]}'.");
        }
    }

    [Fact]
    public void Dates_are_excel_dates_shown_day_month_year_and_counts_are_numbers()
    {
        var book = XlsxReader.Read(Write(Sample()));

        var contact = book.Sheets["List 1 Contacts"][1];
        Assert.Equal("dd/mm/yyyy", contact[3]!.Format);
        Assert.Equal(new DateOnly(2015, 8, 1), contact[3]!.AsDate());
        Assert.Equal(new DateOnly(2025, 5, 2), contact[5]!.AsDate());
        Assert.Equal("9", contact[4]!.Text);
        Assert.Equal("g) Police", contact[6]!.Text);

        var referral = book.Sheets["List 3 Referrals"][1];
        Assert.Equal("0", referral[8]!.Text);
        Assert.Null(referral.ElementAtOrDefault(10)); // not allocated: blank, not "0" or "null"
    }

    [Fact]
    public void The_notes_sheet_names_every_column_left_blank()
    {
        var book = XlsxReader.Read(Write(Sample()));

        var notes = book.Sheets["Notes"].Skip(1).Select(r => $"{r[0]?.Text} | {r[1]?.Text} | {r[2]?.Text}").ToList();
        Assert.Equal(["List", "Column", "What Lantern writes"], book.Row("Notes", 0));
        foreach (var blank in new[] { "Date of Last IRO Visit / Contact to the Child", "Date Stage 1 started", "Date application approved", "Reason for leaving adoption process", "Is the (prospective) adopter fostering for adoption?", "Ethnicity / Disability" })
        {
            Assert.Contains(notes, n => n.Contains(blank, StringComparison.Ordinal) && n.Contains("Blank", StringComparison.Ordinal));
        }

        Assert.Contains(notes, n => n.StartsWith("List 8 | What is the permanence plan for this child?", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_data_and_date_give_the_same_bytes_with_every_part_dated_the_as_at_date()
    {
        var data = Sample();
        var first = Write(data);
        var second = Write(data);

        Assert.Equal(first, second);
        using var zip = new ZipArchive(new MemoryStream(first), ZipArchiveMode.Read);
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(2025, 6, 30), e.LastWriteTime.DateTime));
        Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("docProps/", StringComparison.Ordinal));
    }

    [Fact]
    public void The_result_counts_rows_per_list_and_the_children_listed()
    {
        var a = Sample();
        using var output = new MemoryStream();

        var result = AnnexAExport.Write(a.Data, AsAt, output);

        Assert.Equal(2, result.Children);
        Assert.Equal(11, result.Counts.Count);
        Assert.Equal(new KeyValuePair<string, long>("List 1 Contacts", 1), result.Counts[0]);
        Assert.Equal(new KeyValuePair<string, long>("List 3 Referrals", 1), result.Counts[2]);
    }

    [Fact]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_is_written_as_text()
    {
        var a = new TestAuthority();
        var child = a.Child("F1", new DateOnly(2018, 1, 1));
        a.EarlyHelp(child, AsAt.AddMonths(-1), organisation: "=HYPERLINK(\"http://x\")");

        var book = XlsxReader.Read(Write(a));

        Assert.Equal("'=HYPERLINK(\"http://x\")", book.Sheets["List 2 Early help"][1][7]!.Text);
    }

    [Fact]
    public void Progress_is_reported_list_by_list()
    {
        var seen = new List<ReturnProgress>();
        using var output = new MemoryStream();

        AnnexAExport.Write(Sample().Data, AsAt, output, new SynchronousProgress(seen.Add));

        Assert.Equal(12, seen.Count);
        Assert.Equal(new ReturnProgress("Annex A", 11, 11), seen[^1]);
    }

    private static TestAuthority Sample()
    {
        var a = new TestAuthority();
        var child = a.Child("C1", new DateOnly(2015, 8, 1), "F", "AIND");
        a.Contact(child, new DateOnly(2025, 5, 2), "6");
        var other = a.Child("C2", new DateOnly(2012, 1, 1));
        a.Referral(other, new DateOnly(2025, 4, 1));
        return a;
    }

    private static byte[] Write(TestAuthority a)
    {
        using var output = new MemoryStream();
        AnnexAExport.Write(a.Data, AsAt, output);
        return output.ToArray();
    }

    private sealed class SynchronousProgress(Action<ReturnProgress> report) : IProgress<ReturnProgress>
    {
        public void Report(ReturnProgress value) => report(value);
    }
}
