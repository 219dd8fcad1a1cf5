using Bunit;
using Portal.ComponentTests.Infrastructure;
using Portal.Web.Components.Shared;

namespace Portal.ComponentTests.Shared;

public sealed class TextFieldTests : MudTestContext
{
    [Fact]
    public void The_label_names_the_input_and_every_keystroke_is_reported()
    {
        var typed = new List<string>();
        var field = Render<TextField>(p => p.Add(f => f.Label, "Endpoint service name").Add(f => f.Value, "com")
            .Add(f => f.ValueChanged, (string value) => typed.Add(value)).AddUnmatched("data-testid", "service-name"));

        var input = field.Find("input[data-testid=service-name]");
        Assert.Equal(input.Id, field.Find("label").GetAttribute("for"));
        Assert.Equal("Endpoint service name", field.Find("label").TextContent);
        Assert.Equal("com", input.GetAttribute("value"));

        input.Input("com.");
        input.Input("com.a");

        Assert.Equal(["com.", "com.a"], typed);
    }

    [Fact]
    public void An_error_replaces_the_helper_text_and_is_what_the_input_is_described_by()
    {
        var field = Render<TextField>(p => p.Add(f => f.Label, "Name").Add(f => f.HelperText, "Letters and digits")
            .Add(f => f.Error, true).Add(f => f.ErrorText, "That name is taken."));

        var input = field.Find("input");
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        var message = field.Find($"#{input.GetAttribute("aria-describedby")}");
        Assert.Equal("That name is taken.", message.TextContent);
        Assert.DoesNotContain("Letters and digits", field.Markup);
        Assert.Contains("mud-input-error", field.Find(".mud-input-control").ClassList);
    }

    [Fact]
    public void Without_an_error_the_helper_text_describes_the_input_and_valid_input_gets_a_check_mark()
    {
        var field = Render<TextField>(p => p.Add(f => f.Label, "Name").Add(f => f.HelperText, "Letters and digits").Add(f => f.Valid, true));

        var input = field.Find("input");
        Assert.Equal("false", input.GetAttribute("aria-invalid"));
        Assert.Equal("Letters and digits", field.Find($"#{input.GetAttribute("aria-describedby")}").TextContent);
        Assert.NotNull(field.Find(".mud-input-adornment-end svg"));
    }

    [Fact]
    public void Several_lines_are_a_text_area_with_a_length_counter()
    {
        var field = Render<TextField>(p => p.Add(f => f.Label, "Description").Add(f => f.Value, "Orders").Add(f => f.Lines, 3)
            .Add(f => f.MaxLength, 500).Add(f => f.Counter, true));

        var area = field.Find("textarea");
        Assert.Equal("3", area.GetAttribute("rows"));
        Assert.Equal("500", area.GetAttribute("maxlength"));
        Assert.Contains("6 / 500", field.Find(".mud-input-helper-text").TextContent);
    }

    [Fact]
    public void Two_fields_never_share_an_id()
    {
        var first = Render<TextField>(p => p.Add(f => f.Label, "A"));
        var second = Render<TextField>(p => p.Add(f => f.Label, "B"));

        Assert.NotEqual(first.Find("input").Id, second.Find("input").Id);
    }

    [Fact]
    public void What_the_owner_echoes_back_while_the_customer_types_is_not_sent_to_the_browser_again()
    {
        var field = Render<TextField>(p => p.Add(f => f.Label, "Name").Add(f => f.Value, "or"));

        field.Find("input").Input("orders");
        field.Render(p => p.Add(f => f.Value, "orders"));

        // The server sends no value since the first render: the browser may already hold more than the owner has seen.
        Assert.Equal("or", field.Find("input").GetAttribute("value"));
    }

    [Fact]
    public void A_value_the_owner_sets_replaces_what_was_typed()
    {
        var field = Render<TextField>(p => p.Add(f => f.Label, "Name").Add(f => f.Value, "orders"));
        field.Find("input").Input("orders-typo");

        field.Render(p => p.Add(f => f.Value, "orders"));

        Assert.Equal("orders", field.Find("input").GetAttribute("value"));
    }
}
