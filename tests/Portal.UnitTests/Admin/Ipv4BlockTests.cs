using Portal.Web.Features.Admin.RegionEditor;

namespace Portal.UnitTests.Admin;

public class Ipv4BlockTests
{
    [Theory]
    [InlineData("192.0.2.10", 32, "192.0.2.10")]
    [InlineData(" 192.0.2.10 ", 32, "192.0.2.10")]
    [InlineData("0.0.0.0", 32, "0.0.0.0")]
    [InlineData("255.255.255.255", 32, "255.255.255.255")]
    [InlineData("192.0.2.10/32", 32, "192.0.2.10")]
    [InlineData("192.0.2.0/24", 24, "192.0.2.0/24")]
    [InlineData("198.51.100.0/22", 22, "198.51.100.0/22")]
    [InlineData("10.0.0.0/8", 8, "10.0.0.0/8")]
    [InlineData("0.0.0.0/0", 0, "0.0.0.0/0")]
    [InlineData("203.0.113.128/25", 25, "203.0.113.128/25")]
    public void Addresses_and_blocks_in_canonical_form_parse(string text, int prefixLength, string canonical)
    {
        Assert.True(Ipv4Block.TryParse(text, out var block, out var error), error);
        Assert.Equal(prefixLength, block.PrefixLength);
        Assert.Equal(canonical, block.ToString());
    }

    [Theory]
    [InlineData("", "Enter an IPv4 address or CIDR block, for example 192.0.2.10 or 192.0.2.0/24.")]
    [InlineData("192.0.2.300", "\"192.0.2.300\" is not an IPv4 address: 300 is more than 255.")]
    [InlineData("1000.0.2.1", "\"1000.0.2.1\" is not an IPv4 address: 1000 is more than 255.")]
    [InlineData("192.0.2", "\"192.0.2\" is not an IPv4 address or CIDR block. Use four numbers from 0 to 255 separated by dots, optionally followed by /0 to /32, for example 192.0.2.10 or 192.0.2.0/24.")]
    [InlineData("192.0.2.1.5", "\"192.0.2.1.5\" is not an IPv4 address or CIDR block. Use four numbers from 0 to 255 separated by dots, optionally followed by /0 to /32, for example 192.0.2.10 or 192.0.2.0/24.")]
    [InlineData("192.0.2.x", "\"192.0.2.x\" is not an IPv4 address or CIDR block. Use four numbers from 0 to 255 separated by dots, optionally followed by /0 to /32, for example 192.0.2.10 or 192.0.2.0/24.")]
    [InlineData("192.0.2.-1", "\"192.0.2.-1\" is not an IPv4 address or CIDR block. Use four numbers from 0 to 255 separated by dots, optionally followed by /0 to /32, for example 192.0.2.10 or 192.0.2.0/24.")]
    [InlineData("egress.example.com", "\"egress.example.com\" is not an IPv4 address or CIDR block. Use four numbers from 0 to 255 separated by dots, optionally followed by /0 to /32, for example 192.0.2.10 or 192.0.2.0/24.")]
    [InlineData("1", "\"1\" is not an IPv4 address or CIDR block. Use four numbers from 0 to 255 separated by dots, optionally followed by /0 to /32, for example 192.0.2.10 or 192.0.2.0/24.")]
    [InlineData("192.0.2.010", "\"192.0.2.010\" has a leading zero in \"010\"; write 10 (some systems read leading zeros as octal).")]
    [InlineData("192.0.2.00", "\"192.0.2.00\" has a leading zero in \"00\"; write 0 (some systems read leading zeros as octal).")]
    [InlineData("192.0.2.0/33", "\"192.0.2.0/33\" has the prefix length /33; it must be a number from /0 to /32.")]
    [InlineData("192.0.2.0/", "\"192.0.2.0/\" has the prefix length /; it must be a number from /0 to /32.")]
    [InlineData("192.0.2.0/abc", "\"192.0.2.0/abc\" has the prefix length /abc; it must be a number from /0 to /32.")]
    [InlineData("192.0.2.0/-8", "\"192.0.2.0/-8\" has the prefix length /-8; it must be a number from /0 to /32.")]
    [InlineData("192.0.2.10/24", "\"192.0.2.10/24\" is not the start of its block; did you mean 192.0.2.0/24?")]
    [InlineData("10.1.2.3/8", "\"10.1.2.3/8\" is not the start of its block; did you mean 10.0.0.0/8?")]
    [InlineData("2001:db8::1", "\"2001:db8::1\" is an IPv6 address; only IPv4 addresses and blocks are supported here.")]
    [InlineData("::ffff:192.0.2.1", "\"::ffff:192.0.2.1\" is an IPv6 address; only IPv4 addresses and blocks are supported here.")]
    public void Anything_else_is_refused_with_a_message_naming_the_value(string text, string message)
    {
        Assert.False(Ipv4Block.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }
}
