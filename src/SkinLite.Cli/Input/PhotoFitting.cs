using SkinLite.Imaging;

namespace SkinLite.Cli.Input;

/// <summary>
/// Reads an image file and fits it with <see cref="ImageFitter"/>, turning every failure into one clear line: a file
/// problem, an image that cannot be fitted, or a skinlite installed without the codec library beside it.
/// </summary>
internal static class PhotoFitting
{
    /// <summary>The largest file read: a 48 MP PNG is well under it.</summary>
    private const long MaxInputBytes = ImageFitter.MaxInputBytes;

    /// <summary>The native codec library; a published skinlite carries it beside the executable.</summary>
    private const string NativeLibrary = "libSkiaSharp.so";

    /// <exception cref="BadInputException">The path is not a readable, non-empty regular file of at most 256 MiB.</exception>
    public static byte[] Read(string path)
    {
        using FileStream file = ImageInput.OpenNonEmpty(path);
        if (file.Length > MaxInputBytes)
        {
            throw new BadInputException($"'{path}' is {file.Length} bytes; skinlite reads images of at most {MaxInputBytes} bytes (256 MiB).");
        }

        try
        {
            var bytes = new byte[file.Length];
            file.ReadExactly(bytes);
            return bytes;
        }
        catch (IOException ex)
        {
            throw new BadInputException($"'{path}' cannot be read: {ex.Message}");
        }
    }

    /// <param name="outcome">What happens to an image that cannot be fitted, e.g. "Nothing was sent."</param>
    /// <exception cref="BadInputException">The image cannot be fitted, or the codec library is missing.</exception>
    public static FittedImage Fit(string path, byte[] image, ImageFitOptions options, string outcome) =>
        WithCodec(() =>
        {
            try
            {
                return new ImageFitter(options).Fit(image, path);
            }
            catch (ImageFitException ex)
            {
                throw new BadInputException($"'{path}': {ex.Message} {outcome}");
            }
        });

    /// <exception cref="BadInputException">The codec library is missing.</exception>
    public static FitAssessment Assess(byte[] image) => WithCodec(() => new ImageFitter().Assess(image));

    private static T WithCodec<T>(Func<T> body)
    {
        try
        {
            return body();
        }
        catch (Exception ex) when (IsMissingCodec(ex))
        {
            throw MissingCodec();
        }
    }

    /// <summary>
    /// The batch's preparer: each image fitted as <see cref="Fit"/> does (SkinLite.Imaging's
    /// <see cref="BatchOptionsFittingExtensions.UseImageFitting"/>), an image that cannot be fitted refused and never sent.
    /// A missing codec library ends the batch with the same line as analyze rather than refusing every image.
    /// </summary>
    public static BatchImagePreparer ForBatch(ImageFitOptions options)
    {
        BatchImagePreparer fit = new BatchOptions().UseImageFitting(options).Prepare!;
        return async (path, content, cancellationToken) =>
        {
            try
            {
                return await fit(path, content, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsMissingCodec(ex))
            {
                throw MissingCodec();
            }
        };
    }

    private static bool IsMissingCodec(Exception ex) => ex is DllNotFoundException || ex.InnerException is DllNotFoundException;

    private static BadInputException MissingCodec() => new(
        $"Fitting images needs {NativeLibrary} beside the skinlite executable, and it is missing: reinstall skinlite, " +
        "or pass --no-fit to send the image as it is.");
}
