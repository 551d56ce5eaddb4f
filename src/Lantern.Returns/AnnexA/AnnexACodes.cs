using Lantern.Domain.Codes;
using Lantern.Domain.Model;

namespace Lantern.Returns.AnnexA;

/// <summary>
/// Ofsted's Annex A groupings of the DfE codes: the one home of each grouping. The letters and labels are
/// those of the standard Annex A template as the LIIA Annex A schema encodes it (domain reference
/// section 3, AA-YML), so a tool that reads a council's Annex A reads these values as they are.
/// </summary>
public static class AnnexACodes
{
    public const string Yes = "Yes";
    public const string No = "No";
    public const string Unknown = "Unknown";

    /// <summary>Gender a–d. Lantern records Sex M/F/U only, so "d) Neither" is never written.</summary>
    public static string Gender(Sex sex) => sex.Code switch
    {
        "M" => "a) Male",
        "F" => "b) Female",
        _ => "c) Not stated/recorded",
    };

    /// <summary>Ethnicity a–f from the DfE main codes (N00177): the code's first letter is its group,
    /// Chinese and any other group are "other", refused and not yet obtained are "not stated".</summary>
    public static string Ethnicity(Ethnicity ethnicity) => ethnicity.Code switch
    {
        "WBRI" or "WIRI" or "WIRT" or "WOTH" or "WROM" => "a) White",
        "MWBC" or "MWBA" or "MWAS" or "MOTH" => "b) Mixed",
        "AIND" or "APKN" or "ABAN" or "AOTH" => "c) Asian or Asian British",
        "BCRB" or "BAFR" or "BOTH" => "d) Black or black British",
        "CHNE" or "OOTH" => "e) Other ethnic group",
        _ => "f) Not stated",
    };

    /// <summary>Contact source and referral source a–k: the CIN ReferralSource codes grouped by their number.</summary>
    public static string Source(ReferralSource source) => source.Code switch
    {
        "1A" or "1B" or "1C" or "1D" => "a) Individual",
        "2A" => "b) Schools",
        "2B" => "c) Education services",
        "3A" or "3B" or "3C" or "3D" or "3E" or "3F" => "d) Health services",
        "4" => "e) Housing",
        "5A" or "5B" or "5C" or "5D" => "f) LA services",
        "6" => "g) Police",
        "7" => "h) Other legal agency",
        "8" => "i) Other",
        "9" => "j) Anonymous",
        _ => "k) Unknown",
    };

    /// <summary>Primary need (and a looked-after child's category of need) a–j: N1–N8 are a–h, N9 "cases
    /// other than children in need" is i, N0 or nothing recorded is "not stated".</summary>
    public static string PrimaryNeed(PrimaryNeed? need) => need?.Code switch
    {
        "N1" => "a) Abuse or neglect",
        "N2" => "b) Child's disability",
        "N3" => "c) Parental disability or illness",
        "N4" => "d) Family in acute stress",
        "N5" => "e) Family dysfunction",
        "N6" => "f) Socially unacceptable behaviour",
        "N7" => "g) Low income",
        "N8" => "h) Absent parenting",
        "N9" => "i) Cases other than children in need",
        _ => "j) Not stated",
    };

    /// <summary>Reason for closure a–i: RC8 and RC9 (closed after assessment, with or without a referral
    /// to early help) are both "not in need after assessment"; a closure with no reason is "not stated".</summary>
    public static string ReasonForClosure(ClosureReason? reason) => reason?.Code switch
    {
        "RC1" => "a) Adopted",
        "RC2" => "b) Died",
        "RC3" => "c) Residence Order",
        "RC4" => "d) Special Guardianship Order",
        "RC5" => "e) Transfer to another LA",
        "RC6" => "f) Transfer to Adult Social Services",
        "RC7" => "g) 'Other' incl. Child no longer in need",
        "RC8" or "RC9" => "h) Child not in need after assessment",
        _ => "i) Not Stated",
    };

    /// <summary>List 6 case status a–e.</summary>
    public static string CaseStatus(AnnexACaseStatus status) => status switch
    {
        AnnexACaseStatus.LookedAfter => "a) Looked after child",
        AnnexACaseStatus.ProtectionPlan => "b) Child Protection plan",
        AnnexACaseStatus.ChildInNeedPlan => "c) Child in need plan",
        AnnexACaseStatus.OpenAssessment => "d) Open assessment",
        _ => "e) Closed episode",
    };

    public static string CategoryOfAbuse(AbuseCategory category) => category.Code switch
    {
        "NEG" => "a) Neglect",
        "PHY" => "b) Physical Abuse",
        "SAB" => "c) Sexual Abuse",
        "EMO" => "d) Emotional Abuse",
        _ => "e) Multiple",
    };

