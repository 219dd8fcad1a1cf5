using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Portal.E2ETests.Infrastructure;

/// <summary>
/// Runs axe-core (Deque's bundled copy) on the current state of a page. Critical and serious violations fail the
/// test with the rule, the impact, the elements and the help page; moderate and minor ones are collected in
/// <c>bin/…/axe-findings.txt</c> for review (with <c>PORTAL_AXE_REPORT_ONLY=1</c>, all of them, and nothing fails).
/// </summary>
/// <remarks>
/// axe is evaluated through the DevTools protocol (<see cref="IPage.EvaluateAsync"/>), which the page's
/// Content-Security-Policy does not apply to, so the portal's strict policy stays as it is and the CSP check of
/// <see cref="PortalPage"/> still sees every violation the page itself causes. Deque.AxeCore.Playwright injects axe
/// the same way, but finishes every run in a new blank page and returns the passes too; this runs axe.run in the page
/// itself and brings back only the violations.
/// </remarks>
public static class AxeCheck
{
    // PORTAL_AXE_REPORT_ONLY=1 lists every violation in axe-findings.txt instead of failing: for surveying a new page.
    private static readonly bool ReportOnly = Environment.GetEnvironmentVariable("PORTAL_AXE_REPORT_ONLY") == "1";
    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());
    private static readonly ConcurrentDictionary<string, byte> MinorFindings = new();
    private static readonly Lock FindingsFile = new();
    private static long runs;
    private static long elapsedTicks;

    static AxeCheck() =>
        // What axe costs the suite, for keeping an eye on it: bin/…/axe-time.txt.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "axe-time.txt"),
            $"{runs} axe runs, {TimeSpan.FromTicks(elapsedTicks).TotalSeconds:F1} s in total\n");

    // Only the violations come back, projected to what a report needs (the full result with passes is ~1 MB).
    // Running transitions are let finish first: halfway through a colour change (a status chip going from green to red
    // on the next page) the text and its background are a mix that nobody reads, and axe would judge that mix.
    private const string RunAxe = """
        async () => {
            const finite = document.getAnimations().filter(a => a.effect?.getComputedTiming().endTime !== Infinity);
            const settled = Promise.all(finite.map(a => a.finished.catch(() => {})));
            await Promise.race([settled, new Promise(resolve => setTimeout(resolve, 2000))]);
            const result = await axe.run(document, { resultTypes: ["violations"] });
            return JSON.stringify(result.violations.map(v => ({
                id: v.id,
                impact: v.impact ?? "unknown",
                help: v.help,
                helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({
                    target: n.target.map(t => Array.isArray(t) ? t.join(" >>> ") : t).join(" "),
                    summary: (n.failureSummary ?? "").replaceAll("\n", " ")
                }))
            })));
        }
        """;

    public static async Task<IReadOnlyList<AxeViolation>> AnalyseAsync(IPage page)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await InjectAndRunAsync(page);
        }
        finally
        {
            Interlocked.Increment(ref runs);
            Interlocked.Add(ref elapsedTicks, Stopwatch.GetElapsedTime(started).Ticks);
        }
    }

    private static async Task<IReadOnlyList<AxeViolation>> InjectAndRunAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync($"() => {{ {AxeSource.Value}\n }}");
        }
        return JsonSerializer.Deserialize<AxeViolation[]>(await page.EvaluateAsync<string>(RunAxe), JsonSerializerOptions.Web)!;
    }

    /// <summary>Fails on critical or serious violations; records the others.</summary>
    public static async Task ExpectNoSeriousViolationsAsync(IPage page, string where)
    {
        var violations = await AnalyseAsync(page);
        var serious = violations.Where(v => v.IsSerious).ToList();
        Record(ReportOnly ? violations : violations.Where(v => !v.IsSerious), where);
        if (serious.Count > 0 && !ReportOnly)
        {
            throw new Xunit.Sdk.XunitException(Describe(serious, $"Accessibility violations (axe-core, critical or serious) on {where}:"));
        }
    }

    public static string Describe(IEnumerable<AxeViolation> violations, string heading)
    {
        var text = new StringBuilder(heading);
        foreach (var violation in violations)
        {
            text.Append($"\n- {violation.Id} ({violation.Impact}): {violation.Help} — {violation.HelpUrl}");
            foreach (var node in violation.Nodes.Take(8))
            {
                text.Append($"\n    {node.Target}: {node.Summary}");
            }
            if (violation.Nodes.Count > 8)
            {
                text.Append($"\n    … and {violation.Nodes.Count - 8} more elements");
            }
        }
        return text.ToString();
    }

    private static void Record(IEnumerable<AxeViolation> violations, string where)
    {
        var path = where.Split(' ')[0] + (where.EndsWith("(dark theme)", StringComparison.Ordinal) ? " dark" : " light");
        var lines = violations
            .SelectMany(v => v.Nodes.Select(n => $"{v.Impact}\t{v.Id}\t{path}\t{n.Target}\t{v.HelpUrl}\t{n.Summary}"))
            .Where(line => MinorFindings.TryAdd(line, 0))
            .ToList();
        if (lines.Count == 0)
        {
            return;
        }
        lock (FindingsFile)
        {
            File.AppendAllLines(Path.Combine(AppContext.BaseDirectory, "axe-findings.txt"), lines);
        }
    }
}
