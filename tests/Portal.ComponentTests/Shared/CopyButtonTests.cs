using Bunit;
using Portal.ComponentTests.Infrastructure;
using Portal.Web.Components.Shared;

namespace Portal.ComponentTests.Shared;

public sealed class CopyButtonTests : MudTestContext
{
    [Fact]
    public void Clicking_copies_the_text_through_the_browser_clipboard_helper()
    {
        var copy = JSInterop.Setup<bool>("portal.copyText", "arn:aws:iam::111122223333:root").SetResult(true);
        Render<MudBlazor.MudPopoverProvider>();
        var button = Render<CopyButton>(p => p.Add(b => b.Text, "arn:aws:iam::111122223333:root").Add(b => b.Label, "Copy principal ARN").Add(b => b.TestId, "copy-arn"));

        button.Find("[data-testid=copy-arn]").Click();

        Assert.Single(copy.Invocations);
        Assert.Equal("Copy principal ARN", button.Find("[data-testid=copy-arn]").GetAttribute("aria-label"));
    }
}
