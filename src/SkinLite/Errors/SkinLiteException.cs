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
}
