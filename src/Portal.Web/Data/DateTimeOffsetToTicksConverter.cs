using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Portal.Web.Data;

/// <summary>Stores instants as UTC ticks: sortable and comparable in SQLite, and lossless.</summary>
public sealed class DateTimeOffsetToTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
