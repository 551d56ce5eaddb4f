using Lantern.Domain.Codes;
using Lantern.Domain.Identifiers;
using Lantern.Domain.Model;

namespace Lantern.Synthetic;

/// <summary>The deterministic synthetic local authority: the same options give the same data.</summary>
public static class SyntheticAuthority
{
    public static GenerationResult Generate(GeneratorOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var profile = Profile.Find(options.Profile)
            ?? throw new ArgumentException($"Unknown profile '{options.Profile}'. Known profiles: {string.Join(", ", Profile.Names)}.");
        if (options.To < options.From)
        {
            throw new ArgumentException("The end date must not be before the start date.");
        }

        if (options.Population is < 1)
        {
            throw new ArgumentException("The population must be at least 1.");
        }

        var scale = options.Population is { } p ? p / (double)profile.Population0To17 : 1.0;
        var shards = ShardCount(scale, options.MaxAreaScale);
        if (shards == 1)
        {
            return new Generator(profile, options, progress).Run();
        }

        // A large authority is generated as areas of at most 40 times the profile's size, each
        // from its own seed, in parallel; merging them in area order keeps the result the same
        // whatever the number of cores.
        var results = new GenerationResult[shards];
        var done = 0;
        Parallel.For(0, shards, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
        {
            var share = options.Population!.Value / shards + (k < options.Population.Value % shards ? 1 : 0);
            var area = options with { Population = share, Seed = unchecked((options.Seed * 7919) + k + 1) };
            results[k] = new Generator(profile, area, null, k + 1, shards).Run();
            var n = Interlocked.Increment(ref done);
            progress?.Report($"Generated area {n} of {shards}");
            // The finished areas stay live until the merge while the garbage of the later
            // areas builds up behind them; the GC, seeing free memory, collects it late. A full
            // collection after every second area in the second half keeps the peak near the
            // live data (national size: 6.5 GiB against 7.5 GiB, for about 3 s).
            if (n % 2 == 0 && n >= shards / 2)
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            }
        });
        progress?.Report("Merging the areas");
        return ShardMerger.Merge(results, options);
    }

    // An even number of areas, so two cores share the work evenly.
    internal static int ShardCount(double scale, double maxAreaScale) => scale <= maxAreaScale ? 1 : 2 * (int)Math.Ceiling(scale / (2 * maxAreaScale));
}

/// <summary>The simulation. Month by month it draws the demand the profile asks for (referrals,
/// section 47 enquiries, conferences, children entering care), schedules each journey's end, and
/// afterwards writes the visits, reviews and meetings each journey implies.</summary>
internal sealed partial class Generator
{
    private const int BurnInMonths = 6;

    private readonly Profile profile;
    private readonly GeneratorOptions options;
    private readonly IProgress<string>? progress;
    private readonly Random rng;
    private readonly double scale;
    private readonly AuthorityData data = new();
    private readonly List<InjectedDefect> defects = [];
    private readonly List<ChildState> states = [];
    private readonly double[] wardDemandWeights;
    private readonly DateOnly simStart;
    private readonly DateOnly detailFrom;
    private readonly DateOnly to;

    // Pools used to pick who the next event happens to.
    private readonly List<ChildState> inCare = [];
    private readonly List<ChildState> onProtectionPlan = [];
    private readonly List<ChildState> recentlyClosed = [];

    public Generator(Profile profile, GeneratorOptions options, IProgress<string>? progress, int area = 0, int areas = 1)
    {
        Area = area;
        Areas = Math.Max(1, areas);
        this.profile = profile;
        this.options = options;
        this.progress = progress;
        rng = new Random(options.Seed);
        scale = options.Population is { } p ? p / (double)profile.Population0To17 : 1.0;
        to = options.To;
        var startMonth = new DateOnly(options.From.Year, options.From.Month, 1);
        simStart = startMonth.AddMonths(-BurnInMonths);
        detailFrom = options.From;
        var totalWeight = profile.Wards.Sum(w => w.PopulationShare);
        wardDemandWeights = [.. profile.Wards.Select(w => w.PopulationShare / totalWeight * DeprivationMultiplier(w.DeprivationDecile))];
    }

