using SkinLite.Tests.Polling;
using SkinLite.TestSupport;

namespace SkinLite.Tests.Images;

/// <summary>
/// A FIFO blocks the open until something writes to it, and /dev/zero says 0 bytes but never ends: each is refused
/// by what it is, before it is opened, and nothing is sent.
/// </summary>
public sealed class SpecialFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [LinuxFact]
    public async Task Submitting_a_FIFO_is_refused_at_once_and_sends_nothing()
    {
        string fifo = SpecialFiles.Fifo(_folder);
        using var harness = new WaitingHarness();

        var error = Assert.Throws<ArgumentException>(() => { _ = harness.Client.SubmitAsync(fifo); });

        Assert.Contains("a FIFO (named pipe)", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was sent", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Handler.Seen);
        await Task.CompletedTask;
    }

    [LinuxFact]
    public void Submitting_dev_zero_is_refused_as_a_device_not_called_empty()
    {
        using var harness = new WaitingHarness();

        var error = Assert.Throws<ArgumentException>(() => { _ = harness.Client.SubmitAsync(SpecialFiles.Zero); });

        Assert.Contains("a character device", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("empty", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Handler.Seen);
    }

    [LinuxFact]
    public async Task The_preflight_refuses_special_files_without_opening_them()
    {
        string fifo = SpecialFiles.Fifo(_folder);

        Assert.Contains("FIFO", Assert.Throws<ArgumentException>(() => ImagePreflight.CheckFile(fifo)).Message, StringComparison.Ordinal);
        Assert.Contains("FIFO", (await Assert.ThrowsAsync<ArgumentException>(() => ImagePreflight.CheckFileAsync(fifo).AsTask())).Message, StringComparison.Ordinal);
        Assert.Contains("device", Assert.Throws<ArgumentException>(() => ImagePreflight.CheckFile(SpecialFiles.Zero)).Message, StringComparison.Ordinal);
    }

    [LinuxFact]
    public void A_symbolic_link_is_judged_by_what_it_points_to()
    {
        string fifo = SpecialFiles.Fifo(_folder, "pipe");
        string link = Path.Combine(_folder.Path, "face.png");
        File.CreateSymbolicLink(link, fifo);
        string image = _folder.Write("real.png", TestPng.Create());
        string imageLink = Path.Combine(_folder.Path, "link-to-real.png");
        File.CreateSymbolicLink(imageLink, image);

        Assert.Equal(FileKind.Fifo, FileKinds.Of(link));
        Assert.Equal(FileKind.Regular, FileKinds.Of(imageLink));
        Assert.Equal(FileKind.Directory, FileKinds.Of(_folder.Path));
        Assert.Equal(FileKind.Missing, FileKinds.Of(Path.Combine(_folder.Path, "none.png")));
    }
}
