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
    private static readonly Lazy<string> CleanExports = new(() => Export(defects: false));

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

    private static string Export(bool defects)
    {
        var data = SyntheticAuthority.Generate(new GeneratorOptions
        {
            Population = 12_000,
            From = new DateOnly(2019, 4, 1),
            To = new DateOnly(2026, 3, 31),
            Defects = defects,
        }).Data;
        var dir = Directory.CreateTempSubdirectory("lantern-validate-").FullName;
        using (var cin = File.Create(Path.Combine(dir, "cin.xml")))
        {
            CinCensusExport.Write(data, new CollectionYear(2026), cin);
        }

        Ssda903Export.Write(data, new CollectionYear(2026), Path.Combine(dir, "903"));
        return dir;
    }
}
