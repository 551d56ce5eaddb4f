namespace Lantern.Domain.Codes;

/// <summary>SSDA903 REASON_PLACE_CHANGE, recorded on the episode that ends.</summary>
public readonly record struct PlacementChangeReason : IDfeCode<PlacementChangeReason>
{
    public PlacementChangeReason(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "PlacementChangeReason",
        new("CARPL", "Change to or implementation of care plan"),
        new("CLOSE", "Resignation or closure of provision"),
        new("ALLEG", "Allegation (section 47)"),
        new("STAND", "Standards of care concern"),
        new("APPRR", "Approval removed"),
        new("CREQB", "Carer requests placement end due to child's behaviour"),
        new("CREQO", "Carer requests placement end for other reasons"),
        new("CHILD", "Child requests placement end"),
        new("LAREQ", "Responsible or area authority requests placement end"),
        new("PLACE", "Change in the status of placement only"),
        new("CUSTOD", "Custody arrangement"),
        new("OTHER", "Other"));

    public static readonly PlacementChangeReason CarePlan = new("CARPL");
    public static readonly PlacementChangeReason CarerBehaviour = new("CREQB");
    public static readonly PlacementChangeReason CarerOther = new("CREQO");
    public static readonly PlacementChangeReason ChildRequest = new("CHILD");
    public static readonly PlacementChangeReason StatusOnly = new("PLACE");
    public static readonly PlacementChangeReason Other = new("OTHER");

    public string Label => Set.Label(Code);

    public static PlacementChangeReason FromCode(string code) => new(code);

    public override string ToString() => Code;
}
