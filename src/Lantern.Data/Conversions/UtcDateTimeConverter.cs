using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lantern.Data.Conversions;

/// <summary>Every stored <see cref="DateTime"/> is UTC, to the microsecond (what PostgreSQL keeps),
/// so both providers store and return the same instant with <see cref="DateTimeKind.Utc"/>.
/// An unspecified kind is taken to be UTC already; a local time is converted.</summary>
public sealed class UtcDateTimeConverter : ValueConverter<DateTime, DateTime>
{
    public UtcDateTimeConverter()
        : base(v => ToStored(v), v => FromStored(v))
    {
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DateTime ToStored(DateTime value)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Utc => value,
            DateTimeKind.Local => value.ToUniversalTime(),
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DateTime FromStored(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
