using Portal.Web.Features.Connections.Naming;

namespace Portal.UnitTests.Naming;

public sealed class ConnectionDetailsValidatorTests
{
    private static readonly ConnectionDetailsValidator NothingTaken = new((_, _) => Task.FromResult(false));

    [Theory]
    [InlineData("Orders DB")]
    [InlineData("  orders-db_prod.eu (primary)  ")]
    [InlineData("7")]
    [InlineData("us-east-1 vpce-svc-0123456789abcdef0")]
    public async Task A_name_of_letters_digits_spaces_and_a_few_signs_is_accepted(string name) =>
        Assert.Null(await NothingTaken.CheckAsync(new ConnectionDetails(name, null)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("    ")]
    public async Task A_name_is_required(string? name) =>
        Assert.Equal(ConnectionNames.Required, (await NothingTaken.CheckAsync(new ConnectionDetails(name, null)))?.Name);

    [Theory]
    [InlineData("orders/db")]
    [InlineData("-orders")]
    [InlineData("(orders)")]
    [InlineData("orders\tdb")]
    [InlineData("Bestellungen-Übersicht")]
    [InlineData("<script>")]
    public async Task Other_characters_or_a_leading_sign_are_refused_with_the_allowed_set_named(string name) =>
        Assert.Equal(ConnectionNames.BadCharacters, (await NothingTaken.CheckAsync(new ConnectionDetails(name, null)))?.Name);

    [Fact]
    public async Task A_name_may_have_64_characters_after_trimming_but_not_65()
    {
        Assert.Null(await NothingTaken.CheckAsync(new ConnectionDetails("  " + new string('a', 64) + "  ", null)));
        Assert.Equal(ConnectionNames.TooLong, (await NothingTaken.CheckAsync(new ConnectionDetails(new string('a', 65), null)))?.Name);
    }

    [Fact]
    public async Task The_description_is_optional_and_at_most_500_characters()
    {
        Assert.Null(await NothingTaken.CheckAsync(new ConnectionDetails("db", null)));
        Assert.Null(await NothingTaken.CheckAsync(new ConnectionDetails("db", new string('x', 500) + "   ")));
        var errors = await NothingTaken.CheckAsync(new ConnectionDetails("db", new string('x', 501)));
        Assert.Equal((null, ConnectionNames.DescriptionTooLong), (errors?.Name, errors?.Description));
    }

    [Fact]
    public async Task A_taken_name_is_looked_up_by_its_lower_case_trimmed_key_and_refused_by_its_name()
    {
        var asked = new List<string>();
        var validator = new ConnectionDetailsValidator((key, _) =>
        {
            asked.Add(key);
            return Task.FromResult(key == "orders db");
        });

        var errors = await validator.CheckAsync(new ConnectionDetails("  Orders DB ", null));

        Assert.Equal(["orders db"], asked);
        Assert.Equal(ConnectionNames.Taken("Orders DB"), errors?.Name);
        Assert.Contains("already called \"Orders DB\"", errors?.Name);
    }

    [Fact]
    public async Task A_badly_formed_name_is_not_looked_up()
    {
        var lookedUp = false;
        var validator = new ConnectionDetailsValidator((_, _) => Task.FromResult(lookedUp = true));

        await validator.CheckAsync(new ConnectionDetails("bad/name", null));

        Assert.False(lookedUp);
    }

    [Fact]
    public void The_proposed_name_is_a_valid_name()
    {
        Assert.Null(ConnectionNames.Problem(ConnectionNames.Suggest("ap-southeast-2", "vpce-svc-0123456789abcdef0")));
    }
}
