using Lantern.Domain.Codes;

namespace Lantern.Domain.Model;

/// <summary>A child (or unborn child) known to children's services.</summary>
public sealed class Child : Entity
{
    /// <summary>The council's own child identifier (LAchildID): up to 20 letters and digits.</summary>
    public string LaChildId { get; set; } = "";

    public string GivenName { get; set; } = "";

    public string FamilyName { get; set; } = "";

    public string? Upn { get; set; }

    public string? FormerUpn { get; set; }

    public UpnUnknownReason? UpnUnknown { get; set; }

    public string? NhsNumber { get; set; }

    /// <summary>Null for an unborn child, who has <see cref="ExpectedDateOfBirth"/> instead.</summary>
    public DateOnly? DateOfBirth { get; set; }

    public DateOnly? ExpectedDateOfBirth { get; set; }

    public Sex Sex { get; set; } = Sex.Unknown;

    public Ethnicity Ethnicity { get; set; } = Ethnicity.NotObtained;

    /// <summary>Disabilities (NONE when none). Stored as a list of DfE codes.</summary>
    public List<Disability> Disabilities { get; set; } = [];

    public bool IsUnaccompaniedAsylumSeeking { get; set; }

    /// <summary>Date the child ceased to be an unaccompanied asylum-seeking child (903 DUC).</summary>
    public DateOnly? UascCeasedDate { get; set; }

    public string? Postcode { get; set; }

    public string? Ward { get; set; }

    public DateOnly? DateOfDeath { get; set; }

    /// <summary>For mothers who are themselves looked after (903 MOTHER / MC_DOB).</summary>
    public DateOnly? ChildsDateOfBirth { get; set; }

    /// <summary>Restricted records (children of staff, sealed adoption) are hidden from search.</summary>
    public bool IsRestricted { get; set; }

    /// <summary>Goes up by one whenever anything on the child's file is written (the child or any
    /// record of theirs), in the same transaction as the write: a copy of the file read when it had
    /// this number is still the file (what lets the work views and the record page keep files in
    /// memory). Not a concurrency token: two people recording different things do not conflict.</summary>
    public long FileVersion { get; set; }

    public string DisplayName => $"{GivenName} {FamilyName}";

    public int? AgeOn(DateOnly date)
    {
        if (DateOfBirth is not { } dob || date < dob)
        {
            return null;
        }

        var age = date.Year - dob.Year;
        if (date < dob.AddYears(age))
        {
            age--;
        }

        return age;
    }
}

/// <summary>An adult connected to one or more children: parent, carer, relative.</summary>
public sealed class Person : Entity
{
    public string GivenName { get; set; } = "";

    public string FamilyName { get; set; } = "";

    public DateOnly? DateOfBirth { get; set; }

    public string? Postcode { get; set; }
}

/// <summary>A family or household relationship of a child, to an adult or to another child.</summary>
public sealed class ChildRelationship : ChildRecord
{
    public long? PersonId { get; set; }

    public long? RelatedChildId { get; set; }

    public RelationshipType Type { get; set; }

    public bool LivesInHousehold { get; set; }

    public bool HasParentalResponsibility { get; set; }
}

/// <summary>A professional involved with the child (GP, school, police...).</summary>
public sealed class ProfessionalInvolvement : ChildRecord
{
    public ProfessionalRole Role { get; set; }

    public string Name { get; set; } = "";

    public string Organisation { get; set; } = "";

    public string? Telephone { get; set; }

    public DateOnly From { get; set; }

    public DateOnly? To { get; set; }
}
