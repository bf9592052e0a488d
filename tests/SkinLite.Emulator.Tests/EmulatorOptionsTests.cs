namespace SkinLite.Emulator.Tests;

public class EmulatorOptionsTests
{
    public static TheoryData<string, Action<EmulatorOptions>> BadSettings() => new()
    {
        { "Credential", o => o.Credential = "" },
        { "Credential", o => o.Credential = "line\nbreak" },
        { "ProcessingTime", o => o.ProcessingTime = TimeSpan.FromSeconds(-1) },
        { "Latency", o => o.Latency = TimeSpan.FromDays(2) },
        { "JobRetention", o => o.JobRetention = TimeSpan.Zero },
        { "MaxJobs", o => o.MaxJobs = 0 },
        { "MaxRequestBytes", o => o.MaxRequestBytes = 1000 },
        { "SubmitRate", o => o.SubmitRate = -1 },
        { "SubmitRate", o => o.SubmitRate = double.NaN },
        { "SubmitRate", o => o.SubmitRate = double.PositiveInfinity },
        { "SubmitRate", o => o.SubmitRate = 2_000_000 },
        { "SubmitRate", o => o.SubmitRate = 1e-6 },
        { "Quota", o => o.Quota = -1 },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void A_bad_setting_is_named_when_the_emulator_is_made(string setting, Action<EmulatorOptions> spoil)
    {
        var options = new EmulatorOptions();
        spoil(options);

        var error = Assert.Throws<ArgumentException>(() => new SkinAnalysisEmulator(options));

        Assert.Contains($"EmulatorOptions.{setting}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    [InlineData(1.0 / 86_400)]
    [InlineData(1_000_000.0)]
    public void A_submit_rate_of_null_or_0_is_unlimited_and_the_bounds_are_taken(double? rate)
    {
        using var emulator = new SkinAnalysisEmulator(new EmulatorOptions { SubmitRate = rate, Quota = 0 });

        Assert.NotNull(emulator.Stats);
    }

    [Fact]
    public void The_credential_never_shows_in_ToString() =>
        Assert.DoesNotContain("secret-key", new EmulatorOptions { Credential = "secret-key" }.ToString(), StringComparison.Ordinal);

    [Fact]
    public void Base_addresses_carry_each_family_path_on_an_invalid_host()
    {
        Assert.Equal("https://emulator.skinlite.invalid/service/private/misc/v2.0", SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Private).ToString());
        Assert.Equal("https://emulator.skinlite.invalid/service/platform/misc/v1.0", SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Platform).ToString());
        Assert.Equal("https://emulator.skinlite.invalid/service/platform/transformation/v1.0", SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Transformation).ToString());
    }

    [Fact]
    public void No_default_id_contains_the_default_credential_which_clients_mask_wherever_it_appears()
    {
        Assert.DoesNotContain(SkinAnalysisEmulator.DefaultCredential, SkinAnalysisEmulator.DefaultAppId, StringComparison.Ordinal);
        Assert.DoesNotContain(SkinAnalysisEmulator.DefaultCredential, SkinAnalysisEmulator.BaseAddressFor(SkinLiteApi.Private).ToString(), StringComparison.Ordinal);
        Assert.True(SkinAnalysisEmulator.DefaultCredential.Length >= SkinLiteClientOptions.MinimumCredentialLength);
    }
}
