namespace SkinLite;

/// <summary>
/// What one watched job taught about the service's processing time: the job ended after <see cref="Lower"/> and no later
/// than <see cref="Upper"/>, both measured on the client's clock from the submit's answer (the last poll that still saw it
/// pending, and the first that saw it ended). The server's clock is never used.
/// </summary>
/// <param name="Lower">When the last poll that saw the job pending was sent; zero when the first poll already saw it ended.</param>
/// <param name="Upper">When the first poll that saw the job ended was answered; at least <paramref name="Lower"/>.</param>
public readonly record struct ProcessingTimeInterval(TimeSpan Lower, TimeSpan Upper);
