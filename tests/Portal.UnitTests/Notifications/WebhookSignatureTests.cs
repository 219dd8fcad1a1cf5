using Portal.Web.Features.Notifications;

namespace Portal.UnitTests.Notifications;

public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_796_000_000);

    [Fact]
    public void The_signature_is_the_hex_hmac_sha256_of_timestamp_dot_body_as_the_readme_documents()
    {
        // Computed independently, as a receiver in Python would:
        // hmac.new(b"whsec_test", b'1796000000.{"type":"test"}', hashlib.sha256).hexdigest()
        Assert.Equal("sha256=5e9394e04bd60bd512c8ab3a96cf9316f04f0b41bf3b80e11b5e90102c59a71b",
            WebhookSignature.Sign("whsec_test", 1_796_000_000, "{\"type\":\"test\"}"));
    }

    [Fact]
    public void A_receiver_accepts_the_signed_request_and_refuses_a_changed_body_another_secret_or_an_old_timestamp()
    {
        const string body = "{\"type\":\"test\"}";
        var signature = WebhookSignature.Sign("whsec_test", Now.ToUnixTimeSeconds(), body);
        var timestamp = Now.ToUnixTimeSeconds().ToString();
        var tolerance = TimeSpan.FromMinutes(5);

        Assert.True(WebhookSignature.Verify("whsec_test", timestamp, body, signature, Now.AddMinutes(1), tolerance));
        Assert.False(WebhookSignature.Verify("whsec_test", timestamp, body.Replace("test", "tesT"), signature, Now, tolerance));
        Assert.False(WebhookSignature.Verify("whsec_other", timestamp, body, signature, Now, tolerance));
        Assert.False(WebhookSignature.Verify("whsec_test", timestamp, body, signature, Now.AddMinutes(6), tolerance));
        Assert.False(WebhookSignature.Verify("whsec_test", null, body, signature, Now, tolerance));
    }

    [Fact]
    public void Secrets_are_new_every_time_and_long()
    {
        var first = WebhookSignature.NewSecret();
        Assert.StartsWith("whsec_", first);
        Assert.Equal(6 + 64, first.Length);
        Assert.NotEqual(first, WebhookSignature.NewSecret());
    }
}
