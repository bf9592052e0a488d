using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SkinLite.Imaging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ImageFitter"/> beside the SkinLite client.</summary>
public static class ImageFittingHttpClientBuilderExtensions
{
    /// <summary>
    /// Registers one shared <see cref="ImageFitter"/> (thread-safe), so that a service receiving phone uploads fits
    /// and sends each in one line: <c>await client.AnalyzeAsync(fitter.Fit(upload))</c>. Chain it onto
    /// <c>AddSkinLiteClient(...)</c>.
    /// </summary>
    /// <param name="builder">The builder <c>AddSkinLiteClient</c> returned.</param>
    /// <param name="configure">Changes the fitting options (metadata, JPEG quality); null keeps the defaults.</param>
    /// <returns>The same builder.</returns>
    public static IHttpClientBuilder AddImageFitting(this IHttpClientBuilder builder, Action<ImageFitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        OptionsBuilder<ImageFitOptions> options = builder.Services.AddOptions<ImageFitOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddSingleton(static provider => new ImageFitter(provider.GetRequiredService<IOptions<ImageFitOptions>>().Value));
        return builder;
    }
}