    /// <summary>Legal status a–g, with remand (J1) and PACE (J2) shown on their own as the template has
    /// them; null for short breaks (V3, V4), which are not listed.</summary>
    public static string? LegalStatus(LegalStatus status) => status.Code switch
    {
        "C1" => "a) Interim care orders",
        "C2" => "b) Full care orders",
        "D1" => "c) Freed for Adoption",
        "E1" => "d) Placement order granted",
        "V2" => "e) Accommodated under S20",
        "L1" or "L2" or "L3" => "f) Detained on child protection grounds in LA accommodation",
        "J1" => "J1: Remanded to LA or youth detention",
        "J2" => "J2: LA accommodation under PACE",
        "J3" => "g) Youth justice legal Statuses",
        _ => null,
    };

    public static string PermanencePlan(AnnexAPermanencePlan plan) => plan switch
    {
        AnnexAPermanencePlan.ReturnToFamily => "a) Return to family",
        AnnexAPermanencePlan.Adoption => "b) Adoption",
        AnnexAPermanencePlan.SgoOrCao => "c) SGO/CAO",
        AnnexAPermanencePlan.SupportedLiving => "d) Supported living in the community",
        AnnexAPermanencePlan.LongTermResidential => "e) Long-term residential placement",
        AnnexAPermanencePlan.LongTermFostering => "f) Long-term fostering",
        _ => "g) Other",
    };

    /// <summary>Reason ceased to be looked after a–n. E17 (18 and stayed with the carers) goes with E13
    /// (living with someone without parental responsibility), as the template groups it; X1 is not a
    /// cessation and gives null.</summary>
    public static string? ReasonCeased(ReasonEpisodeCeased? reason) => reason?.Code switch
    {
        "E11" or "E12" => "a) Adopted",
        "E2" => "b) Died",
        "E3" => "c) Care taken by another LA",
        "E4A" or "E4B" => "d) Returned home to live with parents or relatives",
        "E13" or "E17" => "e) Left care to live with parents, relatives or other person with no parental responsibility",
        "E41" => "f) Residence order granted",
        "E45" or "E46" or "E47" or "E48" => "g) Special Guardianship Orders",
        "E5" or "E6" => "h) Moved into independent living",
        "E7" => "i) Transferred to residential care funded by adult social services",
        "E9" => "j) Sentenced to custody",
        "E14" => "k) Accommodation on remand ended",
        "E15" => "l) Age assessment determined child was 18 or over",
        "E16" => "m) Child moved abroad",
        "E8" => "n) Care ceased for any other reason",
        _ => null,
    };

    /// <summary>Placement type a–o. H5 (semi-independent, to 2023-24) and K3 (registered supported
    /// accommodation, which replaced it from 2024-25) are both "residential accommodation"; the Z1
    /// sub-codes of 2025-26 are "other placements".</summary>
    public static string PlacementType(PlacementType placement) => placement.Code switch
    {
        "U1" or "U2" or "U3" or "U4" or "U5" or "U6" => "a) Foster placement",
        "A3" or "A4" or "A5" or "A6" => "b) Placed for adoption",
        "P1" => "c) Placed with parents",
        "P2" => "d) Independent living",
        "P3" => "e) Residential employment",
        "H5" or "K3" => "f) Residential accommodation",
        "K1" => "g) Secure Children’s Homes",
        "K2" => "h) Children’s Homes",
        "R1" => "i) Residential Care Home",
        "R2" => "j) NHS/Health Trust",
        "R3" => "k) Family Centre or Mother and Baby Unit",
        "R5" => "l) Young Offender Institution",
        "S1" => "m) Residential school",
        "T0" or "T1" or "T2" or "T3" or "T4" => "o) Temporary placement",
        _ => "n) Other placements",
    };

    /// <summary>Placement provider a–c: own provision, private, anything else (parents, another council,
    /// other public, voluntary). Null when the episode records no provider.</summary>
    public static string? PlacementProvider(PlacementProvider? provider) => provider?.Code switch
    {
        null => null,
        "PR1" => "a) Own LA",
        "PR4" => "b) Private",
        _ => "c) Other",
    };

    public static string PlacementLocation(bool insideArea) => insideArea ? "a) In" : "b) Out";

    public static string Eligibility(CareLeaverCategory category) => category switch
    {
        CareLeaverCategory.Relevant => "a) Relevant",
        CareLeaverCategory.FormerRelevant => "b) Former relevant",
        CareLeaverCategory.Qualifying => "c) Qualifying",
        CareLeaverCategory.Eligible => "d) Eligible",
        _ => "e) Other",
    };

