namespace SkinLite;

/// <summary>The base of every error SkinLite raises about the service: API answers, protocol breaks and transport failures.</summary>
public class SkinLiteException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SkinLiteException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public SkinLiteException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public SkinLiteException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// Set when a submit failed after its request may have reached the service (a timeout after sending, a 5xx other
    /// than a 503 with <c>Retry-After</c>, a cut or unreadable answer): the job may exist and may be billed, and
    /// submitting the same image again may pay for it twice. <see langword="false"/> when the failure proves that
    /// nothing was created (no connection, a 4xx, a 429) and for every error that is not about a submit.
    /// </summary>
    public bool JobMayExist { get; private set; }

    /// <inheritdoc/>
    public override string Message => JobMayExist ? $"{base.Message} {JobMayExistNote}" : base.Message;

    /// <summary>What every error of a submit that may have created a job says about money.</summary>
    internal const string JobMayExistNote = "The request may have reached the service: the job may exist and may be billed, so check before submitting this image again.";

    /// <summary>Marks the error of a submit whose request may have reached the service; returns it for <c>throw</c>.</summary>
    internal SkinLiteException MarkJobMayExist()
    {
        JobMayExist = true;
        return this;
    }
}
