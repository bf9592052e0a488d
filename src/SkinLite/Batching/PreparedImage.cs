namespace SkinLite;

/// <summary>What a <see cref="BatchImagePreparer"/> decided for one image: the bytes to send, or a local refusal.</summary>
public sealed class PreparedImage : IDisposable
{
    private readonly IDisposable? _owner;
    private int _disposed;

    private PreparedImage(ReadOnlyMemory<byte> content, string? fileName, IDisposable? owner, string? note, RejectionReason reason, string? refusal)
    {
        Content = content;
        FileName = fileName;
        _owner = owner;
        Note = note;
        RefusedReason = reason;
        Refusal = refusal;
    }

    /// <summary>The bytes to send; empty when refused.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>The file name to declare, or <see langword="null"/> for the batch's own (the file's name).</summary>
    public string? FileName { get; }

    /// <summary>A line about what preparing did (e.g. what fitting changed), carried to the image's result; <see langword="null"/> for none.</summary>
    public string? Note { get; }

    /// <summary>Whether the image is refused (not sent).</summary>
    public bool IsRefused => Refusal is not null;

    /// <summary>Which of the service's rules the image breaks, when refused.</summary>
    public RejectionReason RefusedReason { get; }

    /// <summary>Why the image is refused, in words; <see langword="null"/> when it is to be sent.</summary>
    public string? Refusal { get; }

    /// <summary>Sends <paramref name="content"/>.</summary>
    /// <param name="content">The image to send (JPEG or PNG within the service's rules).</param>
    /// <param name="fileName">The file name to declare; <see langword="null"/> for the file's own name.</param>
    /// <param name="owner">Disposed once the bytes are sent or no longer needed (a pooled buffer); <see langword="null"/> for none.</param>
    /// <param name="note">A line about what preparing did, for the image's result.</param>
    /// <returns>The decision.</returns>
    public static PreparedImage Send(ReadOnlyMemory<byte> content, string? fileName = null, IDisposable? owner = null, string? note = null) =>
        new(content, fileName, owner, note, RejectionReason.None, null);

    /// <summary>Refuses the image: it is journaled as refused and never sent.</summary>
    /// <param name="reason">The service's rule it breaks (<see cref="RejectionReason.Unknown"/> when none fits).</param>
    /// <param name="message">Why, in words that name the problem.</param>
    /// <returns>The decision.</returns>
    public static PreparedImage Refuse(RejectionReason reason, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        return new(ReadOnlyMemory<byte>.Empty, null, null, null, reason, message);
    }

    /// <summary>Disposes the owner of the bytes, once however often it is called (the batch lets go of them as soon as they are sent).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _owner?.Dispose();
        }
    }
}
