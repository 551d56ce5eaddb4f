using System.Security.Cryptography;
using System.Text;
using Lantern.Domain.Model;
using Lantern.Metrics;

namespace Lantern.Synthetic.Tests;

public sealed class GeneratorTests
{
    private static readonly GeneratorOptions Small = new()
    {
        Population = 6_000,
        From = new DateOnly(2019, 4, 1),
        To = new DateOnly(2021, 3, 31),
    };

    [Fact]
    public void Same_seed_gives_the_same_authority()
    {
        var a = SyntheticAuthority.Generate(Small);
        var b = SyntheticAuthority.Generate(Small);

        Assert.Equal(a.Data.TotalRecords, b.Data.TotalRecords);
        Assert.Equal(Fingerprint(a.Data), Fingerprint(b.Data));
        Assert.Equal(a.Defects, b.Defects);
    }

    [Fact]
    public void A_different_seed_gives_a_different_authority()
    {
        var a = SyntheticAuthority.Generate(Small);
        var b = SyntheticAuthority.Generate(Small with { Seed = 7 });

        Assert.NotEqual(Fingerprint(a.Data), Fingerprint(b.Data));
    }

    [Fact]
    public void Defects_off_injects_none_and_on_injects_some()
    {
        var off = SyntheticAuthority.Generate(Small with { Defects = false });
        var on = SyntheticAuthority.Generate(Small);

        Assert.Empty(off.Defects);
        Assert.DoesNotContain(off.Data.Children, c => c.Ethnicity.Code == "NOBT");
        Assert.NotEmpty(on.Defects);
        Assert.Contains(on.Defects, d => d.Kind == "primary-need-missing");
        // Every injected defect is on a real child.
        var ids = on.Data.Children.Select(c => c.Id).ToHashSet();
        Assert.All(on.Defects, d => Assert.Contains(d.ChildId, ids));
    }

    [Fact]
    public void Every_late_case_note_is_a_logged_defect_and_none_is_late_with_defects_off()
    {
        static HashSet<long> LateNoteChildren(GenerationResult r) =>
            r.Data.CaseNotes.Where(n => DateOnly.FromDateTime(n.RecordedAt).DayNumber - n.EventDate.DayNumber > 14).Select(n => n.ChildId).ToHashSet();

        var on = SyntheticAuthority.Generate(Small);
        var late = LateNoteChildren(on);
        var logged = on.Defects.Where(d => d.Kind == "case-note-late").Select(d => d.ChildId).ToHashSet();

        Assert.NotEmpty(late);
        Assert.True(late.SetEquals(logged), $"{late.Except(logged).Count()} children with late notes not logged; {logged.Except(late).Count()} logged without a late note");
        Assert.Empty(LateNoteChildren(SyntheticAuthority.Generate(Small with { Defects = false })));
    }

    [Fact]
    public void Care_leaver_contacts_and_personal_advisers_follow_the_same_eligibility()
    {
        var d = SyntheticAuthority.Generate(Small).Data;
        var advisers = d.Workers.Where(w => w.Role == WorkerRole.PersonalAdviser).Select(w => w.Id).ToHashSet();
        var withAdviser = d.Allocations.Where(a => advisers.Contains(a.WorkerId)).Select(a => a.ChildId).ToHashSet();
        var withContact = d.CareLeaverContacts.Select(c => c.ChildId).ToHashSet();
        var children = d.Children.ToDictionary(c => c.Id);

        Assert.NotEmpty(withContact);
        // Everyone with a care-leaver contact left care at 16 or over, after 13 weeks since 14, to a leaving reason.
        foreach (var id in withContact)
        {
            var dob = children[id].DateOfBirth!.Value;
            Assert.Contains(d.CareEpisodes, e => e.ChildId == id && e.EndDate is { } end && end >= dob.AddYears(16)
                && e.ReasonEnded is { Code: "E17" or "E5" or "E6" or "E8" });
        }

        // And every one of them had a personal adviser allocated.
        Assert.Empty(withContact.Except(withAdviser));
    }

