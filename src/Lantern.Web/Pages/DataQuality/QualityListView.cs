using Lantern.Returns;
using Lantern.Web.DataQuality;

namespace Lantern.Web.Pages.DataQuality;

/// <summary>What the list of one worker's broken rules shows: its heading, whose children, the year and its rows.</summary>
public sealed record QualityListView(string Heading, string Whose, CollectionYear Year, IReadOnlyList<QualityRow> Rows, IReadOnlyList<(CollectionYear Year, QualityCount Count)> History);

/// <summary>The counts of broken rules by collection year: for whom, the current year and each year's count.</summary>
public sealed record QualityHistoryView(string Whom, CollectionYear Current, IReadOnlyList<(CollectionYear Year, QualityCount Count)> History);
