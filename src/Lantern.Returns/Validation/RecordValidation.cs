using System.Text;
using Lantern.Data;
using Lantern.Domain.Model;
using Lantern.Returns.Cin;
using Lantern.Returns.Jobs;
using Lantern.Returns.Ssda903;
using Lantern.Returns.Validation.Cin;

namespace Lantern.Returns.Validation;

/// <summary>One rule one child's record breaks in a return made from the live record.</summary>
public sealed record ChildIssue(long ChildId, ReturnKind Return, RuleInfo Rule, string Table, IReadOnlyList<string> Fields, string? Unreadable);

/// <summary>The live record validated as a collection year's returns would be.</summary>
public sealed record RecordValidationResult(CollectionYear Year, ValidationReport Cin, ValidationReport Ssda903, IReadOnlyList<ChildIssue> Issues);

/// <summary>
/// Validates the live record: the CIN census and SSDA903 (with the previous year's, for the rules comparing years) of
/// a collection year are made from the record exactly as an export would make them, then every rule runs on them, and
/// each row that breaks a rule is traced back to the child whose record it came from.
/// </summary>
public static class RecordValidation
{
    /// <summary>The lists of the record the two returns are made from.</summary>
    public static IReadOnlyList<Type> Tables { get; } =
        [.. (ReturnJobs.TablesFor(ReturnJobKind.CinExport) ?? []).Concat(ReturnJobs.TablesFor(ReturnJobKind.Ssda903Export) ?? []).Distinct()];

    public static RecordValidationResult Validate(AuthorityData data, CollectionYear year)
    {
        ArgumentNullException.ThrowIfNull(data);
        var cin = ReturnValidator.Validate(CinFromRecord(data, year));
        var ssda903 = ReturnValidator.Validate(Ssda903FromRecord(data, year));
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var child in data.Children)
        {
            if (child.LaChildId is { } la)
            {
                ids.TryAdd(la, child.Id);
            }
        }

        var issues = new List<ChildIssue>();
        foreach (var report in new[] { cin, ssda903 })
        {
            foreach (var issue in report.Issues)
            {
                foreach (var row in issue.Details)
                {
                    // Rows of the previous year's return are that year's business, not this one's.
                    if (row.Child is { } key && !row.Table.EndsWith("_last", StringComparison.Ordinal) && ids.TryGetValue(key, out var id))
                    {
                        issues.Add(new ChildIssue(id, report.Kind, issue.Rule, row.Table, row.Fields, row.Unreadable));
                    }
                }
            }
        }

        return new RecordValidationResult(year, cin, ssda903, issues);
    }

    /// <summary>The CIN census of <paramref name="year"/> from the record, as its export writes it.</summary>
    public static ReturnData CinFromRecord(AuthorityData data, CollectionYear year)
    {
        using var stream = new MemoryStream();
        CinCensusExport.Write(data, year, stream);
        stream.Position = 0;
        using var text = new StreamReader(stream, Encoding.UTF8);
        return CinReturnReader.Read(text, "CIN census " + year.Label, year);
    }

    /// <summary>The SSDA903 return of <paramref name="year"/> from the record, with the previous year's as "_last" tables.</summary>
    public static ReturnData Ssda903FromRecord(AuthorityData data, CollectionYear year)
    {
        var current = Ssda903Tables(data, year);
        if (year.EndYear > CollectionYear.Earliest)
        {
            current.AddPrevious(Ssda903Tables(data, year.Previous));
        }

        return current;
    }

    private static ReturnData Ssda903Tables(AuthorityData data, CollectionYear year)
    {
        var projection = new Ssda903Projection(data, year);
        var tables = new List<RuleTable>();
        foreach (var table in projection.Tables)
        {
            var builder = new TableBuilder(table.Name, table.FileName, "CHILD", table.ColumnNames);
            long line = 1;
            foreach (var row in projection.Rows(table))
            {
                builder.Add(++line, row);
            }

            tables.Add(builder.Build());
        }

        var council = data.Authorities.OrderBy(a => a.Id).FirstOrDefault()?.Code;
        return new ReturnData(ReturnKind.Ssda903, year, tables) { LocalAuthority = council is { Length: 3 } ? council : null };
    }
}
