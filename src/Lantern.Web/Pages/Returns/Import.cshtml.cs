using System.Globalization;
using System.IO.Compression;
using Lantern.Data;
using Lantern.Domain.Access;
using Lantern.Returns.Jobs;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Returns;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lantern.Web.Pages.Returns;

/// <summary>
/// Uploads a return made by another system and queues its import: a CIN census XML file, or the SSDA903
/// files (the CSV files themselves, or a zip of them, or the XML). The upload waits in a private folder
/// until its job ends and is then deleted. A zip is opened here, taking only files at its top level, so a
/// crafted zip cannot write elsewhere or fill the disk.
/// </summary>
[RequirePermission(Permission.ImportReturns)]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class ImportModel(LanternDataOptions options, ReturnJobQueue queue) : PageModel
{
    /// <summary>The largest upload accepted: 1 GiB (a national-size CIN census is some hundreds of megabytes).</summary>
    public const long MaxUploadBytes = 1L << 30;

    /// <summary>The page's path: the request size check lets uploads here go past the usual 1 MB.</summary>
    public const string Path = "/returns/import";

    /// <summary>The most a zip may hold once opened: 4 GiB.</summary>
    public const long MaxUnzippedBytes = 4L << 30;

    public const string FileFieldId = "f-files";

    internal static readonly FieldSpec Return = new("Return", FieldKind.Radios, "Which return?", "the return to import")
    {
        Options =
        [
            new("cin", "CIN census", "One XML file, any year's layout from 2019-20"),
            new("903", "SSDA903 (children looked after)", "The CSV files (select them all), a zip of them, or the XML file; any year's codes"),
        ],
        RequiredMessage = "Select the return to import",
    };

    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);

    public string? FileError { get; private set; }

    public ErrorSummary Errors => ErrorSummary.FromModelState(ModelState, new Dictionary<string, string> { [Return.Name] = Return.FirstInputId, ["files"] = FileFieldId });

    public static string MaxUploadText => "1 GB";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var form = Request.Form.ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString(), StringComparer.Ordinal);
        form.Remove("__RequestVerificationToken");
        var reader = new FormReader(form, ModelState, options.Today, Values);
        var choice = reader.Option(Return);
        files = [.. files.Where(f => f.Length > 0 || f.FileName.Length > 0)];
        if (files.Count == 0)
        {
            FileProblem("Select the file to import");
        }
        else if (files.Any(f => f.Length == 0))
        {
            FileProblem($"{System.IO.Path.GetFileName(files.First(f => f.Length == 0).FileName)} is empty");
        }
        else if (choice == "cin" && (files.Count > 1 || !IsXml(files[0].FileName)))
        {
            FileProblem("Select one XML file for the CIN census");
        }
        else if (choice == "903" && files.Any(f => !(IsCsv(f.FileName) || IsXml(f.FileName) || IsZip(f.FileName))))
        {
            FileProblem("The SSDA903 files must be CSV files, a zip of them, or an XML file");
        }
        else if (choice == "903" && files.Count > 1 && files.Any(f => IsZip(f.FileName) || IsXml(f.FileName)))
        {
            FileProblem("Select either the CSV files, or one zip, or one XML file");
        }

        if (!reader.IsValid || choice is null)
        {
            return Page();
        }

        Directory.CreateDirectory(queue.WorkFolder);
        var folder = System.IO.Path.Combine(queue.WorkFolder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var keep = false;
        try
        {
            string input;
            string name;
            if (choice == "cin")
            {
                name = System.IO.Path.GetFileName(files[0].FileName);
                input = System.IO.Path.Combine(folder, "census.xml");
                await SaveAsync(files[0], input, cancellationToken);
            }
            else if (files.Count == 1 && IsZip(files[0].FileName))
            {
                name = System.IO.Path.GetFileName(files[0].FileName);
                input = System.IO.Path.Combine(folder, "files");
                var zip = System.IO.Path.Combine(folder, "upload.zip");
                await SaveAsync(files[0], zip, cancellationToken);
                if (Unzip(zip, input) is { } problem)
                {
                    FileProblem(problem);
                    return Page();
                }
            }
            else
            {
                input = System.IO.Path.Combine(folder, "files");
                Directory.CreateDirectory(input);
                foreach (var file in files)
                {
                    await SaveAsync(file, System.IO.Path.Combine(input, SafeName(file.FileName)), cancellationToken);
                }

                name = files.Count == 1 ? System.IO.Path.GetFileName(files[0].FileName) : $"{files.Count.ToString(CultureInfo.InvariantCulture)} files";
            }

            var request = new ReturnJobRequest
            {
                Kind = choice == "cin" ? ReturnJobKind.CinImport : ReturnJobKind.Ssda903Import,
                InputPath = input,
                InputName = name,
                RequestedBy = User.Identity?.Name ?? "",
                RequestedByUserId = User.UserId(),
                RequestedByRole = User.StaffRole(),
            };
            var id = await queue.QueueAsync(request, folder, cancellationToken);
            keep = true;
            return Redirect($"/returns/jobs/{id.ToString(CultureInfo.InvariantCulture)}");
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static bool IsXml(string name) => name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    private static bool IsCsv(string name) => name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    private static bool IsZip(string name) => name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    /// <summary>The file's own name without any folder, in characters every file system accepts.</summary>
    private static string SafeName(string name)
    {
        var plain = System.IO.Path.GetFileName(name.Replace('\\', '/'));
        var safe = new string([.. plain.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]);
        return safe.Trim('.').Length == 0 ? "file.csv" : safe;
    }

    private static async Task SaveAsync(IFormFile file, string path, CancellationToken cancellationToken)
    {
        await using var to = System.IO.File.Create(path);
        await file.CopyToAsync(to, cancellationToken);
    }

    /// <summary>Opens a zip into <paramref name="folder"/>: top-level CSV and XML files only. Returns the
    /// problem, or null when it is fine.</summary>
    private static string? Unzip(string zipPath, string folder)
    {
        Directory.CreateDirectory(folder);
        try
        {
            using var zip = ZipFile.OpenRead(zipPath);
            var entries = zip.Entries.Where(e => e.Name.Length > 0).ToList();
            var nested = entries.Where(e => e.FullName.Contains('/', StringComparison.Ordinal) || e.FullName.Contains('\\', StringComparison.Ordinal)).ToList();
            var usable = entries.Where(e => !nested.Contains(e) && (IsCsv(e.Name) || IsXml(e.Name))).ToList();
            if (usable.Count == 0)
            {
                return nested.Count > 0
                    ? "The zip has its files in a folder: zip the CSV files themselves, not the folder"
                    : "The zip has no CSV or XML files";
            }

            if (usable.Sum(e => e.Length) > MaxUnzippedBytes)
            {
                return "The zip's files come to more than 4 GB once opened";
            }

            foreach (var entry in usable)
            {
                entry.ExtractToFile(System.IO.Path.Combine(folder, SafeName(entry.Name)), overwrite: false);
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return "The file is not a zip that can be opened";
        }
        catch (IOException)
        {
            return "The zip has two files with the same name";
        }
    }

    private void FileProblem(string message)
    {
        FileError = message;
        ModelState.AddModelError("files", message);
    }
}