    [Fact]
    public void Records_never_fall_after_the_end_date_and_ids_are_unique()
    {
        var result = SyntheticAuthority.Generate(Small);
        var d = result.Data;
        var to = Small.To;

        Assert.All(d.Referrals, r => Assert.True(r.ReferralDate <= to && (r.ClosureDate is null || r.ClosureDate <= to)));
        Assert.All(d.CareEpisodes, e => Assert.True(e.StartDate <= to && (e.EndDate is null || (e.EndDate <= to && e.EndDate >= e.StartDate))));
        Assert.All(d.Conferences, c => Assert.True(c.Date <= to));
        Assert.All(d.Visits, v => Assert.True(v.Date <= to));
        Assert.Equal(d.Children.Count, d.Children.Select(c => c.Id).Distinct().Count());
        Assert.Equal(d.CareEpisodes.Count, d.CareEpisodes.Select(c => c.Id).Distinct().Count());
        Assert.Equal(d.Allocations.Count, d.Allocations.Select(c => c.Id).Distinct().Count());
        Assert.Equal(d.Children.Count, d.Children.Select(c => c.LaChildId).Distinct().Count());
    }

    [Fact]
    public void Each_child_has_at_most_one_open_care_episode_and_no_overlaps()
    {
        var d = SyntheticAuthority.Generate(Small).Data;
        foreach (var group in d.CareEpisodes.GroupBy(e => e.ChildId))
        {
            var episodes = group.OrderBy(e => e.StartDate).ToList();
            for (var i = 1; i < episodes.Count; i++)
            {
                Assert.NotNull(episodes[i - 1].EndDate);
                Assert.True(episodes[i - 1].EndDate <= episodes[i].StartDate, $"Child {group.Key}: episodes overlap");
            }
        }
    }

    [Fact]
    public void Demand_concentrates_in_the_deprived_wards()
    {
        var d = SyntheticAuthority.Generate(Small).Data;
        var decile = d.Wards.ToDictionary(w => w.Name, w => w.DeprivationDecile);
        var population = d.Population.Where(p => p.Year == 2020).GroupBy(p => decile[p.Ward] <= 2).ToDictionary(g => g.Key, g => g.Sum(p => p.Count));
        var children = d.Children.ToDictionary(c => c.Id);
        var referrals = d.Referrals.GroupBy(r => decile[children[r.ChildId].Ward!] <= 2).ToDictionary(g => g.Key, g => g.Count());

        var deprivedRate = referrals[true] / (double)population[true];
        var otherRate = referrals[false] / (double)population[false];
        Assert.True(deprivedRate > 2 * otherRate, $"deprived {deprivedRate:P1} vs other {otherRate:P1}");
    }

    [Theory]
    [InlineData("xyz", 2015, 2016, null, "Unknown profile")]
    [InlineData("nel", 2016, 2015, null, "end date")]
    [InlineData("nel", 2015, 2016, 0L, "at least 1")]
    public void Bad_options_are_refused_with_a_clear_message(string profile, int from, int to, long? population, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => SyntheticAuthority.Generate(new GeneratorOptions
        {
            Profile = profile,
            From = new DateOnly(from, 4, 1),
            To = new DateOnly(to, 3, 31),
            Population = population,
        }));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_profile_reproduces_the_calibration_targets()
    {
        var result = SyntheticAuthority.Generate(new GeneratorOptions());
        var checks = Calibration.Check(result.Data);

        var failures = checks.Where(c => !c.Within).Select(c => $"{c.Measure} at {c.AsAt}: target {c.Target}, measured {c.Measured}").ToList();
        Assert.True(failures.Count == 0, string.Join("; ", failures));
        Assert.InRange(HeadlineStats.Compute(result.Data, new DateOnly(2020, 3, 31)).Population0To17, 33_000, 35_000);
    }

    [Fact]
    public void Some_children_have_had_many_social_workers()
    {
        var d = SyntheticAuthority.Generate(Small).Data;
        var changes = d.Allocations.GroupBy(a => a.ChildId).Max(g => g.Count());
        Assert.True(changes >= 5, $"the most social workers any child had was {changes}");
    }

    /// <summary>A hash of every record's values, in order.</summary>
    private static string Fingerprint(AuthorityData data)
    {
        var sb = new StringBuilder();
        foreach (var list in new System.Collections.IEnumerable[]
        {
            data.Children, data.Contacts, data.Referrals, data.Assessments, data.Section47s, data.Conferences, data.ProtectionPlans,
            data.CareEpisodes, data.CareReviews, data.Visits, data.Allocations, data.Workers, data.CaseNotes, data.Supervisions,
        })
        {
            foreach (var item in list)
            {
                foreach (var prop in item.GetType().GetProperties())
                {
                    var value = prop.GetValue(item);
                    sb.Append(value is System.Collections.IEnumerable e and not string ? string.Join(",", e.Cast<object>()) : value).Append('|');
                }

                sb.Append('\n');
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
