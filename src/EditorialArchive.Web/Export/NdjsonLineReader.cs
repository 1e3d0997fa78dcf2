namespace EditorialArchive.Web.Export;

/// <summary>
/// Reads a stream line by line as UTF-8 bytes, without decoding: one buffer, grown only for a line longer than it,
/// so memory stays flat however long the file. A final line without a newline counts; a trailing carriage return
/// is dropped.
/// </summary>
internal sealed class NdjsonLineReader(Stream input)
{
    private byte[] buffer = new byte[1 << 20];
    private int start;
    private int end;
    private int lineLength;
    private int consumed;
    private bool endOfStream;

    /// <summary>The line read last (1 for the first).</summary>
    public long LineNumber { get; private set; }

    /// <summary>The bytes of the line read last, valid until the next read.</summary>
    public ReadOnlySpan<byte> Current => buffer.AsSpan(start, lineLength);

    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        // Step over the line handed out last and its newline.
        start += consumed;
        consumed = 0;
        var searched = 0;
        while (true)
        {
            var newline = buffer.AsSpan(start + searched, end - start - searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return Take(searched + newline, searched + newline + 1);
            }

            searched = end - start;
            if (endOfStream)
            {
                if (start >= end)
                {
                    return false;
                }

                // The last line had no newline.
                return Take(end - start, end - start);
            }

            await FillAsync(cancellationToken);
        }
    }

    private bool Take(int length, int withNewline)
    {
        lineLength = length > 0 && buffer[start + length - 1] == (byte)'\r' ? length - 1 : length;
        consumed = withNewline;
        LineNumber++;
        return true;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (start > 0)
        {
            Array.Copy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }

        if (end == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var read = await input.ReadAsync(buffer.AsMemory(end), cancellationToken);
        if (read == 0)
        {
            endOfStream = true;
        }

        end += read;
    }
}
