namespace EditorialArchive.BrowserTests;

/// <summary>The machine has no Chromium where the browser tests look for it.</summary>
public sealed class ChromiumMissingException(string message) : Exception(message)
{
    // xunit prints an exception's stack trace under its message; this one's place in the code says nothing.
    public override string? StackTrace => null;
}
