namespace Lantern.Returns.AnnexA;

/// <summary>Every column Lantern leaves blank because it does not record the item, or fills by a rule
/// the reader should know: written to the workbook's Notes sheet so nobody takes a blank for a "no".</summary>
public static class AnnexANotes
{
    private const string All1To10 = "Lists 1 to 10";

    public static IReadOnlyList<AnnexANote> All { get; } =
    [
        new(All1To10, "Gender", "From the child's recorded sex (M, F, U). Lantern does not record 'neither', so d) is never written."),
        new(All1To10, "Date of Birth / Age of Child (Years)", "An unborn child (no date of birth by the as-at date) has a blank date of birth and age -1."),
        new(All1To10, "Allocated Team / Allocated Worker", "The allocation open on the as-at date; for a case, plan or period of care that has ended, the one open on the day it ended. Blank when nobody was allocated. Personal advisers are shown only in List 9's own column."),
        new("All lists", "Scope", "'The six months before' runs from the same day six months before the as-at date to the as-at date, both included; lists 10 and 11 look back twelve months. Records dated after the as-at date are left out and later end or completion dates are treated as not yet happened."),
        new("List 2", "Assessment start date", "Blank for open early help with no assessment recorded (the episode is listed because it is open on the as-at date)."),
        new("List 3", "Number of Referrals in Last 12 Months", "Referrals of the child in the twelve months before this referral, not counting it (the DfE re-referral window)."),
        new("List 4", "Was the child assessed as requiring LA children's social care support?", "From the authorised assessment's outcome: child in need plan, strategy discussion or looked after is Yes; no further action or early help is No; blank until authorised."),
        new("List 5", "Number of Section 47 Enquiries / ICPCs in the last 12 months", "Enquiries (and initial conferences) in the twelve months before this enquiry's strategy discussion, not counting it."),
        new("List 5", "Did the Initial Child Protection Conference Result in a Child Protection Plan", "Blank when no initial conference is recorded for the enquiry."),
        new("List 6", "Scope", "A child in need episode is a referral that was not closed as no further action; listed when open at any time in the six months. Case status is blank for an open episode with no plan, period of care or open assessment."),
        new("List 6", "Date Child Was Last Seen", "The latest visit at which the child was seen, or assessment date seen, up to the as-at date or the episode's closure."),
        new("List 7", "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)", "Yes when the child had a care episode with legal status L1 (police protection) or L2 (emergency protection order) in the six months; Lantern records these orders only as care episodes."),
        new("List 8", "Scope", "Periods of care (episodes joined without a break or new start), short breaks (V3, V4) left out as in the DfE's looked-after counts."),
        new("List 8", "What is the permanence plan for this child?", "Lantern has no permanence plan record. Written only where the record shows it: an adoption decision not reversed is b) Adoption; a placement agreed as long-term fostering (U1, U4) is f) Long-term fostering. Otherwise blank."),
        new("List 8", "Date of Last IRO Visit / Contact to the Child", "Blank: Lantern does not record IRO visits or contacts apart from reviews."),
        new("List 8", "Child's Legal Status", "C1, C2, D1, E1, V2, L1–L3 and J3 grouped a)–g); J1 and J2 shown on their own as the template has them."),
        new("List 8", "Placement Location / LA of Placement", "In when the placement postcode's district is one of the council's wards' districts, out otherwise; LA of Placement is the council's name when in area and blank when out of area (Lantern does not record the host council). Both blank without a placement postcode."),
        new("List 8", "Reason Ceased to be Looked After", "E17 (aged 18 and remained with current carers) is grouped with E13, as the template groups it."),
        new("List 8", "Placement Type", "H5 and its successor K3 (registered supported accommodation) are f) Residential accommodation; Z1 and the Z11–Z14 sub-codes are n) Other placements."),
        new("List 9", "Scope / Eligibility Category", "Worked out from the care history (Children Act 1989, Care Leavers (England) Regulations 2010): 13 weeks looked after since 14, some of it at 16 or 17, gives eligible (still looked after, 16–17), relevant (no longer looked after, 16–17) or former relevant (18–20); looked after at 16 or over without the 13 weeks gives qualifying. Those 21 to 24 are listed only when in touch in the last twelve months (still receiving services). Adopted young people and short breaks are left out. e) Other is never written."),
        new("List 9", "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)", "Yes when the child is or was recorded as an unaccompanied asylum-seeking child."),
        new("List 9", "LA in Touch / Type of Accommodation / Suitability of Accommodation / Activity Status", "From the latest care-leaver contact (SSDA903 OC3) on or before the as-at date; blank accommodation and activity, and 'not recorded', when there is none."),
        new("List 10", "Family identifier", "Lantern has no adopter record: the family is identified by the child's adoption record (AF and its number) once a match is recorded, blank before. Siblings adopted together appear as separate families."),
        new("List 10", "Date the child was placed for fostering in FFA or concurrent planning placement", "The start of the first fostering for adoption placement (U2, U5) in the period of care."),
        new("List 11", "Scope", "Lantern has no adopter model. One row per adopter of each family matched with a child (AD1) with an interest, match, placement or adoption order date in the twelve months; the number and sex of adopters come from the adoption record."),
        new("List 11", "Individual adopter identifier", "The family identifier with the adopter's number within the family."),
        new("List 11", "Ethnicity / Disability", "Blank: not recorded for adopters."),
        new("List 11", "Is the (prospective) adopter fostering for adoption?", "Blank: not recorded for adopters."),
        new("List 11", "Date enquiry received / Date Stage 1 started / Date Stage 1 ended / Date Stage 2 started / Date Stage 2 ended / Date application submitted / Date application approved", "Blank: Lantern does not record the adopter assessment process."),
        new("List 11", "No. of children placed", "1 once the child of the adoption record is placed, 0 before (siblings placed with the same family are on their own records)."),
        new("List 11", "Date of leaving adoption process / Reason for leaving adoption process", "Blank: not recorded for adopters."),
    ];
}
