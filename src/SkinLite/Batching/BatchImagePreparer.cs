namespace SkinLite;

/// <summary>
/// Turns an image file of a batch into what is sent, or refuses it: for example fitting a phone photo to the service's
/// rules (<c>SkinLite.Imaging</c>). Runs for images that are about to be submitted, never for those a resume skips or
/// waits on; up to <see cref="BatchOptions.MaxConcurrentPreparations"/> at once.
/// </summary>
/// <param name="path">The file, as the batch was given it.</param>
/// <param name="content">
/// The file's bytes (the batch has hashed them for its journal). The batch keeps them until the image is sent, so
/// <see cref="PreparedImage.Send"/> may pass them on untouched; do not keep them past that.
/// </param>
/// <param name="cancellationToken">The batch's cancellation.</param>
/// <returns>What to send (<see cref="PreparedImage.Send"/>) or why not (<see cref="PreparedImage.Refuse"/>).</returns>
public delegate ValueTask<PreparedImage> BatchImagePreparer(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);
