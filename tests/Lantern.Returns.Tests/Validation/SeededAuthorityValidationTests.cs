using Lantern.Returns.Cin;
using Lantern.Returns.Ssda903;
using Lantern.Returns.Validation;
using Lantern.Returns.Validation.Cin;
using Lantern.Returns.Validation.Ssda903;
using Lantern.Synthetic;
using Xunit;

namespace Lantern.Returns.Tests.Validation;

/// <summary>
/// The synthetic authority's own returns against every rule: with recording defects off, its 2025-26 CIN census and
/// SSDA903 (with the previous year's) break no error rule; queries are allowed (listed in the test output).
/// </summary>
public sealed class SeededAuthorityValidationTests(ITestOutputHelper output)
{
    private static readonly Lazy<string> CleanExports = new(() => Export(defects: false).Folder);

    private static readonly Lazy<(string Folder, GenerationResult Result)> DefectExports = new(() => Export(defects: true));

    /// <summary>Which injected recording defect explains each rule it makes fail (the defects that reach a return).</summary>
    private static readonly Dictionary<string, string> Explains = new(StringComparer.Ordinal)
    {
        ["8610"] = "primary-need-missing",
        ["8897Q"] = "assessment-factors-missing",
        ["8770Q"] = "upn-missing",
        ["392b"] = "placement-postcode-missing",
    };

    /// <summary>
    /// Errors the defects-on authority (a different random course from the clean one) shows on children without an
    /// injected defect, left as known gaps of the generator and named here so that any new one fails: 1001/1002 a
    /// care leaver whose care ended before the two years loaded (the false positive the DfE's note warns of); 217/336
    /// an adoption by foster carers whose previous placement was not foster care; 434 a legal-status change (RNE L)
    /// recorded with a placement change; 442 a looked-after child without a UPN; 516 a special guardianship order to
    /// former foster carers from a placement that was not foster care.
    /// </summary>
    private static readonly HashSet<string> KnownGaps = new(StringComparer.Ordinal) { "1001", "1002", "217", "336", "434", "442", "516" };

    [Fact]
    public void With_defects_on_every_error_is_on_a_child_with_an_injected_defect_that_explains_it()
    {
        var (folder, result) = DefectExports.Value;
        var ids = result.Data.Children.ToDictionary(c => c.LaChildId ?? "", c => c.Id);
        var kinds = result.Defects.GroupBy(d => d.ChildId).ToDictionary(g => g.Key, g => g.Select(d => d.Kind).ToHashSet(StringComparer.Ordinal));
        var cin = ReturnValidator.Validate(CinReturnReader.Read(Path.Combine(folder, "cin.xml"), new CollectionYear(2026), TestContext.Current.CancellationToken));
        var dir = Path.Combine(folder, "903");
        var ssda903Data = Ssda903ReturnReader.Read(dir, new CollectionYear(2026), TestContext.Current.CancellationToken);
        ssda903Data.AddPrevious(Ssda903ReturnReader.Read(Path.Combine(dir, "previous"), new CollectionYear(2025), TestContext.Current.CancellationToken));
        var ssda903 = ReturnValidator.Validate(ssda903Data);

        var unexplained = new List<string>();
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var issue in cin.Issues.Concat(ssda903.Issues))
        {
            var explained = Explains.GetValueOrDefault(issue.Rule.Code);
            foreach (var row in issue.Details.Where(d => d.Child is not null && !d.Table.EndsWith("_last", StringComparison.Ordinal)))
            {
                var has = ids.TryGetValue(row.Child!, out var id) && explained is not null && kinds.GetValueOrDefault(id)?.Contains(explained) == true;
                if (has)
                {
                    found[issue.Rule.Code] = found.GetValueOrDefault(issue.Rule.Code) + 1;
                }
                else if (issue.Rule.Severity == RuleSeverity.Error && !KnownGaps.Contains(issue.Rule.Code))
                {
                    unexplained.Add($"{issue.Rule.Code} {row.Table} line {row.Line} child {row.Child}");
                }
            }
        }

        foreach (var (rule, count) in found)
        {
            output.WriteLine($"{rule}: {count} rows on children with the defect that explains it");
        }

        Assert.True(unexplained.Count == 0, "errors on children without a defect that explains them:\n" + string.Join("\n", unexplained.Take(20)));
        Assert.True(found.GetValueOrDefault("8610") > 0, "no referral without a primary need was found, though the generator injects them");
        Assert.True(found.GetValueOrDefault("8770Q") > 0, "no school-age child without a UPN was found, though the generator injects them");
        Assert.True(found.GetValueOrDefault("8897Q") > 0, "no assessment without factors was found, though the generator injects them");
    }

    [Fact]
    public void Clean_authority_CIN_census_2025_26_breaks_no_error_rule()
    {
        var data = CinReturnReader.Read(Path.Combine(CleanExports.Value, "cin.xml"), new CollectionYear(2026), TestContext.Current.CancellationToken);
        AssertNoErrors(ReturnValidator.Validate(data));
    }

    [Fact]
    public void Clean_authority_SSDA903_2025_26_breaks_no_error_rule()
    {
        var dir = Path.Combine(CleanExports.Value, "903");
        var data = Ssda903ReturnReader.Read(dir, new CollectionYear(2026), TestContext.Current.CancellationToken);
        data.AddPrevious(Ssda903ReturnReader.Read(Path.Combine(dir, "previous"), new CollectionYear(2025), TestContext.Current.CancellationToken));
        AssertNoErrors(ReturnValidator.Validate(data));
    }

    private void AssertNoErrors(ValidationReport report)
    {
        foreach (var issue in report.Issues.Where(i => i.Rule.Severity == RuleSeverity.Query))
        {
            output.WriteLine($"query {issue.Rule.Code}: {issue.Rows} rows, {issue.Children} children ({issue.Rule.Message})");
        }

        var errors = report.Issues.Where(i => i.Rule.Severity == RuleSeverity.Error || i.Unreadable > 0).ToList();
        Assert.True(errors.Count == 0 && report.Failed.Count == 0, string.Join(Environment.NewLine,
            report.Failed.Select(f => $"{f.Code} failed: {f.Reason}").Concat(errors.Select(e =>
                $"{e.Rule.Code}: {e.Rows} rows, {e.Unreadable} unreadable ({e.Rule.Message}); first: "
                + string.Join(" | ", e.Details.Take(3).Select(d => $"{d.Table} line {d.Line} child {d.Child} {d.Unreadable}"))))));
    }

    private static (string Folder, GenerationResult Result) Export(bool defects)
    {
        var result = SyntheticAuthority.Generate(new GeneratorOptions
        {
            Population = 12_000,
            From = new DateOnly(2019, 4, 1),
            To = new DateOnly(2026, 3, 31),
            Defects = defects,
        });
        var data = result.Data;
        var dir = Directory.CreateTempSubdirectory("lantern-validate-").FullName;
        using (var cin = File.Create(Path.Combine(dir, "cin.xml")))
        {
            CinCensusExport.Write(data, new CollectionYear(2026), cin);
        }

        Ssda903Export.Write(data, new CollectionYear(2026), Path.Combine(dir, "903"));
        return (dir, result);
    }
}
