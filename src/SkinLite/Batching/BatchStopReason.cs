namespace SkinLite;

/// <summary>Why a batch did not submit an image.</summary>
public enum BatchStopReason
{
    /// <summary>The image was submitted, or did not need to be.</summary>
    None,

    /// <summary><see cref="BatchOptions.MaxAnalyses"/> or <see cref="BatchOptions.MaxCredits"/> was reached.</summary>
    Budget,

    /// <summary>The service answered 403 <c>Usage Limit Exceeded</c> (<see cref="SkinLiteUsageLimitException"/>): the account's quota is used up.</summary>
    UsageLimit,

    /// <summary>The service refused the key (401, or a 403 that is not the usage limit): no submit could succeed.</summary>
    Authentication,

    /// <summary>The caller cancelled the batch before this image was sent.</summary>
    Cancelled,

    /// <summary>The service refused this one submit in a way that proves no job was created (e.g. a 400, or 429s past every retry); a resume submits it again.</summary>
    SubmitRefused,
}
