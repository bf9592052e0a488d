namespace SkinLite;

/// <summary>How the interval between polls is randomised, so that many jobs started together do not poll in step.</summary>
public enum PollingJitter
{
    /// <summary>No randomness: <see cref="PollingOptions.Interval"/> times <see cref="PollingOptions.BackoffFactor"/> to the power of the poll number, capped.</summary>
    None = 0,

    /// <summary>A uniform draw between <see cref="PollingOptions.MinDelay"/> and the capped exponential interval ("full jitter").</summary>
    Full = 1,

    /// <summary>A uniform draw between <see cref="PollingOptions.Interval"/> and three times the previous delay, capped ("decorrelated jitter"). The default.</summary>
    Decorrelated = 2,
}
