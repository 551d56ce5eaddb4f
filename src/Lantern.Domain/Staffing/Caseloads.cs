using Lantern.Domain.Clock;
using Lantern.Domain.Model;

namespace Lantern.Domain.Staffing;

/// <summary>What kind of case a child is for the worker who holds it. A child can be several at once
/// (in proceedings and looked after); the case counts as the kind with the heaviest weight.</summary>
public enum CaseKind
{
    InProceedings = 1,
    ChildProtection = 2,
    LookedAfter = 3,
    OpenAssessment = 4,
    ChildInNeed = 5,
    CareLeaver = 6,
    Other = 7,
}

/// <summary>How much each kind of case weighs in a weighted caseload, and the thresholds over which
/// a caseload is flagged. Set by the council; the defaults are a common local choice (a protection
/// case or a child in proceedings takes more of a worker's time than a stable child in need case),
/// not a national standard.</summary>
public sealed record CaseloadWeights
{
    public static CaseloadWeights Default { get; } = new();

    public decimal InProceedings { get; init; } = 2.0m;

    public decimal ChildProtection { get; init; } = 1.5m;

    public decimal LookedAfter { get; init; } = 1.25m;

    public decimal OpenAssessment { get; init; } = 1.0m;

    public decimal ChildInNeed { get; init; } = 1.0m;

    public decimal CareLeaver { get; init; } = 0.5m;

    public decimal Other { get; init; } = 1.0m;

    /// <summary>A full-time worker's weighted caseload above this is flagged.</summary>
    public decimal Threshold { get; init; } = 20m;

    /// <summary>The protected caseload of a newly qualified worker in their assessed and supported
    /// year (a full-time worker's weighted caseload above this is flagged).</summary>
    public decimal NewlyQualifiedThreshold { get; init; } = 17m;

    public decimal Of(CaseKind kind) => kind switch
    {
        CaseKind.InProceedings => InProceedings,
        CaseKind.ChildProtection => ChildProtection,
        CaseKind.LookedAfter => LookedAfter,
        CaseKind.OpenAssessment => OpenAssessment,
        CaseKind.ChildInNeed => ChildInNeed,
        CaseKind.CareLeaver => CareLeaver,
        _ => Other,
    };

    /// <summary>The problems with these weights, each naming its field; empty when they can be used.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        foreach (var (field, label, value) in new[]
        {
            (nameof(InProceedings), "in proceedings", InProceedings),
            (nameof(ChildProtection), "child protection", ChildProtection),
            (nameof(LookedAfter), "looked after", LookedAfter),
            (nameof(OpenAssessment), "open assessment", OpenAssessment),
            (nameof(ChildInNeed), "child in need", ChildInNeed),
            (nameof(CareLeaver), "care leaver", CareLeaver),
            (nameof(Other), "other cases", Other),
        })
        {
            if (value is < 0 or > 10)
            {
                problems.Add((field, $"The weight for {label} must be between 0 and 10"));
            }
        }

        if (Threshold is <= 0 or > 100)
        {
            problems.Add((nameof(Threshold), "The caseload threshold must be more than 0 and no more than 100"));
        }

        if (NewlyQualifiedThreshold <= 0 || NewlyQualifiedThreshold > Threshold)
        {
            problems.Add((nameof(NewlyQualifiedThreshold), "The protected caseload for newly qualified workers must be more than 0 and no more than the caseload threshold"));
        }

        return problems;
    }

    /// <summary>The kinds <paramref name="file"/> is on <paramref name="date"/> and the kind it counts
    /// as (the heaviest; on equal weights, the first in <see cref="CaseKind"/> order).</summary>
    public CaseKind KindOf(ChildFile file, DateOnly date)
    {
        var kinds = CaseKinds.Of(file, date);
        return kinds.OrderByDescending(Of).ThenBy(k => k).First();
    }
}

/// <summary>The kinds of case a child is on a date, read from their file.</summary>
public static class CaseKinds
{
    /// <summary>Every kind <paramref name="file"/> is on <paramref name="date"/>; <see cref="CaseKind.Other"/>
    /// alone when none applies (an allocated child with no open plan, episode or assessment).</summary>
    public static IReadOnlyList<CaseKind> Of(ChildFile file, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(file);
        var kinds = new List<CaseKind>();
        if (file.CareProceedings.Any(p => p.IssueDate <= date && (p.FinalHearingDate is null || p.FinalHearingDate > date)))
        {
            kinds.Add(CaseKind.InProceedings);
        }

        if (file.ProtectionPlans.Any(p => p.StartDate <= date && (p.EndDate is null || p.EndDate > date)))
        {
            kinds.Add(CaseKind.ChildProtection);
        }

        var lookedAfter = file.CareEpisodes.Any(e => e.StartDate <= date && (e.EndDate is null || e.EndDate > date));
        if (lookedAfter)
        {
            kinds.Add(CaseKind.LookedAfter);
        }

        if (file.Assessments.Any(a => a.StartDate <= date && (a.AuthorisationDate is null || a.AuthorisationDate > date)))
        {
            kinds.Add(CaseKind.OpenAssessment);
        }

        if (file.ChildInNeedPlans.Any(p => p.StartDate <= date && (p.EndDate is null || p.EndDate > date)))
        {
            kinds.Add(CaseKind.ChildInNeed);
        }

        if (!lookedAfter && file.CareEpisodes.Count > 0 && file.Child.DateOfBirth is { } born && born.AddYears(18) <= date)
        {
            kinds.Add(CaseKind.CareLeaver);
        }

        if (kinds.Count == 0)
        {
            kinds.Add(CaseKind.Other);
        }

        return kinds;
    }
}

/// <summary>One worker's caseload on a date.</summary>
/// <param name="Children">Children allocated to the worker on the date.</param>
/// <param name="Weighted">The sum of each child's weight.</param>
/// <param name="Threshold">The worker's threshold, scaled by FTE (the protected one during the
/// assessed and supported year).</param>
/// <param name="ByKind">How many of the children count as each kind.</param>
public sealed record Caseload(long WorkerId, int Children, decimal Weighted, decimal Threshold, bool Protected, IReadOnlyDictionary<CaseKind, int> ByKind)
{
    public bool OverThreshold => Weighted > Threshold;

    /// <summary>The caseload of <paramref name="worker"/> on <paramref name="date"/>: the children of
    /// <paramref name="files"/> (each allocated to them that day) weighed with <paramref name="weights"/>.</summary>
    public static Caseload Of(Worker worker, IEnumerable<ChildFile> files, DateOnly date, CaseloadWeights weights)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(weights);
        var byKind = new Dictionary<CaseKind, int>();
        decimal weighted = 0;
        var children = 0;
        foreach (var file in files)
        {
            var kind = weights.KindOf(file, date);
            byKind[kind] = byKind.GetValueOrDefault(kind) + 1;
            weighted += weights.Of(kind);
            children++;
        }

        var isProtected = worker.IsAsyeOn(date);
        var threshold = Math.Round((isProtected ? weights.NewlyQualifiedThreshold : weights.Threshold) * worker.Fte, 1, MidpointRounding.AwayFromZero);
        return new Caseload(worker.Id, children, weighted, threshold, isProtected, byKind);
    }
}