    /// <summary>LA in touch a–d from the latest OC3 contact: refusing contact or no longer needing
    /// services counts as not in touch; died or returned home for six months is "exclude"; no contact
    /// recorded is "not recorded".</summary>
    public static string InTouch(CareLeaverInTouch? inTouch) => inTouch?.Code switch
    {
        null => "c) Not recorded",
        "YES" => "a) In touch",
        "DIED" or "RHOM" => "d) Exclude",
        _ => "b) Not in touch",
    };

    /// <summary>Type of accommodation a–p from the letter of the OC3 ACCOM code; null for 0 (not applicable).</summary>
    public static string? Accommodation(CareLeaverAccommodation accommodation) => accommodation.Code[0] switch
    {
        'B' => "a) With parents or relatives",
        'C' => "b) Community home",
        'D' => "c) Semi-independent transitional accommodation",
        'E' => "d) Supported lodgings",
        'G' => "e) Gone abroad",
        'H' => "f) Deported",
        'K' => "g) Ordinary lodgings",
        'R' => "h) Residence not known",
        'S' => "i) No fixed abode / homeless",
        'T' => "j) Foyers",
        'U' => "k) Independent living",
        'V' => "l) Emergency accommodation",
        'W' => "m) Bed and breakfast",
        'X' => "n) In custody",
        'Z' => "o) With Former Foster Carer",
        'Y' => "p) Other accommodation",
        _ => null,
    };

    /// <summary>Suitability a–d: the digit of the ACCOM code (1 suitable, 2 not); not in touch or no
    /// accommodation recorded is c; died or returned home is "exclude".</summary>
    public static string Suitability(CareLeaverContact? latest)
    {
        if (latest is null)
        {
            return "c) Not in touch or not recorded";
        }

        if (latest.InTouch.Code is "DIED" or "RHOM")
        {
            return "d) Exclude";
        }

        return latest.Accommodation.Code[^1] switch
        {
            '1' => "a) Suitable",
            '2' => "b) Not suitable",
            _ => "c) Not in touch or not recorded",
        };
    }

    /// <summary>Activity status as the template writes it (code and label); null for 0 (not applicable).</summary>
    public static string? Activity(CareLeaverActivity activity) => activity.Code switch
    {
        "F1" => "F1: Full time in higher education",
        "P1" => "P1: Part time in higher education",
        "F2" => "F2: Full time in education other than higher",
        "P2" => "P2: Part time in education other than higher",
        "F4" => "F4: Young person engaged full time in an apprenticeship",
        "P4" => "P4: Young person engaged part time in an apprenticeship",
        "F5" => "F5: Young person engaged full time in training or employment (not apprenticeship)",
        "P5" => "P5: Young person engaged part time in training or employment (not apprenticeship)",
        "G4" => "G4: Not in education, employment or training - illness or disability",
        "G5" => "G5: Not in education, employment or training - other",
        "G6" => "G6: Not in education, employment or training - pregnancy or parenting",
        _ => null,
    };

    public static string? NoLongerPlacedReason(NoLongerPlacedReason? reason) => reason?.Code switch
    {
        null => null,
        "RD1" => "a) Child’s needs changed",
        "RD2" => "b) Court did not make a PO",
        "RD3" => "c) Prospective adopters cannot be found",
        _ => "d) Any other reason",
    };

    /// <summary>Does the child have a disability: any DfE disability code but NONE is yes, NONE alone is
    /// no, nothing recorded is unknown.</summary>
    public static string Disability(Child child)
    {
        ArgumentNullException.ThrowIfNull(child);
        if (child.Disabilities.Count == 0)
        {
            return Unknown;
        }

        return child.Disabilities.Exists(d => d.Code != "NONE") ? Yes : No;
    }

    public static string? YesNo(bool? value) => value switch
    {
        true => Yes,
        false => No,
        null => null,
    };
}

/// <summary>List 6 case status, in the order it is decided (the first that applies on the as-at date).</summary>
public enum AnnexACaseStatus
{
    LookedAfter = 1,
    ProtectionPlan = 2,
    ChildInNeedPlan = 3,
    OpenAssessment = 4,
    ClosedEpisode = 5,
}

/// <summary>List 8 permanence plan.</summary>
public enum AnnexAPermanencePlan
{
    ReturnToFamily = 1,
    Adoption = 2,
    SgoOrCao = 3,
    SupportedLiving = 4,
    LongTermResidential = 5,
    LongTermFostering = 6,
    Other = 7,
}