    internal Random Rng => rng;

    /// <summary>The area number when the authority is generated in areas, else 0.</summary>
    internal int Area { get; }

    /// <summary>How many areas the authority is generated in (1 when it is generated whole).</summary>
    internal int Areas { get; }

    /// <summary>Each area numbers its records from its own base, so areas never share an id and
    /// merging them needs no renumbering.</summary>
    internal long IdBase => Area * 10_000_000_000L;

    internal void Report(string message) => progress?.Report(message);

    /// <summary>Postcodes of a district: 9 sectors x 400 units, made once and shared, as many
    /// households share a postcode.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> PostcodesByDistrict = new(StringComparer.Ordinal);

    internal string PostcodeIn(string district)
    {
        var codes = PostcodesByDistrict.GetOrAdd(district, d =>
        {
            var list = new string[9 * 400];
            for (var i = 0; i < list.Length; i++)
            {
                list[i] = $"{d} {(i / 400) + 1}{(char)('A' + (i % 400 / 20))}{(char)('A' + (i % 20))}";
            }

            return list;
        });
        return codes[rng.Next(codes.Length)];
    }

    private static double DeprivationMultiplier(int decile) => decile switch
    {
        1 => 3.0,
        2 => 2.2,
        3 => 1.6,
        4 => 1.2,
        5 or 6 => 0.9,
        7 or 8 => 0.6,
        _ => 0.4,
    };

    public GenerationResult Run()
    {
        Presize();
        WriteAuthorityAndPopulation();
        progress?.Report("Drawing demand month by month");
        SeedInitialStocks();
        for (var month = simStart; month <= to; month = month.AddMonths(1))
        {
            SimulateMonth(month);
        }

        progress?.Report($"Writing visits, reviews and meetings (pools: {recentlyClosed.Count} closed, {inCare.Count} in care, {onProtectionPlan.Count} on plans)");
        foreach (var s in states)
        {
            FinishChild(s);
        }

        progress?.Report("Building the workforce and allocations");
        new WorkforceBuilder(this, data, profile, options, scale, simStart, to).Build(states);
        progress?.Report("Tidying");
        Tidy();
        progress?.Report("Done");
        return new GenerationResult { Data = data, Defects = defects };
    }

    /// <summary>Sizes the big lists up front from the profile's usual monthly volumes, so that a
    /// national-size run does not spend its time copying growing arrays.</summary>
    private void Presize()
    {
        var months = ((to.Year - simStart.Year) * 12) + to.Month - simStart.Month + 1;
        var detailMonths = ((to.Year - detailFrom.Year) * 12) + to.Month - detailFrom.Month + 1;
        int Size(double perMonth, int span) => (int)Math.Min(int.MaxValue / 2, perMonth * scale * span * 1.1);
        data.Children.Capacity = Size(850, months);
        data.People.Capacity = Size(1300, months);
        data.Relationships.Capacity = Size(1300, months);
        data.Professionals.Capacity = Size(850, months);
        data.Contacts.Capacity = Size(1000, months);
        data.Referrals.Capacity = Size(480, months);
        data.Assessments.Capacity = Size(450, months);
        data.ChildInNeedPlans.Capacity = Size(230, months);
        data.EarlyHelp.Capacity = Size(190, months);
        data.Visits.Capacity = Size(3700, detailMonths);
        data.CaseNotes.Capacity = Size(3600, detailMonths);
        data.Allocations.Capacity = Size(700, months);
        data.Supervisions.Capacity = Size(1200, detailMonths);
        data.ManagementDecisions.Capacity = Size(750, detailMonths);
    }

    // ---------------------------------------------------------------- place and population

