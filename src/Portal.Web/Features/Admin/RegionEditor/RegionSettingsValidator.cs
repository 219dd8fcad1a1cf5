using FluentValidation;

namespace Portal.Web.Features.Admin.RegionEditor;

/// <summary>The rules for region settings, used by the editor while typing and by <see cref="RegionSettingsService"/> on save.</summary>
public sealed class RegionSettingsValidator : AbstractValidator<RegionSettingsInput>
{
    public RegionSettingsValidator()
    {
        // One message per problem: an empty field is "missing", not also "malformed".
        RuleLevelCascadeMode = CascadeMode.Stop;

        RuleFor(r => r.Code).NotEmpty().WithMessage("The region code is missing.");

        RuleFor(r => r.DisplayName)
            .NotEmpty().WithMessage("Enter a display name, for example US East (N. Virginia).")
            .MaximumLength(128).WithMessage("Keep the display name under 128 characters.");

        RuleFor(r => r.PrincipalArn)
            .NotEmpty().WithMessage("Enter the principal ARN customers allowlist, for example arn:aws:iam::111122223333:root.")
            .Must(AwsIdentifiers.IsPrincipalArn)
            .WithMessage(r => $"Principal ARN \"{r.PrincipalArn}\" is not valid: use arn:aws:iam::<12-digit account>:root, or :role/<name> or :user/<name>.");

        RuleFor(r => r.VpcId)
            .NotEmpty().WithMessage("Enter the VPC id, for example vpc-0a11b2c3d4e5f6071.")
            .Must(AwsIdentifiers.IsVpcId)
            .WithMessage(r => AwsIdentifiers.ResourceIdMessage("VPC id", r.VpcId, "vpc-", "vpc-0a11b2c3d4e5f6071"));

        RuleFor(r => r.SubnetIds)
            .NotEmpty().WithMessage("Add at least one subnet id, one per line.")
            .Custom((ids, context) => ReportDuplicates(ids, "Subnet id", context));
        RuleForEach(r => r.SubnetIds)
            .Must(AwsIdentifiers.IsSubnetId)
            .WithMessage((_, id) => AwsIdentifiers.ResourceIdMessage("Subnet id", id, "subnet-", "subnet-0111b2c3d4e5f6071"));

        RuleFor(r => r.SecurityGroupId)
            .Must(AwsIdentifiers.IsSecurityGroupId)
            .When(r => !string.IsNullOrEmpty(r.SecurityGroupId))
            .WithMessage(r => AwsIdentifiers.ResourceIdMessage("Security group id", r.SecurityGroupId!, "sg-", "sg-0123456789abcdef0") + " Leave it empty if the region has none.");

        RuleFor(r => r.EgressIps)
            .Custom((ips, context) => ReportDuplicates(ips, "Egress IP", context));
        RuleForEach(r => r.EgressIps)
            .Custom((ip, context) =>
            {
                if (!Ipv4Block.TryParse(ip, out _, out var error))
                {
                    context.AddFailure(error);
                }
            });
    }

    private static void ReportDuplicates<T>(IEnumerable<string> values, string what, ValidationContext<T> context)
    {
        foreach (var duplicate in values.GroupBy(v => v, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            context.AddFailure($"{what} \"{duplicate.Key}\" is listed more than once.");
        }
    }
}
