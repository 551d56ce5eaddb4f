namespace Lantern.Metrics.Indicators;

/// <summary>The front door: contacts, referrals and re-referrals (domain reference 4.1, 4.2).</summary>
public static class FrontDoorIndicators
{
    /// <summary>Referrals per 10,000 children: every referral in the year, counted per referral (CIN table C1).</summary>
    public static Indicator ReferralsPer10k { get; } = new(
        new IndicatorDefinition
        {
            Id = "referrals_per_10k",
            Title = "Referrals per 10,000 children",
            Definition = "Referrals received in the 12 months ending on the date, counted per referral (a child referred twice counts twice), per 10,000 children aged 0 to 17 in the area.",
            Formula = "referrals in the year ÷ children aged 0 to 17 × 10,000",
            Numerator = "Referrals in the year",
            Denominator = "Children aged 0 to 17 (ONS mid-year estimate)",
            Polarity = Polarity.Neither,
            Unit = IndicatorUnit.Per10k,
            Area = IndicatorArea.FrontDoor,
            Source = "Domain reference 4.1 and 4.2; CIN table C1",
        },
        static (c, sink) =>
        {
            foreach (var r in c.Data.Referrals)
            {
                if (c.InYear(r.ReferralDate))
                {
                    sink.Add(r.ChildId, 1, 0);
                }
            }
        });

    /// <summary>Re-referrals within 12 months (CIN table C1).</summary>
    public static Indicator RereferralsPercent { get; } = new(
        new IndicatorDefinition
        {
            Id = "rereferrals_12m_pct",
            Title = "Re-referrals within 12 months",
            Definition = "Of the referrals received in the 12 months ending on the date, the share where the child had a previous referral within the 12 months before this one.",
            Formula = "referrals in the year with a previous referral in the 12 months before ÷ referrals in the year × 100",
            Numerator = "Referrals in the year that were re-referrals",
            Denominator = "Referrals in the year",
            Polarity = Polarity.LowerIsBetter,
            Unit = IndicatorUnit.Percent,
            Area = IndicatorArea.FrontDoor,
            Source = "Domain reference 4.2; CIN table C1",
        },
        static (c, sink) =>
        {
            foreach (var (child, referrals) in c.Index.ReferralsByChild)
            {
                for (var i = 0; i < referrals.Length; i++)
                {
                    var date = referrals[i].ReferralDate;
                    if (!c.InYear(date))
                    {
                        continue;
                    }

                    var again = i > 0 && referrals[i - 1].ReferralDate >= date.AddMonths(-12);
                    sink.Add(child, again ? 1 : 0, 1);
                }
            }
        });

    public static IReadOnlyList<Indicator> All { get; } = [ReferralsPer10k, RereferralsPercent];
}
