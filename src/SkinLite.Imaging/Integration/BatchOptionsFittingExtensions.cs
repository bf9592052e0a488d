using SkinLite.Imaging;

namespace SkinLite;

/// <summary>Fits each image of a batch (<see cref="SkinLiteClient.AnalyzeManyAsync(IAsyncEnumerable{string}, BatchOptions?, CancellationToken)"/>) with <see cref="ImageFitter"/>.</summary>
public static class BatchOptionsFittingExtensions
{
    /// <summary>
    /// Sets <see cref="BatchOptions.Prepare"/> to fit every image the batch is about to submit, as <see cref="ImageFitter"/>
    /// does: phone photos are turned upright, scaled to the service's limits and stripped of their metadata. An image
    /// that cannot be fitted (corrupt, too small, HEIC) is refused with the fitter's reason and message, and never sent.
    /// The result's <see cref="BatchItemResult.Note"/> is the fit report's line when fitting changed the image.
    /// </summary>
    /// <param name="options">The batch's options; changed in place.</param>
    /// <param name="fitOptions">How to fit (metadata, JPEG quality); <see langword="null"/> for the defaults. Read once, here.</param>
    /// <returns>The same options, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A quality in <paramref name="fitOptions"/> is out of range.</exception>
    /// <example>
    /// <code>
    /// var options = new BatchOptions { JournalPath = "out/journal.jsonl" }.UseImageFitting();
    /// </code>
    /// </example>
    public static BatchOptions UseImageFitting(this BatchOptions options, ImageFitOptions? fitOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fitter = new ImageFitter(fitOptions ?? new ImageFitOptions());
        options.Prepare = (path, content, _) => ValueTask.FromResult(Prepare(fitter, path, content));
        return options;
    }

    private static PreparedImage Prepare(ImageFitter fitter, string path, ReadOnlyMemory<byte> content)
    {
        FittedImage fitted;
        try
        {
            fitted = fitter.Fit(content, path);
        }
        catch (ImageFitException ex)
        {
            return PreparedImage.Refuse(ex.Reason == RejectionReason.None ? RejectionReason.Unknown : ex.Reason, $"'{path}': {ex.Message}");
        }

        // An untouched image is the batch's own buffer, which the batch keeps until the image is sent; a fitted one is
        // the fitter's pooled JPEG, returned to the pool when the batch disposes the decision.
        return PreparedImage.Send(fitted.Content, fitted.FileName, fitted, fitted.Report.Changed ? fitted.Report.ToString() : null);
    }
}
