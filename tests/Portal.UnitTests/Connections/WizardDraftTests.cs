using Portal.Web.Features.Connections.Wizard;

namespace Portal.UnitTests.Connections;

public class WizardDraftTests
{
    [Fact]
    public void Draft_round_trips_through_its_stored_form()
    {
        var draft = new WizardDraft("us-east-1", "com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c3d4e5f60789");

        Assert.Equal(draft, WizardDraft.Parse(draft.ToJson()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"region\":\"us-east-1\"}")]
    [InlineData("[1,2]")]
    public void Anything_else_in_the_browser_storage_is_no_draft(string? stored) => Assert.Null(WizardDraft.Parse(stored));
}
