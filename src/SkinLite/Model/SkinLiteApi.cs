namespace SkinLite;

/// <summary>The route family a <see cref="SkinLiteClient"/> talks to. All three reach the same analysis.</summary>
public enum SkinLiteApi
{
    /// <summary><c>https://api.pixelbin.io/service/private/misc/v2.0</c>, the <c>sa-predictions</c> routes. The default.</summary>
    Private = 0,

    /// <summary><c>https://api.pixelbin.io/service/platform/misc/v1.0</c>, the same <c>sa-predictions</c> routes as <see cref="Private"/>.</summary>
    Platform = 1,

    /// <summary><c>https://api.pixelbin.io/service/platform/transformation/v1.0</c>, the <c>predictions</c> routes (no app id, no scan id).</summary>
    Transformation = 2,
}
