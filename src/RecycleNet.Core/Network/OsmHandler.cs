namespace RecycleNet.Core.Network;

/// <summary>
/// Receives the elements an OSM reader streams out, in file order (nodes before ways by OSM convention).
/// Readers reuse the node-reference span and the tag list between calls: copy what you keep.
/// </summary>
public interface IOsmHandler
{
    /// <summary>A node: id, WGS84 longitude and latitude in degrees.</summary>
    void Node(long id, double lon, double lat);

    /// <summary>A way: id, node references in order, tags as key/value pairs.</summary>
    void Way(long id, ReadOnlySpan<long> refs, IReadOnlyList<KeyValuePair<string, string>> tags);
}

/// <summary>An OSM file that cannot be read: malformed XML or protobuf, an unsupported feature, or no data.</summary>
public sealed class OsmFormatException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The reason in Chinese, where a planner is likely to meet it (a file of another city, one too large); else null.</summary>
    public string? Zh { get; init; }

    /// <summary>A reader's refusal (a budget, a structure) as the network's: the same rule in both languages.</summary>
    public static OsmFormatException Of(Input.Reason reason) => new(reason.En) { Zh = reason.Zh };
}

/// <summary>Reads an OSM file in either encoding, chosen by its first bytes (XML starts with '&lt;', PBF with a blob header length).</summary>
public static class OsmFile
{
    public enum Format { Xml, Pbf }

    /// <summary>The encoding of a file from its first bytes, or null when it is neither.</summary>
    public static Format? Detect(ReadOnlySpan<byte> head)
    {
        var i = 0;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) i = 3;
        while (i < head.Length && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        if (i < head.Length && head[i] == (byte)'<') return Format.Xml;
        // PBF: a 4-byte big-endian header length, then a BlobHeader whose field 1 (type) is "OSMHeader".
        if (head.Length >= 15 && head[0] == 0 && head[1] == 0 && head[4] == 0x0A && head[5] == 9
            && head.Slice(6, 9).SequenceEqual("OSMHeader"u8)) return Format.Pbf;
        return null;
    }

    /// <summary>Streams a seekable-or-not OSM file to the handler; throws <see cref="OsmFormatException"/> on bad input.</summary>
    public static Format Read(Stream stream, IOsmHandler handler)
    {
        var buffered = new BufferedStream(stream, 1 << 16);
        var head = new byte[16];
        var n = 0;
        // Peek without consuming: read the head, then replay it in front of the rest.
        while (n < head.Length) { var r = buffered.Read(head, n, head.Length - n); if (r == 0) break; n += r; }
        if (n == 0) throw new OsmFormatException("The file is empty.");
        var format = Detect(head.AsSpan(0, n))
            ?? throw new OsmFormatException("This is neither OSM XML (.osm) nor OSM PBF (.osm.pbf): the first bytes match neither.");
        var whole = new ConcatStream(head.AsMemory(0, n), buffered);
        try
        {
            if (format == Format.Xml) OsmXmlReader.Read(whole, handler);
            else OsmPbfReader.Read(whole, handler);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or IndexOutOfRangeException or ArgumentException or OverflowException or FormatException)
        {
            // The bytes are the uploader's: whatever a corrupt file makes a decoder throw (zlib's own exception, an
            // index past a block's end) says the file is bad, not the service.
            throw new OsmFormatException($"The file could not be read: {e.Message}", e);
        }
        return format;
    }

    /// <summary>A read-only stream: some bytes already read, then the rest of the source.</summary>
    private sealed class ConcatStream(ReadOnlyMemory<byte> first, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _first = first;
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            if (_first.Length == 0) return rest.Read(buffer);
            var n = Math.Min(buffer.Length, _first.Length);
            _first.Span[..n].CopyTo(buffer);
            _first = _first[n..];
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
