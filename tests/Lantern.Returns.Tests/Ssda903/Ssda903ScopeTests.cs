using Lantern.Domain.Model;
using Lantern.Returns.Ssda903;
using Xunit;
using static Lantern.Returns.Tests.Ssda903.Build;

namespace Lantern.Returns.Tests.Ssda903;

/// <summary>Who is in each table of the 2025-26 return (1 April 2025 to 31 March 2026), and why.</summary>
public sealed class Ssda903ScopeTests : IDisposable
{
    private static readonly CollectionYear Year = new(2026);
    private readonly TempFolder _folder = new();
    private readonly Build _b = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_child_looked_after_across_the_year_start_is_in_header_and_episodes_with_each_episode_open_in_the_year()
    {
        var c = _b.Child("ACROSS", D(2012, 5, 1));
        _b.Episode(c, D(2022, 1, 10), D(2024, 6, 1), rec: "X1");
        _b.Episode(c, D(2024, 6, 1), D(2025, 7, 1), rne: "P", rec: "X1");
        _b.Episode(c, D(2025, 7, 1), rne: "P");

        var dir = Export();

        Assert.Equal(["ACROSS"], Csv.Children(Path.Combine(dir, "header.csv")));
        var episodes = Csv.Rows(Path.Combine(dir, "episodes.csv"));
        Assert.Equal(["01/06/2024", "01/07/2025"], episodes.Select(e => e["DECOM"]));
        Assert.Equal(["01/07/2025", ""], episodes.Select(e => e["DEC"]));
    }

    [Fact]
    public void A_child_who_left_care_before_the_year_is_not_in_the_return_and_one_who_left_on_1_April_is()
    {
        var before = _b.Child("BEFORE", D(2010, 1, 1));
        _b.Episode(before, D(2023, 1, 1), D(2025, 3, 31));
        var first = _b.Child("FIRSTDAY", D(2010, 1, 1));
        _b.Episode(first, D(2023, 1, 1), D(2025, 4, 1));

        var dir = Export();

        Assert.Equal(["FIRSTDAY"], Csv.Children(Path.Combine(dir, "header.csv")));
        Assert.Equal(["FIRSTDAY"], Csv.Children(Path.Combine(dir, "episodes.csv")));
    }

    [Fact]
    public void An_end_after_31_March_is_not_known_at_the_year_end_and_is_written_blank_with_its_reason()
    {
        var c = _b.Child("LATER", D(2010, 1, 1));
        _b.Episode(c, D(2025, 6, 1), D(2026, 5, 1), rec: "E4A");

        var episode = Assert.Single(Csv.Rows(Path.Combine(Export(), "episodes.csv")));

        Assert.Equal("", episode["DEC"]);
        Assert.Equal("", episode["REC"]);
    }

    [Fact]
    public void A_care_leaver_with_a_19th_birthday_in_the_year_is_in_OC3_and_header_from_the_contact_nearest_the_birthday()
    {
        var leaver = _b.Child("LEAVER", D(2006, 9, 10));
        _b.Episode(leaver, D(2020, 1, 1), D(2024, 9, 10), rec: "E5");
        _b.Contact(leaver, D(2025, 6, 1), activity: "G5");
        _b.Contact(leaver, D(2025, 9, 1), activity: "F4");
        var noContact = _b.Child("NOCONTACT", D(2006, 10, 10));
        _b.Episode(noContact, D(2020, 1, 1), D(2024, 10, 10), rec: "E5");
        _b.Contact(noContact, D(2025, 2, 1));

        var dir = Export();

        var oc3 = Assert.Single(Csv.Rows(Path.Combine(dir, "oc3.csv")));
        Assert.Equal("LEAVER", oc3["CHILD"]);
        Assert.Equal("F4", oc3["ACTIV"]);
        Assert.Equal(["LEAVER"], Csv.Children(Path.Combine(dir, "header.csv")));
        Assert.Empty(Csv.Rows(Path.Combine(dir, "episodes.csv")));
    }

