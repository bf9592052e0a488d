using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkinLite;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="SkinLiteClient"/> as a typed client of <c>IHttpClientFactory</c>.</summary>
public static class SkinLiteServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SkinLiteClient"/> with options set by <paramref name="configure"/>, validated when the host
    /// starts: every missing or invalid setting fails startup at once, each named (<c>SkinLiteClientOptions.AppId</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the route family, app id, credential, polling policy and so on.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>, to chain handlers such as a resilience pipeline.
    /// Such a pipeline must not retry the submit POST: a second submit is a second paid analysis.</returns>
    public static IHttpClientBuilder AddSkinLiteClient(this IServiceCollection services, Action<SkinLiteClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SkinLiteClientOptions>().Configure(configure);
        return AddClient(services, sectionPath: null);
    }

    /// <summary>
    /// Registers <see cref="SkinLiteClient"/> with options bound from <paramref name="configuration"/> (for example the
    /// <c>SkinLite</c> section: <c>Api</c>, <c>AppId</c>, <c>Credential</c>, <c>BaseAddress</c>, <c>Polling:Deadline</c>...),
    /// validated when the host starts: every missing or invalid setting fails startup at once, each named by its
    /// configuration key (<c>SkinLite:AppId</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section that holds the options.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>, to chain handlers such as a resilience pipeline.</returns>
    public static IHttpClientBuilder AddSkinLiteClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SkinLiteClientOptions>().Bind(configuration);
        return AddClient(services, (configuration as IConfigurationSection)?.Path ?? string.Empty);
    }

    /// <param name="services">The service collection.</param>
    /// <param name="sectionPath">Where the options were bound from, so that validation names configuration keys; <see langword="null"/> when set in code.</param>
    private static IHttpClientBuilder AddClient(IServiceCollection services, string? sectionPath)
    {
        services.AddOptions<SkinLiteClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SkinLiteClientOptions>>(new SkinLiteClientOptionsValidator(sectionPath)));
        return services.AddHttpClient(nameof(SkinLiteClient)).AddTypedClient(static (http, provider) => new SkinLiteClient(
            http,
            provider.GetRequiredService<IOptions<SkinLiteClientOptions>>().Value,
            provider.GetService<TimeProvider>(),
            provider.GetService<ILoggerFactory>()));
    }
}
