namespace SkinLite.Emulator;

/// <summary>How an answer reaches the client: whole, not at all (the connection drops), or cut off halfway through its body.</summary>
internal enum Delivery
{
    Whole = 0,
    Drop,
    Truncate,
}
