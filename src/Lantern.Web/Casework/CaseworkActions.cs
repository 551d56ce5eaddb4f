using System.Security.Claims;
using Lantern.Domain.Clock;

namespace Lantern.Web.Casework;

/// <summary>Something a person can record on a child's record now, shown on the record page.</summary>
/// <param name="Group">The heading it goes under, for example "Child protection".</param>
/// <param name="Text">The link text, for example "Record a core group meeting".</param>
/// <param name="Href">Where it goes: an id-only path such as /children/12/core-groups/new.</param>
public sealed record CaseworkAction(string Group, string Text, string Href);

/// <summary>One part of the journey says which of its actions apply to a child today. Each part
/// implements this once; <see cref="CaseworkActions"/> finds them all.</summary>
public interface ICaseworkActionSource
{
    IEnumerable<CaseworkAction> For(ChildFile file, DateOnly today, ClaimsPrincipal user);
}

/// <summary>Every action available on a child's record, from every <see cref="ICaseworkActionSource"/>.</summary>
public static class CaseworkActions
{
    private static readonly IReadOnlyList<ICaseworkActionSource> Sources =
    [
        .. typeof(CaseworkActions).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICaseworkActionSource).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (ICaseworkActionSource)Activator.CreateInstance(t)!),
    ];

    public static IReadOnlyList<CaseworkAction> For(ChildFile file, DateOnly today, ClaimsPrincipal user) =>
        [.. Sources.SelectMany(s => s.For(file, today, user))];
}
