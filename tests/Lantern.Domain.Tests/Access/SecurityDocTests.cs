using System.Text;
using Lantern.Domain.Access;
using Xunit;

namespace Lantern.Domain.Tests.Access;

/// <summary>
/// docs/security.md prints the role matrix for the data protection officer. These tests parse that
/// table and hold it equal to <see cref="AccessMatrix"/>, so the document cannot drift from the code.
/// When the matrix changes, paste the table from the failure message into the document.
/// </summary>
public class SecurityDocTests
{
    /// <summary>The columns of the table, in order, and the permission each stands for.</summary>
    private static readonly (string Heading, Permission Permission)[] Columns =
    [
        ("Find children", Permission.FindChildren),
        ("Open records", Permission.ViewChildRecords),
        ("Break the glass", Permission.BreakGlass),
        ("Numbers only", Permission.ViewAggregates),
        ("Record audit", Permission.ViewRecordAudit),
        ("Access alerts", Permission.ViewAccessAlerts),
        ("Team break-glass", Permission.ViewTeamBreakGlass),
        ("Manage accounts", Permission.ManageAccounts),
        ("Audit trail", Permission.ViewAuditTrail),
        ("Record contacts", Permission.RecordContacts),
        ("Record casework", Permission.RecordCasework),
        ("Authorise", Permission.AuthoriseCasework),
        ("Team work", Permission.ViewTeamWork),
        ("Allocate", Permission.AllocateWork),
        ("Supervision", Permission.RecordSupervision),
        ("Standards", Permission.SetWorkforceStandards),
        ("Targets", Permission.SetIndicatorTargets),
        ("Benchmarks", Permission.LoadBenchmarks),
        ("Export returns", Permission.ExportReturns),
        ("Import returns", Permission.ImportReturns),
    ];

    private static string Header => "| Role | " + string.Join(" | ", Columns.Select(c => c.Heading)) + " |";

    /// <summary>The table as it should appear in the document, generated from the matrix.</summary>
    private static string ExpectedTable()
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        text.Append('|').Append(string.Concat(Enumerable.Repeat("---|", Columns.Length + 1))).Append('\n');
        foreach (var role in AccessMatrix.Roles)
        {
            text.Append("| ").Append(AccessMatrix.Title(role)).Append(" |");
            foreach (var (_, permission) in Columns)
            {
                text.Append(AccessMatrix.Allows(role, permission) ? " yes |" : " |");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lantern.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Lantern.slnx above {AppContext.BaseDirectory}");
    }

    private static async Task<string[]> DocLinesAsync()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "security.md");
        Assert.True(File.Exists(path), $"{path} is missing");
        var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        return text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
    }

    private static string[] Cells(string line)
    {
        var trimmed = line.Trim();
        Assert.True(trimmed.StartsWith('|') && trimmed.EndsWith('|'), $"not a table row: {line}");
        return [.. trimmed[1..^1].Split('|').Select(c => c.Trim())];
    }

    /// <summary>The rows of the matrix table in the document (after the header and the rule).</summary>
    private static async Task<List<string[]>> DocRowsAsync()
    {
        var lines = await DocLinesAsync();
        var headerCells = Cells(Header);
        var headers = Enumerable.Range(0, lines.Length)
            .Where(i => lines[i].TrimStart().StartsWith('|') && Cells(lines[i]).SequenceEqual(headerCells))
            .ToList();
        Assert.True(headers.Count == 1, $"docs/security.md should have the matrix table once (it has it {headers.Count} times), headed:\n{Header}");
        var rule = Cells(lines[headers[0] + 1]);
        Assert.Equal(Columns.Length + 1, rule.Length);
        Assert.All(rule, c => Assert.Matches("^:?-{3,}:?$", c));
        return [.. lines.Skip(headers[0] + 2).TakeWhile(l => l.TrimStart().StartsWith('|')).Select(Cells)];
    }

    [Fact]
    public void The_table_has_a_column_for_every_permission()
    {
        Assert.Equal(Enum.GetValues<Permission>().Order(), Columns.Select(c => c.Permission).Order());
    }

    [Fact]
    public async Task The_matrix_table_in_docs_security_md_equals_AccessMatrix()
    {
        var rows = await DocRowsAsync();
        var byTitle = AccessMatrix.Roles.ToDictionary(AccessMatrix.Title, StringComparer.Ordinal);
        var problems = new List<string>();
        var seen = new HashSet<StaffRole>();
        foreach (var row in rows)
        {
            if (row.Length != Columns.Length + 1)
            {
                problems.Add($"row '{string.Join(" | ", row)}' has {row.Length} cells, not {Columns.Length + 1}");
                continue;
            }

            if (!byTitle.TryGetValue(row[0], out var role))
            {
                problems.Add($"'{row[0]}' is not the title of a role");
                continue;
            }

            if (!seen.Add(role))
            {
                problems.Add($"'{row[0]}' appears twice");
            }

            for (int i = 0; i < Columns.Length; i++)
            {
                var cell = row[i + 1];
                if (cell is not ("yes" or ""))
                {
                    problems.Add($"{row[0]} / {Columns[i].Heading}: '{cell}' should be 'yes' or blank");
                }
                else if ((cell == "yes") != AccessMatrix.Allows(role, Columns[i].Permission))
                {
                    problems.Add($"{row[0]} / {Columns[i].Heading}: the document says '{cell}', the code says {(AccessMatrix.Allows(role, Columns[i].Permission) ? "yes" : "no")}");
                }
            }
        }

        problems.AddRange(AccessMatrix.Roles.Where(r => !seen.Contains(r)).Select(r => $"'{AccessMatrix.Title(r)}' is missing"));
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n\nThe table should read:\n\n" + ExpectedTable());
    }

    [Fact]
    public async Task The_matrix_table_lists_the_roles_in_the_order_of_the_code()
    {
        var rows = await DocRowsAsync();
        Assert.Equal(AccessMatrix.Roles.Select(AccessMatrix.Title), rows.Select(r => r[0]));
    }

    [Theory]
    [InlineData("lantern audit verify --db")]
    [InlineData("Lantern:Access:AlertThreshold")]
    [InlineData("Lantern:Access:AlertWindowMinutes")]
    [InlineData("Lantern:Oidc")]
    [InlineData("[c]")]
    [InlineData("until the end of the day")]
    [InlineData("SHA-256")]
    public async Task The_document_names_the_settings_and_commands_it_describes(string text)
    {
        var doc = string.Join("\n", await DocLinesAsync());
        Assert.Contains(text, doc, StringComparison.Ordinal);
    }
}
