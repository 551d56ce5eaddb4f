using System.Collections.Frozen;
using Lantern.Domain.Codes;
using static Lantern.Returns.Validation.Cin.CinRulesIdentityHelpers;

namespace Lantern.Returns.Validation.Cin;

/// <summary>CIN census rules (see Validation/README.md for who owns which codes).</summary>
internal static class CinRulesIdentity
{
    private static readonly FrozenSet<string> GenderCurrentCodes = FrozenSet.Create(StringComparer.Ordinal, "0", "1", "2", "9");
    private static readonly FrozenSet<string> SexCodes = FrozenSet.Create(StringComparer.Ordinal, "M", "F", "U");
    private static readonly FrozenSet<string> UpnUnknownForSchoolAge = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "UN2", "UN3", "UN4", "UN5", "UN6", "UN7");
    private static readonly FrozenSet<string> ClosedAfterAssessment = FrozenSet.Create(StringComparer.Ordinal, "RC8", "RC9");

    public static IEnumerable<RuleCheck> All =>
    [
        // Reference Date is incorrect: the Header's ReferenceDate must be the collection year's 31 March.
        new("100", c =>
        {
            var header = c.Table("Header");
            var reference = header.Text("ReferenceDate");
            for (var i = 0; i < header.Count; i++)
            {
                if (reference[i] is not { } text || !RuleTable.TryDate(text, out var date) || date != c.ReferenceDate)
                {
                    c.Fail(header, i);
                }
            }
        }),

        // UPN invalid (wrong check letter at character 1); a UPN that is not 13 characters long fails too.
        new("1510", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            var upn = ids.Text("UPN");
            for (var i = 0; i < ids.Count; i++)
            {
                if (upn[i] is { } u && (u.Length != 13 || (WellFormedUpnBody(u) && UpnCheckLetter(u) != u[0])))
                {
                    c.Fail(ids, i);
                }
            }
        }),

        // More than one record with the same UPN.
        new("1520", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            var upn = ids.Text("UPN");
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < ids.Count; i++)
            {
                if (upn[i] is { } u)
                {
                    counts[u] = counts.GetValueOrDefault(u) + 1;
                }
            }

            for (var i = 0; i < ids.Count; i++)
            {
                if (upn[i] is { } u && counts[u] > 1)
                {
                    c.Fail(ids, i);
                }
            }
        }),

        // UPN invalid (characters 2-4 not a recognised LA code): judged on 13-character UPNs, as the DfE's tool does.
        new("1530", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            var upn = ids.Text("UPN");
            var codes = LaCodes(c.Year.EndYear);
            for (var i = 0; i < ids.Count; i++)
            {
                if (upn[i] is { Length: 13 } u && !codes.Contains(u.Substring(1, 3)))
                {
                    c.Fail(ids, i);
                }
            }
        }),

        // UPN invalid (characters 5-12 not all numeric).
        new("1540", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            var upn = ids.Text("UPN");
            for (var i = 0; i < ids.Count; i++)
            {
                if (upn[i] is { Length: >= 12 } u && u.AsSpan(4, 8).ContainsAnyExceptInRange('0', '9'))
                {
                    c.Fail(ids, i);
                }
            }
        }),

        // UPN invalid (character 13 not a recognised value): a digit or a letter other than I, O and S.
        new("1550", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            var upn = ids.Text("UPN");
            for (var i = 0; i < ids.Count; i++)
            {
                if (upn[i] is { Length: 13 } u && !IsUpnLastCharacter(u[12]))
                {
                    c.Fail(ids, i);
                }
            }
        }),

        // Former UPN wrongly formatted: 13 characters, a capital letter, 11 digits, and a digit or UPN letter.
        new("1560Q", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            var former = ids.Text("FormerUPN");
            for (var i = 0; i < ids.Count; i++)
            {
                if (former[i] is { } u && !(u.Length == 13 && char.IsAsciiLetterUpper(u[0]) && WellFormedUpnBody(u)))
                {
                    c.Fail(ids, i);
                }
            }
        }),

        // LA Child ID must not be longer than 20 characters.
        new("1570", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            var id = ids.Text("LAchildID");
            for (var i = 0; i < ids.Count; i++)
            {
                if (id[i] is { Length: > 20 })
                {
                    c.Fail(ids, i);
                }
            }
        }),

        // LA Child ID must not contain any non-alphanumeric characters.
        new("1580", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            var id = ids.Text("LAchildID");
            for (var i = 0; i < ids.Count; i++)
            {
                if (id[i] is { } s && s.AsSpan().ContainsAnyExcept(AlphaNumeric))
                {
                    c.Fail(ids, i);
                }
            }
        }),

        // More than 2% of children (unborn children aside) have no sex recorded (Sex U or blank; before 2024-25
        // GenderCurrent 0 or blank). A return-level query: the children without a sex are reported.
        new("2886Q", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            var sex = ids.Text(c.Year.EndYear <= 2024 ? "GenderCurrent" : "Sex");
            var unknown = c.Year.EndYear <= 2024 ? "0" : "U";
            var expected = ids.Text("ExpectedPersonBirthDate");
            var rows = new List<int>();
            for (var i = 0; i < ids.Count; i++)
            {
                if ((sex[i] is null || sex[i] == unknown) && expected[i] is null)
                {
                    rows.Add(i);
                }
            }

            if (ids.Count > 0 && rows.Count > 0.02 * ids.Count)
            {
                foreach (var i in rows)
                {
                    c.Fail(ids, i);
                }
            }
        }),

        // CIN Plan shown as starting after the child's Date of Death.
        new("4008", c => PlanAfterDeath(c, "CINPlanStartDate")),

        // CIN Plan cannot end after the child's Date of Death.
        new("4009Q", c => PlanAfterDeath(c, "CINPlanEndDate")),

        // Sex must be provided and equal M, F, or U; before 2024-25 the return held GenderCurrent 0, 1, 2 or 9.
        new("4180", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            var old = c.Year.EndYear <= 2024;
            var sex = ids.Text(old ? "GenderCurrent" : "Sex");
            var valid = old ? GenderCurrentCodes : SexCodes;
            for (var i = 0; i < ids.Count; i++)
            {
                if (sex[i] is not { } s || !valid.Contains(s))
                {
                    c.Fail(ids, i);
                }
            }
        }),

        // LA Child ID missing.
        new("8500", c =>
        {
            var identifiers = c.Table("ChildIdentifiers");
            var id = identifiers.Text("LAchildID");
            for (var i = 0; i < identifiers.Count; i++)
            {
                if (id[i] is null)
                {
                    c.Fail(identifiers, i);
                }
            }
        }),

        // More than one child record with the same LA Child ID.
        new("8510", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            foreach (var rows in ids.ByChild.Groups)
            {
                if (rows.Length > 1)
                {
                    foreach (var i in rows)
                    {
                        c.Fail(ids, i);
                    }
                }
            }
        }),

        // Date of Birth is after the collection period (after the ReferenceDate).
        new("8520", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            var birth = c.Dates(ids, "PersonBirthDate");
            for (var i = 0; i < ids.Count; i++)
            {
                if (birth[i] > c.ReferenceDate)
                {
                    c.Fail(ids, i);
                }
            }
        }),

        // Either Date of Birth or Expected Date of Birth must be provided (but not both).
        new("8525Q", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            var birth = ids.Text("PersonBirthDate");
            var expected = ids.Text("ExpectedPersonBirthDate");
            for (var i = 0; i < ids.Count; i++)
            {
                if ((birth[i] is null) == (expected[i] is null))
                {
                    c.Fail(ids, i);
                }
            }
        }),

        // Expected Date of Birth outside [ReferenceDate - 30 days, ReferenceDate + 9 months] (both bounds excluded).
        new("8530Q", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            var expected = c.Dates(ids, "ExpectedPersonBirthDate");
            var earliest = c.ReferenceDate.AddDays(-30);
            var latest = c.ReferenceDate.AddMonths(9);
            for (var i = 0; i < ids.Count; i++)
            {
                if (expected[i] is { } due && (due <= earliest || due >= latest))
                {
                    c.Fail(ids, i);
                }
            }
        }),

        // Date of death before the date of birth.
        new("8535Q", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            var death = c.Dates(ids, "PersonDeathDate");
            var birth = c.Dates(ids, "PersonBirthDate");
            for (var i = 0; i < ids.Count; i++)
            {
                if (death[i] is { } died && birth[i] is { } born && died < born)
                {
                    c.Fail(ids, i);
                }
            }
        }),

        // Date of death not within the census year.
        new("8545Q", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            var death = c.Dates(ids, "PersonDeathDate");
            for (var i = 0; i < ids.Count; i++)
            {
                if (death[i] is { } died && (died < c.CollectionStart || died > c.ReferenceDate))
                {
                    c.Fail(ids, i);
                }
            }
        }),

        // Child does not have a recorded CIN episode (no CINdetails for the child).
        new("8590", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            var details = c.Table("CINdetails");
            for (var i = 0; i < ids.Count; i++)
            {
                if (ids.Child[i] is { } child && !details.ByChild.Contains(child))
                {
                    c.Fail(ids, i);
                }
            }
        }),

        // Sex must equal U for an unborn child (before 2024-25: GenderCurrent must equal 0).
        new("8750", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            var old = c.Year.EndYear <= 2024;
            var sex = ids.Text(old ? "GenderCurrent" : "Sex");
            var unknown = old ? "0" : "U";
            var birth = ids.Text("PersonBirthDate");
            var expected = ids.Text("ExpectedPersonBirthDate");
            for (var i = 0; i < ids.Count; i++)
            {
                if (birth[i] is null && expected[i] is not null && sex[i] != unknown)
                {
                    c.Fail(ids, i);
                }
            }
        }),

        // UPN missing, and UPNunknown missing or UN1, for a child of school age with a referral going on to further
        // action. School age from 2024-25: born on or before 31 August four years before the ReferenceDate's year
        // (the DfE's tool); before: born on or before the ReferenceDate less 6 years.
        new("8770Q", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            var details = c.Table("CINdetails");
            var nfa = details.Text("ReferralNFA");
            var upn = ids.Text("UPN");
            var unknown = ids.Text("UPNunknown");
            var birth = c.Dates(ids, "PersonBirthDate");
            var bornBy = c.Year.EndYear >= 2025 ? new DateOnly(c.ReferenceDate.Year - 4, 8, 31) : c.ReferenceDate.AddYears(-6);
            for (var i = 0; i < ids.Count; i++)
            {
                if (upn[i] is null && (unknown[i] is not { } reason || !UpnUnknownForSchoolAge.Contains(reason))
                    && birth[i] is { } born && born <= bornBy && AnyRow(details.ByChild.Rows(ids.Child[i]), nfa, IsFalse))
                {
                    c.Fail(ids, i);
                }
            }
        }),

        // UPNunknown is UN7 (referral with no further action) but a CIN episode goes on to further action.
        new("8772", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            var details = c.Table("CINdetails");
            var nfa = details.Text("ReferralNFA");
            var unknown = ids.Text("UPNunknown");
            for (var i = 0; i < ids.Count; i++)
            {
                if (string.Equals(unknown[i], "UN7", StringComparison.OrdinalIgnoreCase) && AnyRow(details.ByChild.Rows(ids.Child[i]), nfa, IsFalse))
                {
                    c.Fail(ids, i);
                }
            }
        }),

        // Child is over 25 years old at the episode's closure (or at the ReferenceDate while open): the child and
        // each such episode are reported.
        new("8775Q", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            var details = c.Table("CINdetails");
            var birth = c.Dates(ids, "PersonBirthDate");
            var closure = c.Dates(details, "CINclosureDate");
            for (var i = 0; i < ids.Count; i++)
            {
                if (birth[i] is not { } born)
                {
                    continue;
                }

                foreach (var d in details.ByChild.Rows(ids.Child[i]))
                {
                    if (born.AddYears(25) < (closure[d] ?? c.ReferenceDate))
                    {
                        c.Fail(ids, i);
                        c.Fail(details, d);
                    }
                }
            }
        }),

        // Ethnicity is missing or invalid.
        new("4220", c =>
        {
            var characteristics = c.Table("ChildCharacteristics");
            var ethnicity = characteristics.Text("Ethnicity");
            for (var i = 0; i < characteristics.Count; i++)
            {
                if (!Ethnicity.Set.Contains(ethnicity[i]))
                {
                    c.Fail(characteristics, i);
                }
            }
        }),

        // A child born (PersonBirthDate present) with a referral going on to further action must have one or more
        // disabilities, all valid codes: the child's characteristics and each invalid disability are reported.
        new("8540", c =>
        {
            var ids = c.Table("ChildIdentifiers");
            var characteristics = c.Table("ChildCharacteristics");
            var disabilities = c.Table("Disabilities");
            var details = c.Table("CINdetails");
            var nfa = details.Text("ReferralNFA");
            var birth = ids.Text("PersonBirthDate");
            var disability = disabilities.Text("Disability");
            for (var i = 0; i < ids.Count; i++)
            {
                var child = ids.Child[i];
                if (birth[i] is null || !AnyRow(details.ByChild.Rows(child), nfa, IsFalse))
                {
                    continue;
                }

                var rows = disabilities.ByChild.Rows(child);
                var failed = rows.Length == 0;
                foreach (var d in rows)
                {
                    if (!Disability.Set.Contains(disability[d]))
                    {
                        failed = true;
                        c.Fail(disabilities, d);
                    }
                }

                if (failed)
                {
                    var at = characteristics.ByChild.First(child);
                    if (at >= 0)
                    {
                        c.Fail(characteristics, at);
                    }
                    else
                    {
                        c.Fail(ids, i);
                    }
                }
            }
        }),

        // Fewer than 8 different disability codes (NONE aside) used in the return. A return-level query, reported
        // on the first disability row (the DfE's tool keeps only NONE here, plainly contrary to its message).
        new("2887Q", c =>
        {
            var disabilities = c.Table("Disabilities");
            var disability = disabilities.Text("Disability");
            var codes = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < disabilities.Count; i++)
            {
                if (disability[i] is { } d && d != "NONE")
                {
                    codes.Add(d);
                }
            }

            if (codes.Count <= 7 && disabilities.Count > 0)
            {
                c.Fail(disabilities, 0);
            }
        }),

        // Every child with a disability (NONE aside) has only one recorded. A return-level query, reported on the
        // first such row; it does not fire when no child has a disability (the DfE's tool keeps only NONE here,
        // plainly contrary to its message).
        new("2888Q", c =>
        {
            var disabilities = c.Table("Disabilities");
            var disability = disabilities.Text("Disability");
            var first = -1;
            foreach (var rows in disabilities.ByChild.Groups)
            {
                var count = 0;
                foreach (var d in rows)
                {
                    if (disability[d] is { } code && code != "NONE")
                    {
                        count++;
                        if (first < 0 || d < first)
                        {
                            first = d;
                        }
                    }
                }

                if (count > 1)
                {
                    return;
                }
            }

            if (first >= 0)
            {
                c.Fail(disabilities, first);
            }
        }),

        // Disability information includes both NONE and other values: the child's disabilities are reported.
        new("8790", c =>
        {
            var disabilities = c.Table("Disabilities");
            var disability = disabilities.Text("Disability");
            foreach (var rows in disabilities.ByChild.Groups)
            {
                bool none = false, other = false;
                foreach (var d in rows)
                {
                    if (disability[d] == "NONE")
                    {
                        none = true;
                    }
                    else if (disability[d] is not null)
                    {
                        other = true;
                    }
                }

                if (none && other)
                {
                    foreach (var d in rows)
                    {
                        c.Fail(disabilities, d);
                    }
                }
            }
        }),

        // Child has two or more disabilities with the same code: the repeated rows are reported.
        new("8794", c =>
        {
            var disabilities = c.Table("Disabilities");
            var disability = disabilities.Text("Disability");
            foreach (var rows in disabilities.ByChild.Groups)
            {
                for (var a = 0; a < rows.Length; a++)
                {
                    for (var b = 0; b < rows.Length; b++)
                    {
                        if (a != b && disability[rows[a]] is { } code && code == disability[rows[b]])
                        {
                            c.Fail(disabilities, rows[a]);
                            break;
                        }
                    }
                }
            }
        }),

        // Activity (a Section 47 enquiry, a child protection plan, a CIN plan or an initial conference date) recorded
        // on an episode closed with RC8 or RC9 (the DfE's message names both; its tool checks RC8 only).
        new("2990", c =>
        {
            var details = c.Table("CINdetails");
            var ids = details.Text("CINdetailsID");
            var reason = details.Text("ReasonForClosure");
            var conference = details.Text("DateOfInitialCPC");
            var modules = new[] { c.TryTable("Section47"), c.TryTable("ChildProtectionPlans"), c.TryTable("CINplanDates") };
            var byEpisode = Array.ConvertAll(modules, RowsByEpisode);
            for (var i = 0; i < details.Count; i++)
            {
                if (reason[i] is not { } r || !ClosedAfterAssessment.Contains(r))
                {
                    continue;
                }

                var failed = conference[i] is not null;
                if (Episode(details, ids, i) is { } key)
                {
                    for (var m = 0; m < modules.Length; m++)
                    {
                        if (byEpisode[m].TryGetValue(key, out var rows))
                        {
                            failed = true;
                            foreach (var row in rows)
                            {
                                c.Fail(modules[m]!, row);
                            }
                        }
                    }
                }

                if (failed)
                {
                    c.Fail(details, i);
                }
            }
        }),

        // A Section 47 module is recorded and there is no assessment on the episode.
        new("2991Q", c =>
        {
            var details = c.Table("CINdetails");
            var ids = details.Text("CINdetailsID");
            var section47 = RowsByEpisode(c.TryTable("Section47"));
            var assessments = RowsByEpisode(c.TryTable("Assessments"));
            for (var i = 0; i < details.Count; i++)
            {
                if (Episode(details, ids, i) is { } key && section47.ContainsKey(key) && !assessments.ContainsKey(key))
                {
                    c.Fail(details, i);
                }
            }
        }),

        // Child cannot be referred after its recorded date of death.
        new("8555Q", c =>
        {
            var details = c.Table("CINdetails");
            var children = c.Table("ChildIdentifiers");
            var referral = c.Dates(details, "CINreferralDate");
            var death = c.Dates(children, "PersonDeathDate");
            for (var i = 0; i < details.Count; i++)
            {
                var at = children.ByChild.First(details.Child[i]);
                if (at >= 0 && death[at] is { } died && referral[i] > died)
                {
                    c.Fail(details, i);
                }
            }
        }),

        // RNFA flag is missing or invalid (0, 1, false or true).
        new("8568", c =>
        {
            var details = c.Table("CINdetails");
            var nfa = details.Text("ReferralNFA");
            for (var i = 0; i < details.Count; i++)
            {
                if (!IsTrue(nfa[i]) && !IsFalse(nfa[i]))
                {
                    c.Fail(details, i);
                }
            }
        }),

        // A referral dated before the last working day before the collection start must have ReferralNFA false or 0.
        new("8569Q", c =>
        {
            var details = c.Table("CINdetails");
            var nfa = details.Text("ReferralNFA");
            var referral = c.Dates(details, "CINreferralDate");
            if (WorkingDayBefore(c.CollectionStart) is not { } bound)
            {
                return;
            }

            for (var i = 0; i < details.Count; i++)
            {
                if (!IsFalse(nfa[i]) && referral[i] < bound)
                {
                    c.Fail(details, i);
                }
            }
        }),

        // Closure reason RC2 (died) but the child has no date of death.
        new("8585Q", c =>
        {
            var details = c.Table("CINdetails");
            var children = c.Table("ChildIdentifiers");
            var reason = details.Text("ReasonForClosure");
            var death = children.Text("PersonDeathDate");
            for (var i = 0; i < details.Count; i++)
            {
                if (reason[i] == "RC2" && children.ByChild.First(details.Child[i]) is var at && (at < 0 || death[at] is null))
                {
                    c.Fail(details, i);
                }
            }
        }),

        // Referral date missing or after the ReferenceDate.
        new("8600", c =>
        {
            var details = c.Table("CINdetails");
            var text = details.Text("CINreferralDate");
            var referral = c.Dates(details, "CINreferralDate");
            for (var i = 0; i < details.Count; i++)
            {
                if (text[i] is null || referral[i] > c.ReferenceDate)
                {
                    c.Fail(details, i);
                }
            }
        }),

        // Referral date more than 40 weeks (280 days) before the date of birth or, for an unborn child, the expected one.
        new("8606", c =>
        {
            var details = c.Table("CINdetails");
            var children = c.Table("ChildIdentifiers");
            var referral = c.Dates(details, "CINreferralDate");
            var birth = c.Dates(children, "PersonBirthDate");
            var expected = c.Dates(children, "ExpectedPersonBirthDate");
            for (var i = 0; i < details.Count; i++)
            {
                var at = children.ByChild.First(details.Child[i]);
                if (at >= 0 && (birth[at] ?? expected[at]) is { } born && referral[i] < born.AddDays(-280))
                {
                    c.Fail(details, i);
                }
            }
        }),

        // Source of referral missing or not a code of the collection year.
        new("8866", c =>
        {
            var details = c.Table("CINdetails");
            var source = details.Text("ReferralSource");
            for (var i = 0; i < details.Count; i++)
            {
                if (source[i] is not { } code || !Lantern.Domain.Codes.ReferralSource.Set.ValidIn(code, c.Year.EndYear))
                {
                    c.Fail(details, i);
                }
            }
        }),

        // Primary need code missing for a referral going on to further action (ReferralNFA 0 or false).
        new("8610", c =>
        {
            var details = c.Table("CINdetails");
            var nfa = details.Text("ReferralNFA");
            var need = details.Text("PrimaryNeedCode");
            for (var i = 0; i < details.Count; i++)
            {
                if (IsFalse(nfa[i]) && need[i] is null)
                {
                    c.Fail(details, i);
                }
            }
        }),

        // Closure date present and not within the census year.
        new("8620", c =>
        {
            var details = c.Table("CINdetails");
            var closure = c.Dates(details, "CINclosureDate");
            for (var i = 0; i < details.Count; i++)
            {
                if (closure[i] is { } closed && (closed < c.CollectionStart || closed > c.ReferenceDate))
                {
                    c.Fail(details, i);
                }
            }
        }),

        // Closure date before the referral date.
        new("8630", c =>
        {
            var details = c.Table("CINdetails");
            var referral = c.Dates(details, "CINreferralDate");
            var closure = c.Dates(details, "CINclosureDate");
            for (var i = 0; i < details.Count; i++)
            {
                if (closure[i] is { } closed && referral[i] is { } referred && closed < referred)
                {
                    c.Fail(details, i);
                }
            }
        }),

        // Reason for closure not a code of the year (RC9 from 2022-23).
        new("8640", c =>
        {
            var details = c.Table("CINdetails");
            var reason = details.Text("ReasonForClosure");
            for (var i = 0; i < details.Count; i++)
            {
                if (reason[i] is { } r && !ClosureReason.Set.ValidIn(r, c.Year.EndYear))
                {
                    c.Fail(details, i);
                }
            }
        }),

        // Primary need code present and invalid.
        new("8650", c =>
        {
            var details = c.Table("CINdetails");
            var need = details.Text("PrimaryNeedCode");
            for (var i = 0; i < details.Count; i++)
            {
                if (need[i] is { } n && !PrimaryNeed.Set.ValidIn(n, c.Year.EndYear))
                {
                    c.Fail(details, i);
                }
            }
        }),

        // A closure date without a reason for closure.
        new("8805", c =>
        {
            var details = c.Table("CINdetails");
            var closure = details.Text("CINclosureDate");
            var reason = details.Text("ReasonForClosure");
            for (var i = 0; i < details.Count; i++)
            {
                if (closure[i] is not null && reason[i] is null)
                {
                    c.Fail(details, i);
                }
            }
        }),

        // A reason for closure without a closure date.
        new("8810", c =>
        {
            var details = c.Table("CINdetails");
            var closure = details.Text("CINclosureDate");
            var reason = details.Text("ReasonForClosure");
            for (var i = 0; i < details.Count; i++)
            {
                if (reason[i] is not null && closure[i] is null)
                {
                    c.Fail(details, i);
                }
            }
        }),

        // More than one open episode (no closure date) with ReferralNFA false or 0: all are reported.
        new("8815", c =>
        {
            var details = c.Table("CINdetails");
            var closure = details.Text("CINclosureDate");
            var nfa = details.Text("ReferralNFA");
            foreach (var rows in details.ByChild.Groups)
            {
                var open = 0;
                foreach (var i in rows)
                {
                    if (closure[i] is null && IsFalse(nfa[i]))
                    {
                        open++;
                    }
                }

                if (open > 1)
                {
                    foreach (var i in rows)
                    {
                        if (closure[i] is null && IsFalse(nfa[i]))
                        {
                            c.Fail(details, i);
                        }
                    }
                }
            }
        }),

        // An open episode with ReferralNFA false or 0 is not the child's latest (another episode has a later referral
        // date): the episode and the latest are reported.
        new("8816", c =>
        {
            var details = c.Table("CINdetails");
            var closure = details.Text("CINclosureDate");
            var nfa = details.Text("ReferralNFA");
            var referral = c.Dates(details, "CINreferralDate");
            foreach (var rows in details.ByChild.Groups)
            {
                DateOnly? latest = null;
                var latestRow = -1;
                foreach (var i in rows)
                {
                    if (referral[i] is { } r && (latest is null || r > latest))
                    {
                        latest = r;
                        latestRow = i;
                    }
                }

                foreach (var i in rows)
                {
                    if (closure[i] is null && IsFalse(nfa[i]) && referral[i] is { } r && r < latest)
                    {
                        c.Fail(details, i);
                        c.Fail(details, latestRow);
                    }
                }
            }
        }),

        // Episodes overlap: a referral date on or after another episode's referral date and before its closure
        // date, or on or before the ReferenceDate when that episode is open with ReferralNFA false or 0 (one episode may close on
        // the day the next is referred, as the DfE's note says). Both episodes are reported.
        new("8820", c =>
        {
            var details = c.Table("CINdetails");
            var referral = c.Dates(details, "CINreferralDate");
            var closure = c.Dates(details, "CINclosureDate");
            var nfa = details.Text("ReferralNFA");
            foreach (var rows in details.ByChild.Groups)
            {
                foreach (var a in rows)
                {
                    if (referral[a] is not { } start)
                    {
                        continue;
                    }

                    foreach (var b in rows)
                    {
                        if (a != b && referral[b] is { } otherStart && start >= otherStart
                            && (closure[b] is { } otherEnd ? start < otherEnd : IsFalse(nfa[b]) && start <= c.ReferenceDate))
                        {
                            c.Fail(details, a);
                            c.Fail(details, b);
                        }
                    }
                }
            }
        }),

        // Closure reason RC8 or RC9 (closed after assessment) but no assessment on the episode.
        new("8825Q", c =>
        {
            var details = c.Table("CINdetails");
            var ids = details.Text("CINdetailsID");
            var reason = details.Text("ReasonForClosure");
            var assessments = RowsByEpisode(c.TryTable("Assessments"));
            for (var i = 0; i < details.Count; i++)
            {
                if (reason[i] is { } r && ClosedAfterAssessment.Contains(r)
                    && (Episode(details, ids, i) is not { } key || !assessments.ContainsKey(key)))
                {
                    c.Fail(details, i);
                }
            }
        }),

        // Activity (an assessment start or authorisation date, a Section 47 start or conference date, or the
        // episode's initial conference date) recorded on a referral with no further action.
        new("8831", c =>
        {
            var details = c.Table("CINdetails");
            var ids = details.Text("CINdetailsID");
            var nfa = details.Text("ReferralNFA");
            var conference = details.Text("DateOfInitialCPC");
            var assessmentTable = c.TryTable("Assessments");
            var section47Table = c.TryTable("Section47");
            var assessments = RowsByEpisode(assessmentTable);
            var section47 = RowsByEpisode(section47Table);
            for (var i = 0; i < details.Count; i++)
            {
                if (!IsTrue(nfa[i]))
                {
                    continue;
                }

                var failed = conference[i] is not null;
                if (Episode(details, ids, i) is { } key)
                {
                    failed |= assessments.TryGetValue(key, out var a) && AnyDate(assessmentTable!, a, "AssessmentActualStartDate", "AssessmentAuthorisationDate");
                    failed |= section47.TryGetValue(key, out var s) && AnyDate(section47Table!, s, "S47ActualStartDate", "DateOfInitialCPC");
                }

                if (failed)
                {
                    c.Fail(details, i);
                }
            }
        }),

        // A closed episode has an assessment with no authorisation date: the episode and the assessment are reported.
        new("8867", c =>
        {
            var details = c.Table("CINdetails");
            var ids = details.Text("CINdetailsID");
            var closure = details.Text("CINclosureDate");
            var assessmentTable = c.TryTable("Assessments");
            var assessments = RowsByEpisode(assessmentTable);
            var authorised = assessmentTable?.Text("AssessmentAuthorisationDate");
            for (var i = 0; i < details.Count; i++)
            {
                if (closure[i] is null || Episode(details, ids, i) is not { } key || !assessments.TryGetValue(key, out var rows))
                {
                    continue;
                }

                foreach (var a in rows)
                {
                    if (authorised![a] is null)
                    {
                        c.Fail(assessmentTable!, a);
                        c.Fail(details, i);
                    }
                }
            }
        }),

        // A closed episode has a Section 47 enquiry with neither an initial conference date nor ICPCnotRequired
        // true: the episode and the enquiry are reported.
        new("8868", c =>
        {
            var details = c.Table("CINdetails");
            var ids = details.Text("CINdetailsID");
            var closure = details.Text("CINclosureDate");
            var section47Table = c.TryTable("Section47");
            var section47 = RowsByEpisode(section47Table);
            var conference = section47Table?.Text("DateOfInitialCPC");
            var notRequired = section47Table?.Text("ICPCnotRequired");
            for (var i = 0; i < details.Count; i++)
            {
                if (closure[i] is null || Episode(details, ids, i) is not { } key || !section47.TryGetValue(key, out var rows))
                {
                    continue;
                }

                foreach (var s in rows)
                {
                    if (conference![s] is null && !IsTrue(notRequired![s]))
                    {
                        c.Fail(section47Table!, s);
                        c.Fail(details, i);
                    }
                }
            }
        }),

        // Within one episode, a Section 47 enquiry starts on or after another's start and on or before its initial
        // conference date, or on or before the ReferenceDate when the other has no conference date and ICPCnotRequired
        // is not true. (The DfE's tool compares enquiries of different episodes, against the rule's text; here, as
        // the text says, those of the same episode.) The enquiry that starts is reported.
        new("8890", c =>
        {
            var section47 = c.Table("Section47");
            var start = c.Dates(section47, "S47ActualStartDate");
            var conference = c.Dates(section47, "DateOfInitialCPC");
            var notRequired = section47.Text("ICPCnotRequired");
            foreach (var rows in RowsByEpisode(section47).Values)
            {
                foreach (var a in rows)
                {
                    if (start[a] is not { } began)
                    {
                        continue;
                    }

                    foreach (var b in rows)
                    {
                        if (a != b && start[b] is { } otherBegan && began >= otherBegan
                            && (conference[b] is { } held ? began <= held : !IsTrue(notRequired[b]) && began <= c.ReferenceDate))
                        {
                            c.Fail(section47, a);
                            break;
                        }
                    }
                }
            }
        }),
    ];

    private static readonly System.Buffers.SearchValues<char> AlphaNumeric =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>4008 and 4009Q: a CIN plan date after the child's date of death (the plan and the child are reported).</summary>
    private static void PlanAfterDeath(RuleContext c, string column)
    {
        var ids = c.Table("ChildIdentifiers");
        var plans = c.Table("CINplanDates");
        var death = c.Dates(ids, "PersonDeathDate");
        var date = c.Dates(plans, column);
        for (var i = 0; i < ids.Count; i++)
        {
            if (death[i] is not { } died)
            {
                continue;
            }

            foreach (var p in plans.ByChild.Rows(ids.Child[i]))
            {
                if (date[p] > died)
                {
                    c.Fail(plans, p);
                    c.Fail(ids, i);
                }
            }
        }
    }

    /// <summary>True when any of <paramref name="rows"/> of <paramref name="table"/> has a value in either column.</summary>
    private static bool AnyDate(RuleTable table, List<int> rows, string first, string second)
    {
        var a = table.Text(first);
        var b = table.Text(second);
        foreach (var r in rows)
        {
            if (a[r] is not null || b[r] is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when any of <paramref name="rows"/> has a value in <paramref name="column"/> meeting <paramref name="test"/>.</summary>
    private static bool AnyRow(int[] rows, string?[] column, Func<string?, bool> test)
    {
        foreach (var r in rows)
        {
            if (test(column[r]))
            {
                return true;
            }
        }

        return false;
    }
}
