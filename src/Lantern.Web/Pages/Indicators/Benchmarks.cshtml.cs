using System.Text;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Metrics.Indicators;
using Lantern.Web.Govuk;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Indicators;

/// <summary>The statistical-neighbour and regional benchmarks. Everyone who sees the numbers reads
/// and downloads them (as a CSV in the format they are loaded in); a performance analyst or director
/// may load a file (<see cref="BenchmarkCsv"/>, format in docs/indicators.md). A file with any bad
/// line is refused with every problem listed by line and nothing loaded; a good one replaces the
/// benchmarks of the comparators it has rows for, all in one transaction with its audit entry.</summary>
[RequirePermission(Permission.ViewAggregates)]
[RequestSizeLimit(2 * MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * MaxFileBytes)]
public sealed class BenchmarksModel(LanternDbContext db, AuditWriter audit) : PageModel
{
    /// <summary>The largest file accepted: 1 MB, some 15,000 lines, far more than any set of benchmarks.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    public const string FileFieldId = "f-file";

    /// <summary>Problems shown beyond this many are summed up in one line, so the page stays readable.</summary>
    public const int MaxProblemsShown = 100;

    public IReadOnlyList<IndicatorBenchmarkRow> Rows { get; private set; } = [];

    public bool MayLoad => User.Has(Permission.LoadBenchmarks);

    /// <summary>The error next to the file input (the summary lists each problem).</summary>
    public string? FileError { get; private set; }

    public ErrorSummary Errors { get; private set; } = new([]);

    public static string ComparatorName(string comparator) => comparator switch
    {
        Comparisons.StatisticalNeighbours => "Statistical neighbours",
        Comparisons.Region => "Region",
        _ => comparator,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await IndicatorSettings.BenchmarkRowsAsync(db, cancellationToken);
    }

    /// <summary>The loaded benchmarks as a CSV file, ready to edit and load again.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        var text = await IndicatorSettings.BenchmarkCsvAsync(db, cancellationToken);
        await audit.WriteAsync(AuditAction.Export, true, detail: "indicator benchmarks downloaded as CSV", cancellationToken: cancellationToken);
        return File(Encoding.UTF8.GetBytes(text), "text/csv; charset=utf-8", "benchmarks.csv");
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (!MayLoad)
        {
            await audit.WriteAsync(AuditAction.AccessDenied, false, detail: "indicator benchmarks: may not load them", cancellationToken: cancellationToken);
            return Forbid();
        }

        BenchmarkFile? read = null;
        if (file is null || file.Length == 0)
        {
            Refuse(file is null ? "Select a CSV file of benchmarks" : "The selected file is empty");
        }
        else if (file.Length > MaxFileBytes)
        {
            Refuse("The selected file must be smaller than 1 MB");
        }
        else
        {
            await using var stream = file.OpenReadStream();
            read = BenchmarkCsv.Parse(stream);
            if (!read.IsValid)
            {
                var items = read.Problems.Take(MaxProblemsShown).Select(p => new ErrorSummaryItem(p.ToString(), "#" + FileFieldId)).ToList();
                if (read.Problems.Count > MaxProblemsShown)
                {
                    items.Add(new ErrorSummaryItem($"And {read.Problems.Count - MaxProblemsShown:N0} more problems", "#" + FileFieldId));
                }

                Errors = new ErrorSummary(items) { DescriptionText = "Nothing was loaded. Correct these lines and load the file again." };
                FileError = read.Problems.Count == 1 ? "The file has a problem: nothing was loaded" : $"The file has {read.Problems.Count:N0} problems: nothing was loaded";
                ModelState.AddModelError("file", FileError);
            }
        }

        if (read is not { IsValid: true })
        {
            Rows = await IndicatorSettings.BenchmarkRowsAsync(db, cancellationToken);
            return Page();
        }

        var by = User.Identity?.Name ?? "";
        await audit.WriteIndicatorSettingsAsync("indicator_benchmarks", ct => IndicatorSettings.ReplaceBenchmarksAsync(db, read, by, DateTime.UtcNow, ct), cancellationToken);
        TempData["done"] = $"Loaded {read.Summary()}";
        return Redirect("/indicators/benchmarks");
    }

    private void Refuse(string message)
    {
        FileError = message;
        Errors = new ErrorSummary([new ErrorSummaryItem(message, "#" + FileFieldId)]);
        ModelState.AddModelError("file", message);
    }
}
