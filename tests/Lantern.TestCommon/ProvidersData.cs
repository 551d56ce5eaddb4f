using System.Reflection;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace Lantern.TestCommon;

/// <summary>
/// Theory data with one row per <see cref="Provider"/>:
/// <c>[Theory, ClassData(typeof(ProvidersData))]</c> or <c>[Theory, MemberData(nameof(ProvidersData.All), MemberType = typeof(ProvidersData))]</c>.
/// </summary>
public sealed class ProvidersData : TheoryData<Provider>
{
    public ProvidersData()
    {
        foreach (var provider in Enum.GetValues<Provider>())
        {
            Add(provider);
        }
    }

    /// <summary>For <c>MemberData</c>.</summary>
    public static ProvidersData All => new();
}

/// <summary>
/// Runs a theory once per provider: <c>[Theory, ProviderData]</c> on a method taking a <see cref="Provider"/>.
/// Pass providers to limit it, for example <c>[Theory, ProviderData(Provider.Postgres)]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ProviderDataAttribute : DataAttribute
{
    public ProviderDataAttribute(params Provider[] providers)
    {
        Providers = providers is { Length: > 0 } ? providers : Enum.GetValues<Provider>();
    }

    public IReadOnlyList<Provider> Providers { get; }

    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        IReadOnlyCollection<ITheoryDataRow> rows = [.. Providers.Select(p => new TheoryDataRow<Provider>(p))];
        return ValueTask.FromResult(rows);
    }

    public override bool SupportsDiscoveryEnumeration() => true;
}
