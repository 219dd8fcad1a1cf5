using MimeKit;

namespace Portal.Web.Features.Notifications;

/// <summary>The addresses of an e-mail subscription: one to five, separated by commas, semicolons or spaces.</summary>
public static class EmailAddresses
{
    public const int Max = 5;

    public static IReadOnlyList<string> Split(string? value) =>
        (value ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Why the addresses cannot be used, or null.</summary>
    public static string? Check(string? value)
    {
        var addresses = Split(value);
        if (addresses.Count == 0)
        {
            return "Enter at least one e-mail address.";
        }
        if (addresses.Count > Max)
        {
            return $"Enter at most {Max} addresses; use a distribution list for more.";
        }
        foreach (var address in addresses)
        {
            if (!MailboxAddress.TryParse(address, out var mailbox) || mailbox.Address != address || !address.Contains('@') || address.EndsWith('@'))
            {
                return $"\"{address}\" is not an e-mail address.";
            }
        }
        return null;
    }

    public static string Normalize(string value) => string.Join(", ", Split(value));
}
