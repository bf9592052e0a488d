namespace SkinLite;

/// <summary>
/// What a path names, decided before it is opened: a FIFO blocks the open until someone writes to it, and a device such
/// as <c>/dev/zero</c> reports a length of 0 but never ends. Only a regular file is read as an image.
/// </summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
}
