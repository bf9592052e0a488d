namespace SkinLite.Cli.Tests.Support;

/// <summary>A fact about file permissions: root reads every file, so there it is skipped with the reason, not passed.</summary>
internal sealed class NotRootFactAttribute : FactAttribute
{
    public NotRootFactAttribute()
    {
        if (Environment.UserName == "root")
        {
            Skip = "running as root, which can read a file without read permission";
        }
    }
}
