using FluentValidation;

namespace Portal.Web.Features.Connections.Naming;

/// <summary>
/// The server's check of a name and description. <paramref name="isNameTaken"/> answers whether another live connection
/// of the workspace already has the name (compared by <see cref="ConnectionNames.Key"/>); the unique index decides races.
/// </summary>
public sealed class ConnectionDetailsValidator : AbstractValidator<ConnectionDetails>
{
    public ConnectionDetailsValidator(Func<string, CancellationToken, Task<bool>> isNameTaken)
    {
        RuleFor(x => x.Name)
            .Must(name => ConnectionNames.Problem(name) is null)
            .WithMessage((_, name) => ConnectionNames.Problem(name))
            // Only a well-formed name is looked up.
            .DependentRules(() => RuleFor(x => x.Name)
                .MustAsync(async (name, cancellationToken) => !await isNameTaken(ConnectionNames.Key(name!), cancellationToken))
                .WithMessage((_, name) => ConnectionNames.Taken(ConnectionNames.Normalize(name)))
                .WithErrorCode(nameof(DetailsRefusal.NameTaken)));
        RuleFor(x => x.Description)
            .Must(description => ConnectionNames.DescriptionProblem(description) is null)
            .WithMessage(ConnectionNames.DescriptionTooLong);
    }

    /// <summary>The failures by field, or null when the details can be saved.</summary>
    public async Task<ConnectionDetailsErrors?> CheckAsync(ConnectionDetails details, CancellationToken cancellationToken = default)
    {
        var result = await ValidateAsync(details, cancellationToken);
        if (result.IsValid)
        {
            return null;
        }
        var name = result.Errors.FirstOrDefault(e => e.PropertyName == nameof(ConnectionDetails.Name));
        return new ConnectionDetailsErrors(
            name?.ErrorMessage,
            result.Errors.FirstOrDefault(e => e.PropertyName == nameof(ConnectionDetails.Description))?.ErrorMessage,
            name?.ErrorCode == nameof(DetailsRefusal.NameTaken) ? DetailsRefusal.NameTaken : DetailsRefusal.Invalid);
    }
}
