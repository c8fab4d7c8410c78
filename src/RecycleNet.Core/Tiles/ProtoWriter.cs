namespace RecycleNet.Core.Tiles;

/// <summary>The few protobuf wire encodings a vector tile needs: varints, zigzag, doubles, strings, packed and nested messages.</summary>
internal sealed class ProtoWriter
{
    private readonly MemoryStream _out = new();

    public static ulong ZigZag(long v) => (ulong)((v << 1) ^ (v >> 63));
    public static uint ZigZag32(int v) => (uint)((v << 1) ^ (v >> 31));

    public void Varint(int field, ulong value)
    {
        Key(field, 0);
        Raw(value);
    }

    public void Double(int field, double value)
    {
        Key(field, 1);
        Span<byte> b = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(b, value);
        _out.Write(b);
    }

    public void String(int field, string value) => Bytes(field, System.Text.Encoding.UTF8.GetBytes(value));

    public void Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

    public void Packed(int field, List<uint> values)
    {
        if (values.Count == 0) return;
        var inner = new ProtoWriter();
        foreach (var v in values) inner.Raw(v);
        Bytes(field, inner.ToArray());
    }

    public byte[] ToArray() => _out.ToArray();

    private void Bytes(int field, byte[] bytes)
    {
        Key(field, 2);
        Raw((ulong)bytes.Length);
        _out.Write(bytes);
    }

    private void Key(int field, int wireType) => Raw((ulong)((field << 3) | wireType));

    private void Raw(ulong v)
    {
        while (v >= 0x80)
        {
            _out.WriteByte((byte)(v | 0x80));
            v >>= 7;
        }
        _out.WriteByte((byte)v);
    }
}
