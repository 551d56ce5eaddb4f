using Lantern.Domain.Model;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Data.Configurations;

public sealed class ReferralConfiguration() : ChildRecordConfiguration<Referral>("referrals")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Referral> builder)
    {
        Index(builder, e => e.ReferralDate);
        Index(builder, e => e.ClosureDate);
    }
}

public sealed class AssessmentConfiguration() : ChildRecordConfiguration<Assessment>("assessments")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Assessment> builder)
    {
        Index(builder, e => e.ReferralId);
        Index(builder, e => e.StartDate);
        Index(builder, e => e.AuthorisationDate);
        Index(builder, e => e.SubmittedOn);
    }
}

public sealed class StrategyDiscussionConfiguration() : ChildRecordConfiguration<StrategyDiscussion>("strategy_discussions")
{
    protected override void ConfigureEntity(EntityTypeBuilder<StrategyDiscussion> builder)
    {
        Index(builder, e => e.Date);
    }
}

public sealed class Section47EnquiryConfiguration() : ChildRecordConfiguration<Section47Enquiry>("section47_enquiries")
{
    protected override void ConfigureEntity(EntityTypeBuilder<Section47Enquiry> builder)
    {
        Index(builder, e => e.StartDate);
        Index(builder, e => e.EndDate);
    }
}

public sealed class ChildProtectionConferenceConfiguration() : ChildRecordConfiguration<ChildProtectionConference>("child_protection_conferences")
{
    protected override void ConfigureEntity(EntityTypeBuilder<ChildProtectionConference> builder)
    {
        Index(builder, e => e.Date);
    }
}

public sealed class ChildProtectionPlanConfiguration() : ChildRecordConfiguration<ChildProtectionPlan>("child_protection_plans")
{
    protected override void ConfigureEntity(EntityTypeBuilder<ChildProtectionPlan> builder)
    {
        Index(builder, e => e.StartDate);
        Index(builder, e => e.EndDate);
        Index(builder, e => e.StepDownProposedOn);
    }
}

public sealed class CoreGroupMeetingConfiguration() : ChildRecordConfiguration<CoreGroupMeeting>("core_group_meetings")
{
    protected override void ConfigureEntity(EntityTypeBuilder<CoreGroupMeeting> builder)
    {
        Index(builder, e => e.PlanId);
        Index(builder, e => e.Date);
    }
}

public sealed class ChildInNeedPlanConfiguration() : ChildRecordConfiguration<ChildInNeedPlan>("child_in_need_plans")
{
    protected override void ConfigureEntity(EntityTypeBuilder<ChildInNeedPlan> builder)
    {
        Index(builder, e => e.StartDate);
        Index(builder, e => e.EndDate);
    }
}

public sealed class ChildInNeedPlanReviewConfiguration() : ChildRecordConfiguration<ChildInNeedPlanReview>("child_in_need_plan_reviews")
{
    protected override void ConfigureEntity(EntityTypeBuilder<ChildInNeedPlanReview> builder)
    {
        Index(builder, e => e.PlanId);
        Index(builder, e => e.Date);
    }
}
