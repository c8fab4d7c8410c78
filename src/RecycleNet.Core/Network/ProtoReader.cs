namespace RecycleNet.Core.Network;

/// <summary>
/// Minimal protocol-buffers wire-format reader over a span: varints, zig-zag, length-delimited fields.
/// Enough for the OSM PBF schema (fileformat.proto, osmformat.proto); throws OsmFormatException on truncation.
/// </summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _pos;

    public readonly bool End => _pos >= _data.Length;

    /// <summary>Next field number and wire type (0 varint, 1 fixed64, 2 length-delimited, 5 fixed32).</summary>
    public (int Field, int WireType) ReadTag()
    {
        var key = ReadVarint();
        return ((int)(key >> 3), (int)(key & 7));
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_pos >= _data.Length) throw new OsmFormatException("The PBF data is truncated inside a varint.");
            var b = _data[_pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return result;
        }
        throw new OsmFormatException("The PBF data has a malformed varint.");
    }

    public long ReadSInt64() => ZigZag(ReadVarint());

    public static long ZigZag(ulong v) => (long)(v >> 1) ^ -(long)(v & 1);

    public ReadOnlySpan<byte> ReadBytes()
    {
        var len = ReadVarint();
        if (len > (ulong)(_data.Length - _pos)) throw new OsmFormatException("The PBF data is truncated inside a field.");
        var s = _data.Slice(_pos, (int)len);
        _pos += (int)len;
        return s;
    }

    /// <summary>Where the next length-delimited field's bytes lie in the data, skipping them.</summary>
    public (int Offset, int Length) ReadRange()
    {
        var len = ReadVarint();
        if (len > (ulong)(_data.Length - _pos)) throw new OsmFormatException("The PBF data is truncated inside a field.");
        var start = _pos;
        _pos += (int)len;
        return (start, (int)len);
    }

    public void Skip(int wireType)
    {
        switch (wireType)
        {
            case 0: ReadVarint(); break;
            case 1: Advance(8); break;
            case 2: ReadBytes(); break;
            case 5: Advance(4); break;
            default: throw new OsmFormatException($"The PBF data has an unknown wire type {wireType}.");
        }
    }

    private void Advance(int n)
    {
        if (_pos + n > _data.Length) throw new OsmFormatException("The PBF data is truncated.");
        _pos += n;
    }
}
