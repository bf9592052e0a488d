using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RichardSzalay.MockHttp;

namespace SkinLite.DependencyInjection.Tests;

public sealed class RegistrationTests
{
    private const string Root = "https://api.pixelbin.io/service/private/misc/v2.0/sa-predictions/apps/app-7/plugins/skinAnalysisInt";

    [Fact]
    public async Task A_delegate_configures_a_typed_client_that_sends_through_the_factory_pipeline()
    {
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, $"{Root}/scans/scan-1/pred-1")
            .WithHeaders("Authorization", "Bearer " + Convert.ToBase64String(Encoding.UTF8.GetBytes("key-123-456")))
            .Respond("application/json", Documents.Pending);
        var services = new ServiceCollection();
        services.AddSkinLiteClient(o =>
        {
            o.AppId = "app-7";
            o.Credential = "key-123-456";
        }).ConfigurePrimaryHttpMessageHandler(() => mock);

        await using var provider = services.BuildServiceProvider();
        var outcome = await provider.GetRequiredService<SkinLiteClient>().GetOutcomeAsync("scan-1", "pred-1");

        Assert.Equal(OutcomeKind.Pending, outcome.Kind);
        Assert.Equal("PROCESSING", outcome.Status.Value);
        mock.VerifyNoOutstandingExpectation();
    }

    [Fact]
    public async Task A_configuration_section_binds_every_setting_including_the_polling_policy()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SkinLite:Api"] = "Platform",
            ["SkinLite:AppId"] = "app-9",
            ["SkinLite:Credential"] = "raw-token",
            ["SkinLite:SendCredentialAsIs"] = "true",
            ["SkinLite:BaseAddress"] = "http://127.0.0.1:9/proxy",
            ["SkinLite:Polling:Deadline"] = "00:02:00",
            ["SkinLite:Polling:AdaptiveDelayWeight"] = "12.5",
        }).Build();
        var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, "http://127.0.0.1:9/proxy/sa-predictions/apps/app-9/plugins/skinAnalysisInt/scans/s/p")
            .WithHeaders("Authorization", "Bearer raw-token")
            .Respond("application/json", Documents.Failure);
        var services = new ServiceCollection();
        services.AddSkinLiteClient(configuration.GetSection("SkinLite")).ConfigurePrimaryHttpMessageHandler(() => mock);

        await using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<SkinLiteClientOptions>>().Value;
        var outcome = await provider.GetRequiredService<SkinLiteClient>().GetOutcomeAsync("s", "p");

        Assert.Equal(SkinLiteApi.Platform, options.Api);
        Assert.Equal(TimeSpan.FromMinutes(2), options.Polling.Deadline);
        Assert.Equal(12.5, options.Polling.AdaptiveDelayWeight);
        Assert.Equal(OutcomeKind.Failed, outcome.Kind);
        mock.VerifyNoOutstandingExpectation();
    }

    [Theory]
    [InlineData(null, "test-key-1", "AppId")]
    [InlineData("app", null, "Credential")]
    [InlineData("app", "", "Credential")]
    public async Task A_missing_setting_fails_host_startup_with_a_message_that_names_it(string? appId, string? credential, string setting)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSkinLiteClient(o =>
        {
            o.AppId = appId;
            o.Credential = credential;
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains($"SkinLiteClientOptions.{setting}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_polling_policy_from_the_configuration_root_fails_startup_naming_its_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AppId"] = "app",
            ["Credential"] = "test-key-1",
            ["Polling:Deadline"] = "00:00:00",
        }).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSkinLiteClient(configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.StartsWith("Polling:Deadline must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_of_a_configuration_section_is_reported_at_once_under_the_keys_the_user_edits()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SkinLite:Api"] = "Private",
            ["SkinLite:Credential"] = "abc",
            ["SkinLite:BaseAddress"] = "http://skinlite-test.invalid",
            ["SkinLite:Polling:Deadline"] = "00:00:00",
        }).Build();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSkinLiteClient(configuration.GetSection("SkinLite"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(4, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.StartsWith("SkinLite:AppId is required", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("SkinLite:Credential is 3 characters long", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("SkinLite:BaseAddress 'http://skinlite-test.invalid' is plain http", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("SkinLite:Polling:Deadline must be positive", StringComparison.Ordinal));
        Assert.DoesNotContain("SkinLiteClientOptions.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'abc'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_set_in_code_report_every_problem_under_their_property_names()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSkinLiteClient(o =>
        {
            o.SubmitRetries = 99;
            o.Polling.Interval = TimeSpan.Zero;
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith("SkinLiteClientOptions.AppId", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("SkinLiteClientOptions.Credential", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("SkinLiteClientOptions.SubmitRetries", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("PollingOptions.Interval", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_transformation_family_starts_without_an_app_id_and_the_credential_never_shows_in_the_failure()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSkinLiteClient(o =>
        {
            o.Api = SkinLiteApi.Transformation;
            o.Credential = "secret\nkey-with-a-line-break";
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("SkinLiteClientOptions.Credential", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("key-with-a-line-break", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AppId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_returned_builder_chains_the_callers_own_handlers()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond("application/json", Documents.Pending);
        var counter = new CountingHandler();
        var services = new ServiceCollection();
        services.AddSkinLiteClient(o =>
            {
                o.AppId = "app-7";
                o.Credential = "test-key-1";
            })
            .AddHttpMessageHandler(() => counter)
            .ConfigurePrimaryHttpMessageHandler(() => mock);

        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<SkinLiteClient>().GetOutcomeAsync("scan-1", "pred-1");

        Assert.Equal(1, counter.Requests);
    }

    [Fact]
    public async Task Registering_twice_keeps_one_validator_so_a_problem_is_reported_once()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSkinLiteClient(o => o.Credential = "test-key-1");
        builder.Services.AddSkinLiteClient(o => o.Credential = "test-key-1");
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Single(error.Failures);
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
