namespace Lantern.Domain.Returns;

/// <summary>How a DfE return treats a failed validation rule.</summary>
public enum ReturnIssueSeverity
{
    /// <summary>A DfE error: the return fails until it is fixed.</summary>
    Error,

    /// <summary>A DfE query: the return is accepted if the data is amended or a reason is given.</summary>
    Query,
}

/// <summary>
/// A DfE return validation rule that a child's record would fail: <see cref="Rule"/> is the DfE code
/// exactly as published (for example "8925" or "8670Q"), <see cref="Message"/> the DfE's message text and
/// <see cref="Field"/> the return item it names (for example "CPPendDate").
/// </summary>
public sealed record ReturnIssue(string Rule, string Message, ReturnIssueSeverity Severity, string Field);
