using System.Text.RegularExpressions;

namespace Portal.Web.Features.Connections.Naming;

/// <summary>
/// The rules for a connection's name and description, in one place for the wizard, the detail page and the server.
/// A name is unique among the live connections of a workspace, ignoring case; <see cref="Key"/> is what the database compares.
/// </summary>
public static partial class ConnectionNames
{
    public const int MaxNameLength = 64;
    public const int MaxDescriptionLength = 500;

    public const string NameFormat = "1–64 characters: letters, digits, spaces and - _ . ( ), starting with a letter or digit.";

    public static string Required => "Give the connection a name.";
    public static string TooLong => $"Use at most {MaxNameLength} characters.";
    public static string BadCharacters => "Use only letters, digits, spaces and - _ . ( ), and start with a letter or digit.";
    public static string DescriptionTooLong => $"Keep the description to {MaxDescriptionLength} characters.";

    public static string Taken(string name) => $"Another connection in this workspace is already called \"{name}\". Choose another name.";

    /// <summary>What is stored: the input without surrounding white space.</summary>
    public static string Normalize(string? name) => (name ?? "").Trim();

    /// <summary>A description without surrounding white space, or null when nothing is left.</summary>
    public static string? NormalizeDescription(string? description) =>
        string.IsNullOrWhiteSpace(description) ? null : description.Trim();

    /// <summary>The form two names are compared in: names differing only in case are the same name.</summary>
    public static string Key(string name) => Normalize(name).ToLowerInvariant();

    /// <summary>What the wizard proposes, and what the migration gave connections made before names existed.</summary>
    public static string Suggest(string region, string serviceId) => $"{region} {serviceId}";

    /// <summary>Why the name cannot be used, or null; uniqueness is checked separately, against the database.</summary>
    public static string? Problem(string? name)
    {
        var normalized = Normalize(name);
        if (normalized.Length == 0)
        {
            return Required;
        }
        if (normalized.Length > MaxNameLength)
        {
            return TooLong;
        }
        return AllowedName().IsMatch(normalized) ? null : BadCharacters;
    }

    public static string? DescriptionProblem(string? description) =>
        NormalizeDescription(description) is { Length: > MaxDescriptionLength } ? DescriptionTooLong : null;

    // ASCII only, so that lower-casing means the same in .NET, SQLite and PostgreSQL.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9 _.()\-]*$")]
    private static partial Regex AllowedName();
}
