using System.Text;
using System.Text.Json;
using Lantern.TestCommon;

namespace Lantern.Cli.Tests;

/// <summary>
/// `lantern validate cin|903`: JSON with the keys the issue names on standard output, exit 0 whether or not rules
/// are broken, each row with --detail, older files judged in their own year's codes, and exit 2 with one message for
/// input that cannot be read.
/// </summary>
public sealed class ValidateCommandsTests(SmallAuthority authority) : IClassFixture<SmallAuthority>, IDisposable
{
    private readonly TestDatabase db = authority.Database;

    private readonly string folder = Directory.CreateTempSubdirectory("lantern-validate-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Lanterns_own_returns_validate_as_JSON_with_every_rule_run_or_skipped_for_a_reason()
    {
        var cin = Path.Combine(folder, "cin.xml");
        Assert.Equal(0, (await CliRunner.RunAsync("export", "cin", "--db", db.Target, "--year", "2025", "--out", cin)).ExitCode);
        var result = await CliRunner.RunAsync("validate", "cin", cin);
        Assert.True(result.ExitCode == 0, result.Output);
        using (var json = JsonDocument.Parse(result.Output))
        {
            var root = json.RootElement;
            Assert.Equal(109, root.GetProperty("rules_run").GetInt32() + root.GetProperty("rules_skipped").GetArrayLength());
            Assert.True(root.GetProperty("rules_run").GetInt32() >= 100);
            Assert.Equal(JsonValueKind.Array, root.GetProperty("issues").ValueKind);
            Assert.Equal("2024-25", root.GetProperty("year").GetString());
        }

        var ssda903 = Path.Combine(folder, "903");
        Assert.Equal(0, (await CliRunner.RunAsync("export", "903", "--db", db.Target, "--year", "2025", "--out", ssda903)).ExitCode);
        result = await CliRunner.RunAsync("validate", "903", ssda903, "--year", "2025", "--detail");
        Assert.True(result.ExitCode == 0, result.Output);
        using (var json = JsonDocument.Parse(result.Output))
        {
            var root = json.RootElement;
            Assert.Equal(311, root.GetProperty("rules_run").GetInt32() + root.GetProperty("rules_skipped").GetArrayLength());
            var reasons = root.GetProperty("skipped_reasons");
            foreach (var code in root.GetProperty("rules_skipped").EnumerateArray())
            {
                Assert.False(string.IsNullOrEmpty(reasons.GetProperty(code.GetString()!).GetString()));
            }

            // The previous year's return in previous/ is used: no rule is skipped for the want of it.
            Assert.DoesNotContain(reasons.EnumerateObject(), r => r.Value.GetString()!.Contains("previous year", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Issues_count_rows_and_children_and_detail_names_each_child_table_line_and_field()
    {
        var dir = Write903("sexes", """
            CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
            A1,M,01/01/2012,WBRI,UN1,,
            A2,1,01/01/2012,WBRI,UN1,,
            A3,X,01/01/2012,WBRI,UN1,,
            """);
        var result = await CliRunner.RunAsync("validate", "903", dir, "--year", "2026", "--detail");
        Assert.True(result.ExitCode == 0, result.Output);
        using var json = JsonDocument.Parse(result.Output);
        var issue = json.RootElement.GetProperty("issues").EnumerateArray().Single(i => i.GetProperty("rule").GetString() == "101");
        Assert.Equal(2, issue.GetProperty("rows").GetInt32());
        Assert.Equal(2, issue.GetProperty("children").GetInt32());
        Assert.Equal("error", issue.GetProperty("type").GetString());
        var details = issue.GetProperty("details").EnumerateArray().ToList();
        Assert.Equal(["A2", "A3"], details.Select(d => d.GetProperty("child").GetString()));
        Assert.Equal([3, 4], details.Select(d => d.GetProperty("line").GetInt32()));
        Assert.All(details, d => Assert.Equal("SEX", Assert.Single(d.GetProperty("fields").EnumerateArray()).GetString()));
        Assert.All(details, d => Assert.Equal("Header", d.GetProperty("table").GetString()));
    }

    [Fact]
    public async Task An_older_file_is_judged_in_its_own_years_codes()
    {
        var dir = Write903("older", """
            CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
            A1,1,01/01/2012,WBRI,UN1,,
            A2,2,01/01/2012,WBRI,UN1,0,
            """);
        File.WriteAllText(Path.Combine(dir, "episodes.csv"), "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\nA1,01/06/2023,S,C2,N1,U1,PR1,,,,DN31,DN32,SC000001\r\n");
        var inferred = await CliRunner.RunAsync("validate", "903", dir);
        Assert.True(inferred.ExitCode == 0, inferred.Output);
        using (var json = JsonDocument.Parse(inferred.Output))
        {
            Assert.Equal("2023-24", json.RootElement.GetProperty("year").GetString());
            Assert.DoesNotContain(json.RootElement.GetProperty("issues").EnumerateArray(), i => i.GetProperty("rule").GetString() == "101");
        }

        var asThisYear = await CliRunner.RunAsync("validate", "903", dir, "--year", "2026");
        using (var json = JsonDocument.Parse(asThisYear.Output))
        {
            Assert.Contains(json.RootElement.GetProperty("issues").EnumerateArray(), i => i.GetProperty("rule").GetString() == "101");
        }
    }

    [Fact]
    public async Task Unreadable_input_gets_one_message_and_exit_2()
    {
        var notXml = Path.Combine(folder, "not.xml");
        await File.WriteAllTextAsync(notXml, "this is not xml", TestContext.Current.CancellationToken);
        var binary = Directory.CreateDirectory(Path.Combine(folder, "binary")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(binary, "header.csv"), [0, 1, 2, 0, 255, 0, 7], TestContext.Current.CancellationToken);
        var unknown = Write903("unknown", "NAME,AGE\r\nA,1");
        var valid = Write903("valid", "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,M,01/01/2012,WBRI,UN1,,");
        var cases = new (string[] Args, string Says)[]
        {
            (["validate", "cin", Path.Combine(folder, "missing.xml")], "There is no file"),
            (["validate", "cin", folder], "is a folder"),
            (["validate", "cin", notXml], "not well-formed XML"),
            (["validate", "903", Path.Combine(folder, "missing")], "There is no folder"),
            (["validate", "903", notXml], "is a file"),
            (["validate", "903", binary], "header.csv"),
            (["validate", "903", unknown], "header.csv"),
            (["validate", "903", unknown, "--year", "twenty"], "--year"),
            (["validate", "903", valid, "--previous", Path.Combine(folder, "nowhere")], "There is no folder"),
            (["validate", "cin"], "PATH"),
        };
        foreach (var (args, says) in cases)
        {
            var result = await CliRunner.RunAsync(args);
            Assert.True(result.ExitCode == 2, string.Join(' ', args) + ": " + result.Output);
            Assert.Contains(says, result.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        }
    }

    private string Write903(string name, string header)
    {
        var dir = Directory.CreateDirectory(Path.Combine(folder, name)).FullName;
        File.WriteAllText(Path.Combine(dir, "header.csv"), header.Replace("\n", "\r\n", StringComparison.Ordinal), new UTF8Encoding(false));
        return dir;
    }
}
