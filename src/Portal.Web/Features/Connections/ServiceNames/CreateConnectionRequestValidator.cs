using FluentValidation;

namespace Portal.Web.Features.Connections.ServiceNames;

public sealed class CreateConnectionRequestValidator : AbstractValidator<CreateConnectionRequest>
{
    public CreateConnectionRequestValidator(IReadOnlyCollection<string> offeredRegions)
    {
        RuleFor(x => x.Region).MustBeOfferedRegion(offeredRegions);
        RuleFor(x => x.ServiceName).MustBeEndpointServiceName(x => x.Region, offeredRegions);
    }
}
