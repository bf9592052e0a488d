namespace SkinLite.Cli.Results;

/// <summary>One image of a batch as its index needs it: the batch's verdict, and the folder its analysis was saved to.</summary>
/// <param name="Path">The image's path as the batch read it.</param>
/// <param name="Folder">The name of its folder under --save, or null when it has no document to save.</param>
internal sealed record BatchImageEntry(string Path, BatchItemStatus Status, RejectionReason Reason, string? Message, string? Folder);
