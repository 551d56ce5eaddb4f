using Lantern.Data;
using Lantern.Domain.Model;
using Lantern.Returns.Cin;
using Lantern.Returns.Jobs;
using Lantern.Returns.Ssda903;
using Lantern.Returns.Workforce;
using Lantern.Synthetic;
using Xunit;

namespace Lantern.Returns.Tests.Jobs;

/// <summary>An export job reads only the lists of the record its return needs
/// (<see cref="ReturnJobs.TablesFor"/>): from only those, each return is exactly what the whole record gives.</summary>
public sealed class ExportTablesTests
{
    private static readonly Lazy<AuthorityData> Authority = new(() => SyntheticAuthority.Generate(new GeneratorOptions
    {
        Population = 3000,
        From = new DateOnly(2022, 4, 1),
        To = new DateOnly(2026, 3, 31),
    }).Data);

    [Fact]
    public void The_CIN_census_from_its_lists_is_the_census_from_the_whole_record()
    {
        var only = Only(ReturnJobKind.CinExport);
        Assert.Equal(Cin(Authority.Value), Cin(only));
        Assert.Empty(only.CareEpisodes);
    }

    [Fact]
    public void The_SSDA903_files_from_their_lists_are_the_files_from_the_whole_record()
    {
        var whole = Directory.CreateTempSubdirectory("lantern-903-whole-").FullName;
        var part = Directory.CreateTempSubdirectory("lantern-903-part-").FullName;
        try
        {
            Ssda903Export.Write(Authority.Value, new CollectionYear(2026), whole);
            Ssda903Export.Write(Only(ReturnJobKind.Ssda903Export), new CollectionYear(2026), part);
            var files = Directory.GetFiles(whole, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(whole, f)).Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(files);
            Assert.Equal(files, Directory.GetFiles(part, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(part, f)).Order(StringComparer.Ordinal));
            foreach (var file in files)
            {
                Assert.True(File.ReadAllBytes(Path.Combine(whole, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(part, file))), file);
            }
        }
        finally
        {
            Directory.Delete(whole, recursive: true);
            Directory.Delete(part, recursive: true);
        }
    }

    [Fact]
    public void The_workforce_census_from_its_lists_is_the_census_from_the_whole_record()
    {
        var (workers, authority) = Workforce(Authority.Value);
        var (onlyWorkers, onlyAuthority) = Workforce(Only(ReturnJobKind.WorkforceExport));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(workers), System.Text.Encoding.UTF8.GetString(onlyWorkers));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(authority), System.Text.Encoding.UTF8.GetString(onlyAuthority));
    }

    [Fact]
    public void Annex_A_reads_the_whole_record()
    {
        Assert.Null(ReturnJobs.TablesFor(ReturnJobKind.AnnexAExport));
    }

    private static byte[] Cin(AuthorityData data)
    {
        using var output = new MemoryStream();
        Assert.True(CinCensusExport.Write(data, new CollectionYear(2026), output).Children > 0);
        return output.ToArray();
    }

    private static (byte[], byte[]) Workforce(AuthorityData data)
    {
        using var workers = new MemoryStream();
        using var authority = new MemoryStream();
        WorkforceCensusExport.Write(data, new DateOnly(2025, 9, 30), workers, authority);
        return (workers.ToArray(), authority.ToArray());
    }

    /// <summary>A copy of the authority with only the lists the job reads (the others empty), as the loader gives.</summary>
    private static AuthorityData Only(ReturnJobKind kind)
    {
        var types = ReturnJobs.TablesFor(kind)!.ToHashSet();
        var copy = new AuthorityData();
        foreach (var property in typeof(AuthorityData).GetProperties().Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(List<>)))
        {
            if (types.Contains(property.PropertyType.GetGenericArguments()[0]))
            {
                var target = (System.Collections.IList)property.GetValue(copy)!;
                foreach (var item in (System.Collections.IList)property.GetValue(Authority.Value)!)
                {
                    target.Add(item);
                }
            }
        }

        return copy;
    }
}
