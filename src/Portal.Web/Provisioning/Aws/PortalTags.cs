using Amazon.EC2.Model;

namespace Portal.Web.Provisioning.Aws;

/// <summary>Tags the portal puts on what it creates in AWS, so it can find its own resources again after a crash.</summary>
public static class PortalTags
{
    public const string WorkspaceId = "portal:workspace-id";
    public const string ConnectionId = "portal:connection-id";
    public const string Role = "portal:role";
    public const string ManagedBy = "managed-by";
    public const string ManagedByValue = "privatelink-portal";
    public const string Name = "Name";

    public static Filter Matching(string key, string value) => new($"tag:{key}", [value]);

    public static TagSpecification On(string resourceType, params (string Key, string Value)[] tags) => new()
    {
        ResourceType = resourceType,
        Tags = [.. tags.Select(t => new Tag(t.Key, t.Value)), new Tag(ManagedBy, ManagedByValue)],
    };
}