    private void WriteAuthorityAndPopulation()
    {
        data.Authorities.Add(new LocalAuthority
        {
            Id = 1,
            Code = profile.LaCode,
            Name = profile.CouncilName,
            Profile = profile.Name,
            Seed = options.Seed,
            DataFrom = options.From,
            DataTo = options.To,
        });
        var totalShare = profile.Wards.Sum(w => w.PopulationShare);
        long wardId = 0;
        foreach (var w in profile.Wards)
        {
            data.Wards.Add(new WardInfo { Id = ++wardId, Name = w.Name, DeprivationDecile = w.DeprivationDecile, PostcodeDistrict = w.PostcodeDistrict });
        }

        long popId = 0;
        var total = profile.Population0To17 * scale;
        for (var year = simStart.Year - 1; year <= to.Year; year++)
        {
            var yearTotal = total * Math.Pow(1 + profile.PopulationGrowthPerYear, year - profile.PopulationReferenceYear);
            foreach (var w in profile.Wards)
            {
                // Slightly more young children in the deprived wards.
                var youngTilt = w.DeprivationDecile <= 2 ? 0.012 : 0.0;
                for (var age = 0; age < 18; age++)
                {
                    var ageWeight = (1.0 / 18) * (1 + (youngTilt * (8.5 - age)));
                    var count = (int)Math.Round(yearTotal * (w.PopulationShare / totalShare) * ageWeight);
                    data.Population.Add(new PopulationEstimate { Id = ++popId, Year = year, Ward = w.Name, Age = age, Count = count });
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    internal bool Chance(double p) => rng.NextDouble() < p;

    internal int Between(int minInclusive, int maxInclusive) => rng.Next(minInclusive, maxInclusive + 1);

    internal T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private int Poisson(double lambda)
    {
        if (lambda <= 0)
        {
            return 0;
        }

        if (lambda > 50)
        {
            var n = (int)Math.Round(lambda + (Math.Sqrt(lambda) * Normal()));
            return Math.Max(0, n);
        }

        var l = Math.Exp(-lambda);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= rng.NextDouble();
        }
        while (p > l);
        return k - 1;
    }

    internal double Normal()
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A log-normal number of days with the given median.</summary>
    private int LogNormalDays(double median, double sigma, int min = 1) =>
        Math.Max(min, (int)Math.Round(median * Math.Exp(sigma * Normal())));

    /// <summary>The reporting year (1 April to 31 March) a date falls in, named by the year it ends.</summary>
    internal static int FinancialYear(DateOnly d) => d.Month >= 4 ? d.Year + 1 : d.Year;

    private YearTargets TargetsOn(DateOnly d) => profile.For(FinancialYear(d));

    private DateOnly RandomDayIn(DateOnly monthStart) => monthStart.AddDays(rng.Next(DateTime.DaysInMonth(monthStart.Year, monthStart.Month)));

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    internal static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private bool Defect(ChildState s, string kind, string description) => Defect(s.Child.Id, kind, description);

    /// <summary>Decides (at the configured rate, when defects are on) whether to inject a recording
    /// defect, and logs it against the child so tests and validation can find it.</summary>
    internal bool Defect(long childId, string kind, string description)
    {
        if (!options.Defects || !Chance(options.DefectRate))
        {
            return false;
        }

        defects.Add(new InjectedDefect(childId, kind, description));
        return true;
    }

    /// <summary>Seasonal shape of demand: fewer referrals in August and late December.</summary>
    private static double Seasonality(int month) => month switch
    {
        8 => 0.80,
        12 => 0.88,
        1 => 1.02,
        3 => 1.08,
        9 => 1.08,
        10 => 1.08,
        11 => 1.05,
        _ => 1.0,
    };

    private double SeasonSum() => Enumerable.Range(1, 12).Sum(Seasonality);

    // ---------------------------------------------------------------- children

    internal ChildState NewChild(DateOnly knownFrom, int? age = null, bool unborn = false)
    {
        var wardIndex = PickWard();
        var ward = profile.Wards[wardIndex];
        var id = IdBase + data.Children.Count + 1;
        var sex = Chance(0.51) ? Sex.Male : Sex.Female;
        var years = age ?? SampleReferralAge();
        DateOnly? dob = null;
        DateOnly? edob = null;
        if (unborn)
        {
            edob = knownFrom.AddDays(Between(20, 150));
            sex = Sex.Unknown;
        }
        else
        {
            dob = knownFrom.AddYears(-years).AddDays(-rng.Next(365));
        }

        var child = new Child
        {
            Id = id,
            LaChildId = $"NEL{id:D7}",
            GivenName = unborn ? "Unborn" : sex == Sex.Male ? Pick(Names.Boys) : Pick(Names.Girls),
            FamilyName = Pick(Names.Family),
            DateOfBirth = dob,
            ExpectedDateOfBirth = edob,
            Sex = sex,
            Ethnicity = SampleEthnicity(),
            Disabilities = Chance(0.08) ? [Pick(DisabilityChoices)] : [Disability.None],
            Postcode = PostcodeIn(ward.PostcodeDistrict),
            Ward = ward.Name,
            NhsNumber = NhsNumber.FromSerial(id % (NhsNumber.MaxSerial + 1)).Digits,
        };
        var state = new ChildState(child, wardIndex);
        data.Children.Add(child);
        states.Add(state);
        if (child.Ethnicity == Ethnicity.NotObtained)
        {
            defects.Add(new InjectedDefect(child.Id, "ethnicity-not-obtained", "Ethnicity recorded as not yet obtained"));
        }


        return state;
    }

    private static readonly Disability[] DisabilityChoices =
        [Disability.Learning, Disability.Autism, Disability.Behaviour, Disability.Communication, Disability.Mobility, new("HEAR"), new("VIS"), new("PC")];

    private int PickWard()
    {
        var total = 0.0;
        foreach (var w in wardDemandWeights)
        {
            total += w;
        }

        var x = rng.NextDouble() * total;
        for (var i = 0; i < wardDemandWeights.Length; i++)
        {
            x -= wardDemandWeights[i];
            if (x <= 0)
            {
                return i;
            }
        }

        return wardDemandWeights.Length - 1;
    }

    private int SampleReferralAge()
    {
        var x = rng.NextDouble();
        return x switch
        {
            < 0.10 => 0,
            < 0.30 => Between(1, 4),
            < 0.55 => Between(5, 9),
            < 0.87 => Between(10, 15),
            _ => Between(16, 17),
        };
    }

    private int SampleCareEntryAge()
    {
        var x = rng.NextDouble();
        return x switch
        {
            < 0.20 => 0,
            < 0.36 => Between(1, 4),
            < 0.55 => Between(5, 9),
            < 0.88 => Between(10, 15),
            _ => 16,
        };
    }

    private Ethnicity SampleEthnicity()
    {
        var x = rng.NextDouble();
        var code = x switch
        {
            < 0.905 => "WBRI",
            < 0.925 => "WOTH",
            < 0.935 => "WROM",
            < 0.955 => "MWBC",
            < 0.965 => "MOTH",
            < 0.972 => "APKN",
            < 0.978 => "AOTH",
            < 0.984 => "BAFR",
            < 0.988 => "CHNE",
            < 0.994 => "OOTH",
            _ => options.Defects ? "NOBT" : "WBRI",
        };
        return EthnicityOf(code);
    }

    private static readonly Dictionary<string, Ethnicity> EthnicityCache = Codes.All<Ethnicity>().ToDictionary(e => e.Code, StringComparer.Ordinal);

    private static Ethnicity EthnicityOf(string code) => EthnicityCache[code];

    // Pupil numbers given so far, by the two-digit year they carry.
    private readonly int[] upnsByYear = new int[100];

    /// <summary>The pupil number is looked up once a child is referred (the CIN census needs it);
    /// a contact alone does not record it.</summary>
    private void AssignUpn(ChildState state, DateOnly knownFrom)
    {
        var child = state.Child;
        var dob = child.DateOfBirth;
        if (dob is { } d)
        {
            var ageNow = child.AgeOn(knownFrom) ?? 0;
            if (ageNow >= 4)
            {
                child.Upn = NextUpn(d.Year % 100);
            }
            else
            {
                child.UpnUnknown = UpnUnknownReason.NotSchoolAge;
            }
        }
        else
        {
            child.UpnUnknown = UpnUnknownReason.NotSchoolAge;
        }

        if (child.Upn is not null && Defect(state, "upn-missing", "School-age child recorded with neither a UPN nor a reason it is unknown"))
        {
            child.Upn = null;
        }
    }

    /// <summary>A pupil number no other child has (CIN census rule 1520): children with the same year are numbered
    /// in turn, and the areas of a large authority take turns in that numbering, so areas never share a number.
    /// Establishments 1000-9999 with 1000 serials each give 9 million numbers a year.</summary>
    private string NextUpn(int year2)
    {
        var key = ((long)upnsByYear[year2]++ * Areas) + Math.Max(0, Area - 1);
        key %= 9_000_000;
        var establishment = 1000 + (int)(key / 1000);
        var serial = (int)(key % 1000);
        return Upn.Create(int.Parse(profile.LaCode, System.Globalization.CultureInfo.InvariantCulture), establishment, year2, serial).ToString();
    }

    /// <summary>Family and professionals are recorded once a child is referred; a contact
    /// alone records only the child.</summary>
    internal void EnsureFamily(ChildState s, DateOnly from)
    {
        if (s.HasFamily)
        {
            return;
        }

        s.HasFamily = true;
        AssignUpn(s, from);
        var mother = new Person
        {
            Id = IdBase + data.People.Count + 1,
            GivenName = Pick(Names.Women),
            FamilyName = s.Child.FamilyName,
            DateOfBirth = (s.Child.DateOfBirth ?? from).AddYears(-Between(17, 38)),
            Postcode = s.Child.Postcode,
        };
        data.People.Add(mother);
        data.Relationships.Add(new ChildRelationship { Id = IdBase + data.Relationships.Count + 1, ChildId = s.Child.Id, PersonId = mother.Id, Type = RelationshipType.Mother, LivesInHousehold = true, HasParentalResponsibility = true });
        if (Chance(0.55))
        {
            var father = new Person
            {
                Id = IdBase + data.People.Count + 1,
                GivenName = Pick(Names.Men),
                FamilyName = Chance(0.6) ? s.Child.FamilyName : Pick(Names.Family),
                DateOfBirth = mother.DateOfBirth?.AddYears(-Between(-2, 8)),
                Postcode = Chance(0.5) ? s.Child.Postcode : null,
            };
            data.People.Add(father);
            data.Relationships.Add(new ChildRelationship { Id = IdBase + data.Relationships.Count + 1, ChildId = s.Child.Id, PersonId = father.Id, Type = RelationshipType.Father, LivesInHousehold = Chance(0.4), HasParentalResponsibility = Chance(0.8) });
        }

        var age = s.Child.AgeOn(from) ?? 0;
        data.Professionals.Add(new ProfessionalInvolvement
        {
            Id = IdBase + data.Professionals.Count + 1,
            ChildId = s.Child.Id,
            Role = age < 5 ? ProfessionalRole.HealthVisitor : ProfessionalRole.SchoolDesignatedLead,
            Name = $"{Pick(Names.StaffGiven)} {Pick(Names.Family)}",
            Organisation = age < 5 ? "Community health visiting service" : $"{profile.Wards[s.WardIndex].Name} Academy",
            From = from,
        });
    }
}
