using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace SkinLite;

/// <summary>Finds the <see cref="FileKind"/> of a path, following symbolic links (so <c>/dev/stdin</c> is whatever it points to).</summary>
internal static partial class FileKinds
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 0x1C;
    private const int StatxSize = 256;

    public static FileKind Of(string path)
    {
        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }

        // .NET reports no file type beyond directory and link; Linux's statx has one layout on every architecture.
        // Elsewhere (or on a libc without statx) a file that exists is taken as regular, and reads stay capped.
        return OperatingSystem.IsLinux() ? LinuxKind(path) : FileKind.Regular;
    }

    /// <summary>"a directory", "a FIFO (named pipe)", ...: what the path is, for a message that says why it was refused.</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Directory => "a directory",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        FileKind.Missing => "missing",
        _ => "a regular file",
    };

    private static FileKind LinuxKind(string path)
    {
        byte[] name = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, name);
        byte[] status = new byte[StatxSize];
        try
        {
            if (Statx(AtCurrentDirectory, ref name[0], 0, StatxType, ref status[0]) != 0)
            {
                return FileKind.Regular;
            }
        }
        catch (EntryPointNotFoundException)
        {
            return FileKind.Regular;
        }

        return (BinaryPrimitives.ReadUInt16LittleEndian(status.AsSpan(StatxModeOffset)) & 0xF000) switch
        {
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x4000 => FileKind.Directory,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Regular,
        };
    }

    [LibraryImport("libc", EntryPoint = "statx")]
    private static partial int Statx(int directory, ref byte path, int flags, uint mask, ref byte status);
}
