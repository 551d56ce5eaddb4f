namespace Lantern.Domain.Codes;

/// <summary>SSDA903 SW_REASON: reason for a change of social worker (from 2023-24).</summary>
public readonly record struct SocialWorkerChangeReason : IDfeCode<SocialWorkerChangeReason>
{
    public SocialWorkerChangeReason(string code) => Code = Set.Require(code);

    public string Code { get; }

    public static CodeSet Set { get; } = new(
        "SocialWorkerChangeReason",
        new("MANAGE", "Caseload management or reallocation"),
        new("FCONTA", "First contact or re-referral"),
        new("LEFTRL", "Previous social worker left the role"),
        new("ORGRST", "Organisational restructure"),
        new("TSPROC", "Transfer by standard process"),
        new("ABSENC", "Absence cover or return"),
        new("CHCHAN", "Child requested change"),
        new("PCCHAN", "Parent or carer requested change"),
        new("SWDIED", "Previous social worker died"),
        new("OTHERS", "Other"));

    public static readonly SocialWorkerChangeReason CaseloadManagement = new("MANAGE");
    public static readonly SocialWorkerChangeReason FirstContact = new("FCONTA");
    public static readonly SocialWorkerChangeReason WorkerLeft = new("LEFTRL");
    public static readonly SocialWorkerChangeReason Restructure = new("ORGRST");
    public static readonly SocialWorkerChangeReason StandardTransfer = new("TSPROC");
    public static readonly SocialWorkerChangeReason Absence = new("ABSENC");
    public static readonly SocialWorkerChangeReason ChildRequested = new("CHCHAN");
    public static readonly SocialWorkerChangeReason ParentRequested = new("PCCHAN");
    public static readonly SocialWorkerChangeReason Other = new("OTHERS");

    public string Label => Set.Label(Code);

    public static SocialWorkerChangeReason FromCode(string code) => new(code);

    public override string ToString() => Code;
}
