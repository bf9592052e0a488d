using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SkinLite.AotSmoke;

/// <summary>
/// The DI path natively: a host validates the options at start, resolves the typed client from IHttpClientFactory, and
/// waits through pending answers to the result.
/// </summary>
internal static class HostedClientChecks
{
    public static async Task RunAsync(Check check, byte[] recorded)
    {
        const string submitted = """{"_id":"pred-2","status":"ACCEPTED","scanId":"scan-2","subjectId":"subj-2","createdAt":"2025-12-09T13:07:20.526Z"}""";
        var handler = new CannedHandler(submitted, """{"status":"PREPARING"}""", """{"status":"PROCESSING"}""", Encoding.UTF8.GetString(recorded));
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSkinLiteClient(o =>
        {
            o.AppId = "app-2";
            o.Credential = "smoke-key";
            o.BaseAddress = new Uri("http://127.0.0.1:9/emu");
            o.Polling = new PollingOptions { InitialDelay = TimeSpan.Zero, Interval = TimeSpan.FromMilliseconds(5), MinDelay = TimeSpan.FromMilliseconds(1), Deadline = TimeSpan.FromSeconds(20) };
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        using IHost host = builder.Build();
        await host.StartAsync();

        var client = host.Services.GetRequiredService<SkinLiteClient>();
        var statuses = new List<string>();
        await foreach (AnalysisOutcome update in client.WatchAsync(await client.SubmitAsync(SmokeImages.Png1024(), "face.png")))
        {
            statuses.Add(update.Status.Value);
        }

        check.Equal("PREPARING,PROCESSING,SUCCESS", string.Join(',', statuses), "watched statuses through DI");
        check.Equal(4, handler.Seen.Count, "one submit and three polls");
        await host.StopAsync();

        var invalid = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        invalid.Services.AddSkinLiteClient(o => o.Credential = "smoke-key");
        using IHost invalidHost = invalid.Build();
        string? startupError = null;
        try
        {
            await invalidHost.StartAsync();
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            startupError = e.Message;
        }

        check.True(startupError?.Contains("SkinLiteClientOptions.AppId", StringComparison.Ordinal) == true, "startup validation names AppId");
    }
}
