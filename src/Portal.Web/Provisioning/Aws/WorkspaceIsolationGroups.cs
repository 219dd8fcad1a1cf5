using System.Text.RegularExpressions;
using Amazon.EC2;
using Amazon.EC2.Model;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;

namespace Portal.Web.Provisioning.Aws;

/// <summary>
/// Creates, once per workspace and region, the workers and endpoints security groups (the endpoints group admits
/// only the workers group) and remembers them in <see cref="PortalDbContext.WorkspaceSecurityGroups"/>.
/// Crash-safe: groups are found again by their tags before any is created, so a crash between "created in AWS"
/// and "saved here" never makes a second pair.
/// </summary>
public sealed partial class WorkspaceIsolationGroups(
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock,
    ILogger<WorkspaceIsolationGroups> logger)
{
    public const string WorkersRole = "workers";
    public const string EndpointsRole = "endpoints";
    private const string DuplicateGroupCode = "InvalidGroup.Duplicate";
    private const string DuplicateRuleCode = "InvalidPermission.Duplicate";

    private readonly KeyedLock workspaceLocks = new();

    public async Task<WorkspaceSecurityGroup> EnsureAsync(IAmazonEC2 ec2, string region, string vpcId, string workspaceId, CancellationToken cancellationToken)
    {
        if (await FindStoredAsync(workspaceId, region, cancellationToken) is { } stored)
        {
            return stored;
        }

        using var _ = await workspaceLocks.AcquireAsync($"{workspaceId}\n{region}", cancellationToken);
        if (await FindStoredAsync(workspaceId, region, cancellationToken) is { } storedMeanwhile)
        {
            return storedMeanwhile;
        }

        var tagged = await DescribeTaggedGroupsAsync(ec2, vpcId, workspaceId, cancellationToken);
        var workers = tagged.GetValueOrDefault(WorkersRole)
            ?? await CreateGroupAsync(ec2, vpcId, workspaceId, WorkersRole, cancellationToken);
        var endpoints = tagged.GetValueOrDefault(EndpointsRole)
            ?? await CreateGroupAsync(ec2, vpcId, workspaceId, EndpointsRole, cancellationToken);
        if (!AdmitsAllTrafficFrom(endpoints, workers.GroupId))
        {
            await AdmitWorkersAsync(ec2, endpoints.GroupId, workers.GroupId, cancellationToken);
        }

        logger.LogInformation("Isolation groups for workspace {WorkspaceId} in {Region}: workers {WorkersGroupId}, endpoints {EndpointsGroupId}",
            workspaceId, region, workers.GroupId, endpoints.GroupId);
        return await SaveAsync(new WorkspaceSecurityGroup
        {
            WorkspaceId = workspaceId,
            Region = region,
            WorkersGroupId = workers.GroupId,
            EndpointsGroupId = endpoints.GroupId,
            CreatedAt = clock.GetUtcNow(),
        }, cancellationToken);
    }

    private async Task<WorkspaceSecurityGroup?> FindStoredAsync(string workspaceId, string region, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.WorkspaceSecurityGroups.AsNoTracking()
            .FirstOrDefaultAsync(g => g.WorkspaceId == workspaceId && g.Region == region, cancellationToken);
    }

    private async Task<WorkspaceSecurityGroup> SaveAsync(WorkspaceSecurityGroup groups, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.WorkspaceSecurityGroups.Add(groups);
            await db.SaveChangesAsync(cancellationToken);
            return groups;
        }
        catch (DbUpdateException)
        {
            // Another portal instance saved the pair first; it found the same tagged groups, so the row agrees with AWS.
            if (await FindStoredAsync(groups.WorkspaceId, groups.Region, cancellationToken) is { } winner)
            {
                return winner;
            }
            throw;
        }
    }

    private static async Task<Dictionary<string, SecurityGroup>> DescribeTaggedGroupsAsync(IAmazonEC2 ec2, string vpcId, string workspaceId, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, SecurityGroup>(StringComparer.Ordinal);
        var request = new DescribeSecurityGroupsRequest
        {
            Filters =
            [
                new Filter("vpc-id", [vpcId]),
                PortalTags.Matching(PortalTags.WorkspaceId, workspaceId),
                new Filter($"tag:{PortalTags.Role}", [WorkersRole, EndpointsRole]),
            ],
        };
        do
        {
            var response = await ec2.DescribeSecurityGroupsAsync(request, cancellationToken);
            foreach (var group in response.SecurityGroups.OrderBy(g => g.GroupId, StringComparer.Ordinal))
            {
                var role = group.Tags.FirstOrDefault(t => t.Key == PortalTags.Role)?.Value;
                if (role is not null)
                {
                    found.TryAdd(role, group);
                }
            }
            request.NextToken = response.NextToken;
        }
        while (!string.IsNullOrEmpty(request.NextToken));
        return found;
    }

    private static async Task<SecurityGroup> CreateGroupAsync(IAmazonEC2 ec2, string vpcId, string workspaceId, string role, CancellationToken cancellationToken)
    {
        var safeWorkspace = UnsafeGroupNameCharacters().Replace(workspaceId, "_");
        var name = $"portal-{safeWorkspace}-{role}";
        try
        {
            var response = await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
            {
                GroupName = name,
                Description = role == WorkersRole
                    ? $"PrivateLink Portal: sync workers of workspace {safeWorkspace}"
                    : $"PrivateLink Portal: endpoints of workspace {safeWorkspace}, reachable from its workers only",
                VpcId = vpcId,
                TagSpecifications = [PortalTags.On("security-group", (PortalTags.WorkspaceId, workspaceId), (PortalTags.Role, role), (PortalTags.Name, name))],
            }, cancellationToken);
            return new SecurityGroup { GroupId = response.GroupId, IpPermissions = [] };
        }
        catch (AmazonEC2Exception e) when (e.ErrorCode == DuplicateGroupCode)
        {
            // Another portal instance created it after our look-up: use theirs.
            var tagged = await DescribeTaggedGroupsAsync(ec2, vpcId, workspaceId, cancellationToken);
            if (tagged.GetValueOrDefault(role) is { } theirs)
            {
                return theirs;
            }
            throw;
        }
    }

    private static bool AdmitsAllTrafficFrom(SecurityGroup endpoints, string workersGroupId) =>
        endpoints.IpPermissions.Any(p => p.IpProtocol == "-1" && p.UserIdGroupPairs.Any(pair => pair.GroupId == workersGroupId));

    private static async Task AdmitWorkersAsync(IAmazonEC2 ec2, string endpointsGroupId, string workersGroupId, CancellationToken cancellationToken)
    {
        try
        {
            await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest
            {
                GroupId = endpointsGroupId,
                IpPermissions =
                [
                    new IpPermission
                    {
                        IpProtocol = "-1",
                        UserIdGroupPairs = [new UserIdGroupPair { GroupId = workersGroupId, Description = "workspace sync workers" }],
                    },
                ],
            }, cancellationToken);
        }
        catch (AmazonEC2Exception e) when (e.ErrorCode == DuplicateRuleCode)
        {
            // Already admitted (a concurrent instance, or a retry after a crash): nothing to do.
        }
    }

    /// <summary>Security group names and descriptions accept a limited character set.</summary>
    [GeneratedRegex(@"[^a-zA-Z0-9 ._\-:/()#,@\[\]+=&;{}!$*]")]
    private static partial Regex UnsafeGroupNameCharacters();
}
