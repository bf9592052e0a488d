using SkinLite.Cli.Output;

namespace SkinLite.Cli.Results;

/// <summary>
/// The service's document of one batch image, for --save: the one just received, or for an image a previous run
/// finished, the one that run wrote to documents/ (a rerun saves what that run did not, without paying again).
/// </summary>
internal static class BatchDocument
{
    /// <param name="missing">Why an image that has a final outcome has no document to save; null when it has one, or has no outcome to save.</param>
    /// <returns>The document's bytes, or null when there is none to save.</returns>
    public static byte[]? ToSave(BatchItemResult result, BatchOutputFolder folder, out string? missing)
    {
        missing = null;
        if (!result.Document.IsEmpty)
        {
            return result.Document.ToArray();
        }

        if (!result.FromJournal || result.Status is not (BatchItemStatus.Succeeded or BatchItemStatus.Rejected or BatchItemStatus.Failed))
        {
            return null;
        }

        string entry = BatchOutputFolder.DocumentEntryFor(result.Path);
        try
        {
            var file = new FileInfo(folder.DocumentPathFor(result.Path));
            if (!file.Exists)
            {
                // Said rather than skipped in silence: --save was asked for, and this image will never be saved.
                missing = $"its document {entry} is no longer in --out, so there is nothing to save it from";
                return null;
            }

            if (file.Length > SavedDocument.MaxBytes)
            {
                missing = $"{entry} is {file.Length:N0} bytes: far larger than a result document";
                return null;
            }

            return File.ReadAllBytes(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A document that cannot be read costs its own save, not the batch.
            missing = $"{entry} cannot be read: {ex.Message}";
            return null;
        }
    }
}