    [Fact]
    public void A_17_year_old_still_looked_after_on_the_birthday_is_not_a_care_leaver()
    {
        var c = _b.Child("STILLIN", D(2008, 8, 1));
        _b.Episode(c, D(2020, 1, 1));
        _b.Contact(c, D(2025, 8, 1));

        var dir = Export();

        Assert.Empty(Csv.Rows(Path.Combine(dir, "oc3.csv")));
        Assert.Equal(["STILLIN"], Csv.Children(Path.Combine(dir, "header.csv")));
    }

    [Fact]
    public void An_adopted_child_is_in_AD1_and_placed_for_adoption()
    {
        var c = _b.Child("ADOPTED", D(2021, 3, 3), "F");
        _b.Episode(c, D(2022, 1, 1), D(2025, 10, 1), place: "A6", ls: "E1", rec: "E11");
        _b.Adoption(c, D(2023, 5, 1), match: D(2025, 5, 1));
        var notYet = _b.Child("WAITING", D(2021, 4, 4));
        _b.Episode(notYet, D(2022, 1, 1), ls: "E1");
        _b.Adoption(notYet, D(2024, 2, 1));

        var dir = Export();

        var ad1 = Assert.Single(Csv.Rows(Path.Combine(dir, "ad1.csv")));
        Assert.Equal("ADOPTED", ad1["CHILD"]);
        Assert.Equal("01/05/2025", ad1["DATE_MATCH"]);
        Assert.Equal("01/04/2025", ad1["DATE_INT"]);
        Assert.Equal(["ADOPTED", "WAITING"], Csv.Children(Path.Combine(dir, "placed_for_adoption.csv")));
    }

    [Fact]
    public void Short_breaks_are_returned_as_episodes_but_a_child_on_short_breaks_alone_has_no_OC2()
    {
        var c = _b.Child("BREAKS", D(2012, 1, 1));
        _b.Episode(c, D(2025, 1, 1), D(2025, 12, 31), ls: "V4", place: "R1");
        _b.Outcome(c, 2026);
        var whole = _b.Child("WHOLEYEAR", D(2012, 1, 1));
        _b.Episode(whole, D(2024, 1, 1));
        _b.Outcome(whole, 2026);
        var gap = _b.Child("GAP", D(2012, 1, 1));
        _b.Episode(gap, D(2024, 1, 1), D(2025, 6, 1));
        _b.Episode(gap, D(2025, 6, 5));
        _b.Outcome(gap, 2026);

        var dir = Export();

        Assert.Equal(["BREAKS", "GAP", "GAP", "WHOLEYEAR"], Csv.Children(Path.Combine(dir, "episodes.csv")));
        Assert.Equal(["WHOLEYEAR"], Csv.Children(Path.Combine(dir, "oc2.csv")));
    }

    [Fact]
    public void OC2_health_items_come_from_the_checks_in_the_year_and_health_promotion_only_for_under_5s()
    {
        var young = _b.Child("YOUNG", D(2022, 1, 1));
        _b.Episode(young, D(2023, 1, 1));
        _b.Outcome(young, 2026);
        _b.Check(young, D(2025, 9, 1), HealthCheckKind.ReviewHealthAssessment);
        var older = _b.Child("OLDER", D(2012, 1, 1));
        _b.Episode(older, D(2023, 1, 1));
        _b.Outcome(older, 2026);
        _b.Check(older, D(2025, 3, 1), HealthCheckKind.ReviewHealthAssessment);
        _b.Check(older, D(2025, 9, 1), HealthCheckKind.DentalCheck);

        var rows = Csv.Rows(Path.Combine(Export(), "oc2.csv")).ToDictionary(r => r["CHILD"]);

        Assert.Equal(("1", "1", "0"), (rows["YOUNG"]["HEALTH_CHECK"], rows["YOUNG"]["HEALTH_ASSESSMENT"], rows["YOUNG"]["TEETH_CHECK"]));
        Assert.Equal(("", "0", "1"), (rows["OLDER"]["HEALTH_CHECK"], rows["OLDER"]["HEALTH_ASSESSMENT"], rows["OLDER"]["TEETH_CHECK"]));
    }

