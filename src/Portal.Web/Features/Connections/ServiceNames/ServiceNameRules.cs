using FluentValidation;

namespace Portal.Web.Features.Connections.ServiceNames;

/// <summary>The rules the server applies to every check and create (the wizard checks through the server). Messages come from <see cref="ServiceNameParser.Parse"/>, so both say the same.</summary>
public static class ServiceNameRules
{
    /// <summary>Where the rule leaves its parse result in the validation context, so the caller need not parse again.</summary>
    public const string ParsedServiceNameKey = "ParsedServiceName";

    /// <param name="offeredRegions">Codes of the enabled regions, from <c>RegionDirectory.GetEnabledAsync</c>.</param>
    public static IRuleBuilderOptions<T, string?> MustBeOfferedRegion<T>(this IRuleBuilder<T, string?> rule, IReadOnlyCollection<string> offeredRegions) =>
        rule.NotEmpty().WithMessage(ServiceNameMessages.ChooseRegion)
            .Must(region => string.IsNullOrEmpty(region) || offeredRegions.Contains(region))
            .WithMessage((_, region) => ServiceNameMessages.ChosenRegionNotOffered(region!, offeredRegions));

    /// <summary>A valid endpoint service name in the chosen region. The failure's CustomState is the <see cref="ServiceNameError"/>.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> MustBeEndpointServiceName<T>(
        this IRuleBuilder<T, string?> rule, Func<T, string?> chosenRegion, IReadOnlyCollection<string> offeredRegions) =>
        rule.Custom((value, context) =>
        {
            var region = chosenRegion(context.InstanceToValidate);
            // A region we do not offer is reported on the region field; comparing the name with it would only confuse.
            var result = ServiceNameParser.Parse(value, region is not null && offeredRegions.Contains(region) ? region : null, offeredRegions);
            context.RootContextData[ParsedServiceNameKey] = result;
            if (result.Error is { } error)
            {
                context.AddFailure(error.ToValidationFailure(context.PropertyPath, value));
            }
        });
}
