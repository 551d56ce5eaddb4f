namespace Lantern.Domain.Codes;

/// <summary>SSDA903 REVIEW_CODE: child's participation in the review.</summary>
public readonly record struct ReviewParticipation : IDfeCode<ReviewParticipation>
{
    public ReviewParticipation(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "ReviewParticipation",
        new("PN0", "Child aged under 4 at the time of the review"),
        new("PN1", "Child physically attends and speaks for themselves"),
        new("PN2", "Child physically attends; an advocate speaks on their behalf"),
        new("PN3", "Child physically attends and conveys views non-verbally"),
        new("PN4", "Child physically attends but does not contribute"),
        new("PN5", "Child does not attend but briefs an advocate"),
        new("PN6", "Child does not attend but conveys views by a facilitative medium"),
        new("PN7", "Child does not attend and views are not conveyed"));

    public static readonly ReviewParticipation UnderFour = new("PN0");
    public static readonly ReviewParticipation SpeaksForSelf = new("PN1");
    public static readonly ReviewParticipation Advocate = new("PN2");
    public static readonly ReviewParticipation DidNotAttendBriefed = new("PN5");
    public static readonly ReviewParticipation ViewsNotConveyed = new("PN7");

    public string Label => Set.Label(Code);

    public static ReviewParticipation FromCode(string code) => new(code);

    public override string ToString() => Code;
}
