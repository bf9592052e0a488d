namespace SkinLite.TestSupport;

/// <summary>A fact about Linux special files (FIFOs, /dev/zero): elsewhere it is skipped with the reason, not passed.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs Linux special files (mkfifo, /dev/zero)";
        }
    }
}
