using SkinLite.Imaging;

namespace SkinLite;

/// <summary>Submits a <see cref="FittedImage"/> with <see cref="SkinLiteClient"/>.</summary>
public static class SkinLiteClientFittingExtensions
{
    /// <summary>Submits a fitted image; see <see cref="SkinLiteClient.SubmitAsync(ReadOnlyMemory{byte}, string?, CancellationToken)"/>.</summary>
    /// <param name="client">The client.</param>
    /// <param name="image">The image from <see cref="ImageFitter"/>; it stays the caller's to dispose.</param>
    /// <param name="cancellationToken">Cancels the submit.</param>
    /// <returns>The job.</returns>
    public static Task<SkinAnalysisJob> SubmitAsync(this SkinLiteClient client, FittedImage image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(image);
        return client.SubmitAsync(image.Content, image.FileName, cancellationToken);
    }

    /// <summary>Submits a fitted image and waits for its outcome; see <see cref="SkinLiteClient.AnalyzeAsync(ReadOnlyMemory{byte}, string?, CancellationToken)"/>.</summary>
    /// <param name="client">The client.</param>
    /// <param name="image">The image from <see cref="ImageFitter"/>; it stays the caller's to dispose.</param>
    /// <param name="cancellationToken">Cancels the submit and the wait.</param>
    /// <returns>The outcome.</returns>
    public static Task<AnalysisOutcome> AnalyzeAsync(this SkinLiteClient client, FittedImage image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(image);
        return client.AnalyzeAsync(image.Content, image.FileName, cancellationToken);
    }
}
