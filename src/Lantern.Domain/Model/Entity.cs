namespace Lantern.Domain.Model;

/// <summary>Base of every stored record. <see cref="Version"/> is the optimistic concurrency
/// token: the data layer increments it on each update and refuses a stale write.</summary>
public abstract class Entity
{
    public long Id { get; set; }

    public int Version { get; set; }
}

/// <summary>A record that belongs to one child's file (audited as part of that child's record).</summary>
public abstract class ChildRecord : Entity
{
    public long ChildId { get; set; }
}
