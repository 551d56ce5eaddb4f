using System.Globalization;
using Lantern.Domain.Access;
using Lantern.Domain.Clock;
using Lantern.Domain.Codes;
using Lantern.Domain.Model;
using Lantern.Web.Casework;
using Lantern.Web.Data;
using Lantern.Web.Govuk;
using Lantern.Web.Journey;
using Lantern.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Web.Pages.Children.Protection;

/// <summary>Record the initial child protection conference after a section 47 enquiry that said one
/// was needed: the date (not before the enquiry started), the chair (an independent reviewing
/// officer in post) and the outcome. A plan started needs a category of abuse and creates the child
/// protection plan from the conference date. The facts show the 15-working-day due date and, once
/// held, whether it was on time, the first core group and the first review conference.</summary>
[RequirePermission(Permission.RecordCasework)]
public sealed class InitialConferenceModel(CaseworkServices services) : CaseworkPageModel(services)
{
    private static readonly FieldSpec Date = new("Date", FieldKind.Date, "Date of the conference", "the date of the conference") { Hint = "For example, 8 4 2026" };

    private static readonly FieldSpec Outcome = new("Outcome", FieldKind.Radios, "Outcome", "the outcome of the conference")
    {
        Options =
        [
            new(nameof(ConferenceOutcome.PlanStarted), "The child is made subject to a child protection plan"),
            new(nameof(ConferenceOutcome.NoPlan), "No child protection plan"),
        ],
    };

    private IReadOnlyList<FieldOption> chairs = [];

    private FieldSpec Chair => new("Chair", FieldKind.Select, "Conference chair", "the conference chair")
    {
        Options = chairs,
        Hint = "An independent reviewing officer or conference chair",
    };

    private FieldSpec Category => new("Category", FieldKind.Radios, "Category of abuse", "the category of abuse")
    {
        Required = false,
        Options = FieldSpec.OptionsOf(AbuseCategory.Set, AssessmentJourney.CollectionYear(Today)),
        Hint = "If a plan was started",
    };

    public override string Heading => "Record the initial child protection conference";

    public override IReadOnlyList<FieldSpec> Fields => [Date, Chair, Outcome, Category];