    [Fact]
    public void Reviews_missing_episodes_and_social_worker_episodes_are_those_of_the_year()
    {
        var c = _b.Child("RECORDS", D(2012, 1, 1));
        _b.Episode(c, D(2024, 1, 1));
        _b.Review(c, D(2025, 3, 30));
        _b.Review(c, D(2025, 9, 30));
        _b.Missing(c, D(2025, 3, 30), D(2025, 4, 2));
        _b.Missing(c, D(2026, 3, 30), D(2026, 4, 2));
        _b.Allocation(c, D(2023, 1, 1), D(2025, 3, 31));
        _b.Allocation(c, D(2025, 3, 31), D(2025, 6, 1));
        _b.Allocation(c, D(2025, 6, 1));

        var dir = Export();

        Assert.Equal(["30/09/2025"], Csv.Rows(Path.Combine(dir, "reviews.csv")).Select(r => r["REVIEW"]));
        var missing = Assert.Single(Csv.Rows(Path.Combine(dir, "missing.csv")));
        Assert.Equal(("30/03/2026", ""), (missing["MIS_START"], missing["MIS_END"]));
        var sw = Csv.Rows(Path.Combine(dir, "sw_episodes.csv"));
        Assert.Equal(["31/03/2025", "01/06/2025"], sw.Select(r => r["SW_DECOM"]));
        Assert.All(sw, r => Assert.Equal("SW0001", r["SW_ID"]));
    }

    [Fact]
    public void UASC_and_previous_permanence_are_for_the_children_they_apply_to()
    {
        var uasc = _b.Child("UASC1", D(2009, 1, 1));
        uasc.IsUnaccompaniedAsylumSeeking = true;
        uasc.UascCeasedDate = D(2027, 1, 1);
        _b.Episode(uasc, D(2025, 5, 1), ls: "V2");
        var started = _b.Child("STARTED", D(2015, 1, 1));
        _b.Episode(started, D(2025, 5, 1));
        _b.Permanence(started);
        var earlier = _b.Child("EARLIER", D(2015, 1, 1));
        _b.Episode(earlier, D(2024, 5, 1));
        _b.Permanence(earlier);

        var dir = Export();

        var row = Assert.Single(Csv.Rows(Path.Combine(dir, "uasc.csv")));
        Assert.Equal(("UASC1", ""), (row["CHILD"], row["DUC"]));
        var perm = Assert.Single(Csv.Rows(Path.Combine(dir, "prev_perm.csv")));
        Assert.Equal(("STARTED", "P2", "zz/06/2019"), (perm["CHILD"], perm["PREV_PERM"], perm["DATE_PERM"]));
    }

    [Fact]
    public void Rows_are_in_CHILD_order_then_date_whatever_order_the_record_holds_them_in()
    {
        var z = _b.Child("Z9", D(2012, 1, 1));
        var a = _b.Child("A1", D(2012, 1, 1));
        _b.Episode(z, D(2025, 8, 1));
        _b.Episode(a, D(2025, 9, 1), rne: "P");
        _b.Episode(a, D(2025, 4, 5), D(2025, 9, 1), rec: "X1");

        var dir = Export();

        Assert.Equal(["A1", "Z9"], Csv.Children(Path.Combine(dir, "header.csv")));
        Assert.Equal(["05/04/2025", "01/09/2025", "01/08/2025"], Csv.Rows(Path.Combine(dir, "episodes.csv")).Select(r => r["DECOM"]));
    }

    private string Export()
    {
        var dir = _folder.Sub("out");
        Ssda903Export.Write(_b.Data, Year, dir);
        return dir;
    }
}
