using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Provisioning;

namespace Portal.UnitTests.Architecture;

/// <summary>
/// The layout of the portal as rules over the compiled code (every type reference ArchUnitNET reads from the IL):
/// pages call feature services, feature services call the provisioner and the data, never the other way round,
/// and no two folders depend on each other.
/// </summary>
public sealed class DependencyRulesTests
{
    private static readonly Lazy<PortalGraph> Graph = new(PortalGraph.Load);

    [Fact]
    public void The_graph_sees_the_references_the_rules_are_about()
    {
        // Guards the rules below against passing on an empty graph.
        var edges = Graph.Value.Edges;
        Assert.Contains(edges, e => e.Origin.Name == "SupportConnectionPage" && e.Target.Name == "ConnectionSupportActions");
        Assert.Contains(edges, e => e.Origin.Name == "ConnectionService" && e.Target.Name == "IEndpointProvisioner");
        Assert.Contains(edges, e => e.Origin.Name == "ConnectionService" && e.Target.Name == "PortalDbContext");
        Assert.Contains(edges, e => e.From == "Data" && e.Target.Name == "Connection");
    }

    [Fact]
    public void Provisioning_knows_nothing_of_features_or_pages() =>
        AssertNone(Graph.Value.Edges.Where(e => e.From == "Provisioning" && (e.To.StartsWith("Features.", StringComparison.Ordinal) || e.To.StartsWith("Components", StringComparison.Ordinal))));

    [Fact]
    public void Hosting_knows_nothing_of_features_pages_or_provisioning() =>
        AssertNone(Graph.Value.Edges.Where(e => e.From == "Hosting" && e.To != "Data"));

    [Fact]
    public void Data_sees_features_only_through_the_persisted_model() =>
        // The DbContext composes the model: it names every entity and the types of their columns, and nothing else.
        AssertNone(Graph.Value.Edges.Where(e => e.From == "Data" && e.To != "Data" && !Graph.Value.IsPersistedModel(e.Target)));

    [Fact]
    public void Services_never_call_pages_and_pages_never_call_the_provisioner_or_the_database()
    {
        var graph = Graph.Value;
        AssertNone(graph.TypeEdges.Where(e => !graph.IsComponent(e.Origin) && graph.IsComponent(e.Target) && !graph.IsComposition(e.Origin)));
        AssertNone(graph.TypeEdges.Where(e => graph.IsComponent(e.Origin) && (graph.IsProvisioner(e.Target) || graph.IsDatabase(e.Target))));
    }

    [Fact]
    public void No_two_folders_depend_on_each_other()
    {
        var graph = Graph.Value;
        var cycles = graph.Cycles();
        Assert.True(cycles.Count == 0, "Folder cycles:\n" + string.Join("\n", cycles.Select(cycle =>
            string.Join(" → ", cycle) + "\n    " + string.Join("\n    ", graph.Witnesses(cycle)))));
    }

    private static void AssertNone(IEnumerable<PortalGraph.Edge> edges)
    {
        var found = edges.Select(e => e.ToString()).Distinct().Order().ToList();
        Assert.True(found.Count == 0, "Forbidden dependencies:\n" + string.Join("\n", found));
    }

    /// <summary>The portal's types grouped by folder ("slice"), with the references between slices.</summary>
    private sealed class PortalGraph
    {
        private const string Root = "Portal.Web";
        private readonly HashSet<string> persistedModel;

        private PortalGraph(ArchUnitNET.Domain.Architecture architecture, HashSet<string> persistedModel)
        {
            this.persistedModel = persistedModel;
            Types = architecture.Types.Where(t => Slice(t) is not null).ToList();
            TypeEdges = Types
                .SelectMany(t => t.Dependencies.Select(d => new Edge(t, d.Target)))
                .Where(e => Slice(e.Target) is not null && e.From != e.To)
                .ToList();
            Edges = TypeEdges;
        }

        public IReadOnlyList<IType> Types { get; }
        public IReadOnlyList<Edge> TypeEdges { get; }
        public IReadOnlyList<Edge> Edges { get; }

        public static PortalGraph Load()
        {
            var architecture = new ArchLoader().LoadAssemblies(typeof(PortalDbContext).Assembly).Build();
            using var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=:memory:").Options);
            var model = db.Model.GetEntityTypes()
                .SelectMany(e => e.GetProperties().Select(p => Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).Append(e.ClrType))
                .Select(t => t.FullName!)
                .ToHashSet();
            return new PortalGraph(architecture, model);
        }

        /// <summary>Features.X, Components.X, or the top folder (Provisioning, Hosting, Data); null outside the portal.</summary>
        public static string? Slice(IType type)
        {
            var ns = type.Namespace?.FullName ?? "";
            if (ns == Root)
            {
                return "Program";
            }
            if (!ns.StartsWith(Root + ".", StringComparison.Ordinal))
            {
                return null;
            }
            var parts = ns[(Root.Length + 1)..].Split('.');
            return parts[0] is "Features" or "Components" && parts.Length > 1 ? $"{parts[0]}.{parts[1]}" : parts[0];
        }

        public bool IsPersistedModel(IType type) => persistedModel.Contains(type.FullName.Split('`')[0]) || persistedModel.Contains(type.FullName);

        public bool IsComponent(IType type) => type is Class c && c.InheritedClasses.Any(b => b.FullName == typeof(ComponentBase).FullName);

        /// <summary>Service registrations and the composition root name components (routes, render modes) by design.</summary>
        public bool IsComposition(IType type) => Slice(type) == "Program" || type.Name.EndsWith("Extensions", StringComparison.Ordinal);

        public bool IsProvisioner(IType type) =>
            type.FullName == typeof(IEndpointProvisioner).FullName || (type is Class c && c.ImplementedInterfaces.Any(i => i.FullName == typeof(IEndpointProvisioner).FullName));

        public bool IsDatabase(IType type) => type.FullName == typeof(PortalDbContext).FullName;

        /// <summary>Every cycle between slices, each once, ignoring the composition root and the persisted model.</summary>
        public List<List<string>> Cycles()
        {
            var adjacency = FolderEdges().GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Distinct().ToList());
            var cycles = new List<List<string>>();
            var seen = new HashSet<string>();
            foreach (var start in adjacency.Keys.Order())
            {
                var path = new List<string> { start };
                Walk(start);

                void Walk(string node)
                {
                    foreach (var next in adjacency.GetValueOrDefault(node) ?? [])
                    {
                        if (next == start)
                        {
                            var key = string.Join(",", path.Order());
                            if (seen.Add(key))
                            {
                                cycles.Add([.. path, start]);
                            }
                        }
                        else if (!path.Contains(next) && string.CompareOrdinal(next, start) > 0)
                        {
                            path.Add(next);
                            Walk(next);
                            path.RemoveAt(path.Count - 1);
                        }
                    }
                }
            }
            return cycles;
        }

        /// <summary>For each step of a cycle, one type reference that makes it.</summary>
        public IEnumerable<string> Witnesses(List<string> cycle) =>
            cycle.Zip(cycle.Skip(1)).Select(step => FolderEdges().First(e => e.From == step.First && e.To == step.Second).ToString());

        private IEnumerable<Edge> FolderEdges() => Edges.Where(e =>
            e.From != "Program" && e.To != "Program" && !(e.From == "Data" && IsPersistedModel(e.Target)));

        public sealed record Edge(IType Origin, IType Target)
        {
            public string From => Slice(Origin)!;
            public string To => Slice(Target)!;
            public override string ToString() => $"{From} → {To}: {Origin.FullName} uses {Target.FullName}";
        }
    }
}
