using Microsoft.Extensions.Configuration;

namespace Lantern.Web.Tests;

public sealed class ProgramTests
{
    [Fact]
    public void Listens_on_loopback_5080_only_when_no_address_is_configured()
    {
        Assert.Equal("http://127.0.0.1:5080", Program.DefaultUrl);
        Assert.False(Program.ListenAddressConfigured(Config()));
    }

    [Theory]
    [InlineData("urls", "http://0.0.0.0:8080")]
    [InlineData("http_ports", "8080")]
    [InlineData("https_ports", "8443")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://127.0.0.1:9000")]
    public void Configured_addresses_take_precedence(string key, string value)
    {
        Assert.True(Program.ListenAddressConfigured(Config((key, value))));
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();
}