    public async Task<IActionResult> OnGetAsync([FromRoute] long id, [FromRoute] long s47Id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var enquiry = await Db.Section47s.AsNoTracking().SingleOrDefaultAsync(s => s.Id == s47Id && s.ChildId == id, cancellationToken);
        if (enquiry is null)
        {
            return NotFound();
        }

        chairs = await ProtectionJourney.ChairOptionsAsync(Db, Today, cancellationToken);
        if (MyWorkerId is { } me && chairs.Any(c => c.Value == me.ToString(CultureInfo.InvariantCulture)))
        {
            Values[Chair.Name] = me.ToString(CultureInfo.InvariantCulture);
        }

        await DescribeAsync(enquiry, await FileAsync(cancellationToken), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] long id, [FromRoute] long s47Id, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, cancellationToken) is { } denied)
        {
            return denied;
        }

        var enquiry = await Db.Section47s.AsNoTracking().SingleOrDefaultAsync(s => s.Id == s47Id && s.ChildId == id, cancellationToken);
        if (enquiry is null)
        {
            return NotFound();
        }

        chairs = await ProtectionJourney.ChairOptionsAsync(Db, Today, cancellationToken);
        var form = Reader();
        var date = form.Date(Date);
        var chair = form.Option(Chair);
        var outcome = form.Choice<ConferenceOutcome>(Outcome);
        var category = form.Code<AbuseCategory>(Category);
        var before = await FileAsync(cancellationToken);
        var held = before.Conferences.FirstOrDefault(c => c.Type == ConferenceType.Initial && c.Section47Id == enquiry.Id);
        if (held is not null)
        {
            form.Error(Date, $"The initial conference after this enquiry was already recorded, held on {Display.Date(held.Date)}");
        }
        else if (enquiry.EndDate is null || enquiry.Outcome == Section47Outcome.Pending)
        {
            form.Error(Date, "Record the outcome of the section 47 enquiry before recording the initial conference");
        }
        else if (enquiry.Outcome != Section47Outcome.ConferenceRequired || enquiry.IcpcNotRequired)
        {
            form.Error(Date, $"The section 47 enquiry ended with the outcome {Display.Words(enquiry.Outcome).ToLowerInvariant()}, so no initial conference is needed");
        }
        else if (date is { } d && d < enquiry.StartDate)
        {
            form.Error(Date, "Date of the conference must be the same as or after the date the enquiry started");
        }

        if (outcome == ConferenceOutcome.PlanStarted)
        {
            if (category is null && !form.HasError(Category))
            {
                form.Error(Category, "Select the category of abuse");
            }

            if (ProtectionJourney.OpenPlan(before) is { } open)
            {
                form.Error(Outcome, $"The child is already on a child protection plan, started on {Display.Date(open.StartDate)}");
            }
        }

        if (!form.IsValid)
        {
            await DescribeAsync(enquiry, before, cancellationToken);
            return Page();
        }

        var conference = new ChildProtectionConference
        {
            ChildId = Child.Id,
            ReferralId = enquiry.ReferralId,
            Section47Id = enquiry.Id,
            Type = ConferenceType.Initial,
            Date = date!.Value,
            Outcome = outcome!.Value,
            ChairWorkerId = long.Parse(chair!, CultureInfo.InvariantCulture),
        };
        ChildProtectionPlan? plan = null;
        if (conference.Outcome == ConferenceOutcome.PlanStarted)
        {
            plan = new ChildProtectionPlan
            {
                ChildId = Child.Id,
                ReferralId = enquiry.ReferralId,
                StartDate = conference.Date,
                InitialCategory = category!.Value,
                LatestCategory = category.Value,
                PreviousPlans = before.ProtectionPlans.Count(p => p.StartDate < conference.Date),
            };
        }

        var after = ChildFileLoader.With(
            before,
            conferences: [.. before.Conferences, conference],
            protectionPlans: plan is null ? null : [.. before.ProtectionPlans, plan]);
        if (!ReturnChecksAllow(before, after))
        {
            await DescribeAsync(enquiry, before, cancellationToken);
            return Page();
        }

        var standards = await StandardsAsync(cancellationToken);
        var icpc = ProtectionJourney.IcpcClock(after, enquiry, conference.Date, standards);
        var timing = icpc.Status == ClockStatus.CompletedOnTime
            ? $"on time (due by {Display.Date(icpc.DueOn)})"
            : $"late (due by {Display.Date(icpc.DueOn)})";
        var detail = $"initial child protection conference recorded: {Display.Iso(conference.Date)}, outcome {conference.Outcome}";
        string done;
        if (plan is null)
        {
            Db.Conferences.Add(conference);
            return await SaveAsync(detail, cancellationToken, done: $"Initial conference recorded, held {timing}. No child protection plan");
        }

        detail += $"; child protection plan started {Display.Iso(plan.StartDate)}, category {plan.InitialCategory.Code}";
        done = $"Initial conference recorded, held {timing}. Child protection plan started. "
            + $"First core group due by {Display.Date(StatutoryClock.DueDates.FirstCoreGroupDue(conference.Date, standards.FirstCoreGroupWorkingDays))}; "
            + $"first review conference due by {Display.Date(ProtectionJourney.FirstReviewDue(conference.Date))}";

        // The conference points at the plan, whose id the database gives: both rows and the audit
        // entry are written in the one transaction.
        Db.ProtectionPlans.Add(plan);
        await Audit.WriteRecordAsync(
            Child.Id,
            Basis,
            detail,
            async ct =>
            {
                await Db.SaveChangesAsync(ct);
                conference.PlanId = plan.Id;
                Db.Conferences.Add(conference);
                await Db.SaveChangesAsync(ct);
            },
            cancellationToken);
        TempData["done"] = done;
        return Redirect(RecordUrl);
    }

    private async Task DescribeAsync(Section47Enquiry enquiry, ChildFile file, CancellationToken cancellationToken)
    {
        var standards = await StandardsAsync(cancellationToken);
        Facts.Add(new SummaryListRow("Strategy discussion", Display.Date(ProtectionJourney.DiscussionDate(file, enquiry))));
        Facts.Add(new SummaryListRow("Enquiry started", Display.Date(enquiry.StartDate)));
        if (enquiry.EndDate is { } ended)
        {
            Facts.Add(new SummaryListRow("Enquiry outcome", $"{Display.Words(enquiry.Outcome)}, on {Display.Date(ended)}"));
        }
        else
        {
            Facts.Add(new SummaryListRow("Enquiry outcome", "Not recorded yet")
            {
                Actions = [new SummaryListAction("Record the outcome", $"/children/{Child.Id}/protection/section-47/{enquiry.Id}/outcome")],
            });
        }

        Facts.Add(ProtectionJourney.IcpcFact(ProtectionJourney.IcpcClock(file, enquiry, Today, standards), Today, standards));
        if (ProtectionJourney.OpenPlan(file) is { } plan)
        {
            Facts.Add(new SummaryListRow("Child protection plan", $"Open since {Display.Date(plan.StartDate)}"));
        }

        if (chairs.Count == 0)
        {
            Facts.Add(new SummaryListRow("Conference chairs", "No independent reviewing officer is in post to chair the conference"));
        }
    }
}
