using System.Collections;
using Lantern.Domain.Model;

namespace Lantern.Synthetic;

/// <summary>Joins areas generated separately into one authority. Each area numbered its records
/// from its own id base, so the lists are simply concatenated; the population is summed.</summary>
internal static class ShardMerger
{
    public static GenerationResult Merge(IReadOnlyList<GenerationResult> shards, GeneratorOptions options)
    {
        var merged = new AuthorityData();
        var first = shards[0].Data;
        merged.Authorities.Add(first.Authorities[0]);
        merged.Authorities[0].Seed = options.Seed;
        merged.Wards.AddRange(first.Wards);

        var population = new Dictionary<(int Year, string Ward, int Age), PopulationEstimate>();
        foreach (var shard in shards)
        {
            foreach (var p in shard.Data.Population)
            {
                if (population.TryGetValue((p.Year, p.Ward, p.Age), out var sum))
                {
                    sum.Count += p.Count;
                }
                else
                {
                    population[(p.Year, p.Ward, p.Age)] = p;
                    merged.Population.Add(p);
                }
            }
        }

        var skip = new HashSet<string>(StringComparer.Ordinal) { nameof(AuthorityData.Authorities), nameof(AuthorityData.Wards), nameof(AuthorityData.Population) };
        foreach (var property in typeof(AuthorityData).GetProperties())
        {
            if (skip.Contains(property.Name) || property.GetValue(merged) is not IList target)
            {
                continue;
            }

            var elementType = property.PropertyType.GetGenericArguments()[0];
            ConcatMethod.MakeGenericMethod(elementType).Invoke(null, [target, shards.Select(s => property.GetValue(s.Data)!).ToList()]);
        }

        return new GenerationResult { Data = merged, Defects = [.. shards.SelectMany(s => s.Defects)] };
    }

    private static readonly System.Reflection.MethodInfo ConcatMethod = typeof(ShardMerger).GetMethod(nameof(Concat), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

    /// <summary>Copies each area's list into <paramref name="target"/> (a block copy per area) and
    /// lets the area's array go as soon as it is copied.</summary>
    private static void Concat<T>(List<T> target, List<object> sources)
    {
        target.Capacity = sources.Sum(s => ((List<T>)s).Count);
        foreach (List<T> source in sources)
        {
            target.AddRange(source);
            source.Clear();
            source.Capacity = 0;
        }
    }
}
