using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace RecycleNet.Core.Network;

/// <summary>
/// Streams OSM PBF (the format planet.openstreetmap.org, Geofabrik and osmium write): a sequence of
/// length-prefixed BlobHeader + Blob pairs, each blob raw or zlib-compressed, holding a HeaderBlock
/// and then PrimitiveBlocks of (dense) nodes and ways. Relations are skipped; a walking network needs none.
/// Reads one blob at a time (at most 32 MiB by the specification).
/// </summary>
public static class OsmPbfReader
{
    private const int MaxHeaderBytes = 64 * 1024;
    private const int MaxBlobBytes = 32 * 1024 * 1024;
    private static readonly HashSet<string> SupportedFeatures = ["OsmSchema-V0.6", "DenseNodes"];

    public static void Read(Stream stream, IOsmHandler handler)
    {
        var lenBytes = new byte[4];
        var sawHeader = false;
        var blobs = 0;
        var state = new BlockState();
        // Inflating a blob is a third of the work and needs nothing from the others: up to two per core are inflated on
        // the thread pool while this thread reads the file and hands the blocks, in file order, to the handler.
        var ahead = new Queue<Task<Block>>();
        var depth = 2 * Environment.ProcessorCount;
        try
        {
            while (true)
            {
                var got = ReadFully(stream, lenBytes, lenBytes.Length);
                if (got == 0) break;
                if (got < 4) throw new OsmFormatException($"The PBF file is truncated after blob {blobs}.");
                var headerLen = BinaryPrimitives.ReadInt32BigEndian(lenBytes);
                if (headerLen is <= 0 or > MaxHeaderBytes) throw new OsmFormatException($"Blob {blobs}: header length {headerLen} is not valid PBF.");
                var header = ReadExactly(stream, headerLen, blobs);
                var (type, dataSize) = ParseBlobHeader(header.Span);
                header.Return();
                if (dataSize is < 0 or > MaxBlobBytes) throw new OsmFormatException($"Blob {blobs}: size {dataSize} exceeds the 32 MiB PBF limit.");
                var raw = ReadExactly(stream, dataSize, blobs);
                if (type == "OSMHeader")
                {
                    var block = Decode(raw, blobs);
                    try { CheckHeader(block.Span); } finally { block.Return(); }
                    sawHeader = true;
                }
                else if (type == "OSMData")
                {
                    if (!sawHeader) throw new OsmFormatException("The PBF file has data before its OSMHeader block.");
                    var index = blobs;
                    ahead.Enqueue(Task.Run(() => Decode(raw, index)));
                    while (ahead.Count >= depth) Deliver(ahead.Dequeue(), handler, state);
                }
                else raw.Return(); // unknown blob types are skipped, as the specification asks
                blobs++;
            }
            while (ahead.Count > 0) Deliver(ahead.Dequeue(), handler, state);
        }
        catch
        {
            // Let the inflating finish before the caller's error handling, so no task outlives the read.
            foreach (var t in ahead) try { t.Wait(); } catch { /* the first error is the one reported */ }
            throw;
        }
        if (!sawHeader) throw new OsmFormatException("The PBF file has no OSMHeader block.");
    }

    private static void Deliver(Task<Block> inflating, IOsmHandler handler, BlockState state)
    {
        var block = inflating.GetAwaiter().GetResult();
        try { ReadPrimitiveBlock(block.Span, handler, state); }
        finally { block.Return(); }
    }

    /// <summary>Bytes in a buffer borrowed from the shared pool (blobs run to megabytes: allocating each would fill the large-object heap).</summary>
    private readonly record struct Block(byte[] Buffer, int Length)
    {
        public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);
        public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
    }

    private static (string Type, int DataSize) ParseBlobHeader(ReadOnlySpan<byte> data)
    {
        var r = new ProtoReader(data);
        string? type = null; var size = -1;
        while (!r.End)
        {
            var (f, w) = r.ReadTag();
            if (f == 1 && w == 2) type = Encoding.UTF8.GetString(r.ReadBytes());
            else if (f == 3 && w == 0) size = (int)r.ReadVarint();
            else r.Skip(w);
        }
        return (type ?? throw new OsmFormatException("A PBF blob header has no type."), size);
    }

    /// <summary>A blob's block, raw or inflated; returns <paramref name="blob"/> to the pool either way.</summary>
    private static Block Decode(Block blob, int index)
    {
        try
        {
            var r = new ProtoReader(blob.Span);
            var rawSize = -1;
            while (!r.End)
            {
                var (f, w) = r.ReadTag();
                switch (f, w)
                {
                    case (1, 2):
                        var (offset, length) = r.ReadRange();
                        var copy = ArrayPool<byte>.Shared.Rent(length);
                        blob.Buffer.AsSpan(offset, length).CopyTo(copy);
                        return new Block(copy, length);
                    case (2, 0): rawSize = (int)r.ReadVarint(); break;
                    case (3, 2):
                        var (at, packed) = r.ReadRange();
                        if (rawSize is < 0 or > MaxBlobBytes) throw new OsmFormatException($"Blob {index}: missing or invalid raw_size.");
                        return Inflate(blob.Buffer, at, packed, rawSize, index);
                    case (4 or 6 or 7, 2):
                        throw new OsmFormatException($"Blob {index} uses {(f == 4 ? "LZMA" : f == 6 ? "LZ4" : "ZSTD")} compression; only raw and zlib blobs are supported (osmium cat -f pbf,pbf_compression=zlib rewrites it).");
                    default: r.Skip(w); break;
                }
            }
            throw new OsmFormatException($"Blob {index} carries no data.");
        }
        finally { blob.Return(); }
    }

    private static Block Inflate(byte[] data, int offset, int length, int rawSize, int index)
    {
        var output = ArrayPool<byte>.Shared.Rent(Math.Max(rawSize, 1));
        try
        {
            using var z = new ZLibStream(new MemoryStream(data, offset, length, writable: false), CompressionMode.Decompress);
            var n = ReadFully(z, output, rawSize);
            if (n != rawSize) throw new OsmFormatException($"Blob {index} inflates to {n} bytes, not the declared {rawSize}.");
            return new Block(output, rawSize);
        }
        catch (InvalidDataException e)
        {
            ArrayPool<byte>.Shared.Return(output);
            throw new OsmFormatException($"Blob {index}: the zlib data is corrupt ({e.Message}).", e);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(output);
            throw;
        }
    }

    private static void CheckHeader(ReadOnlySpan<byte> block)
    {
        var r = new ProtoReader(block);
        while (!r.End)
        {
            var (f, w) = r.ReadTag();
            if (f == 4 && w == 2)
            {
                var feature = Encoding.UTF8.GetString(r.ReadBytes());
                if (!SupportedFeatures.Contains(feature))
                    throw new OsmFormatException($"The PBF file requires the feature '{feature}', which this reader does not support.");
            }
            else r.Skip(w);
        }
    }

    /// <summary>Buffers reused across blocks.</summary>
    private sealed class BlockState
    {
        public readonly List<string> Strings = [];
        public readonly List<long> Refs = [];
        public readonly List<KeyValuePair<string, string>> Tags = [];
    }

    private static void ReadPrimitiveBlock(ReadOnlySpan<byte> block, IOsmHandler handler, BlockState s)
    {
        // Granularity and offsets may follow the groups in the encoding: read them first.
        long granularity = 100, latOffset = 0, lonOffset = 0;
        s.Strings.Clear();
        var r = new ProtoReader(block);
        while (!r.End)
        {
            var (f, w) = r.ReadTag();
            if (f == 1 && w == 2)
            {
                var st = new ProtoReader(r.ReadBytes());
                while (!st.End)
                {
                    var (sf, sw) = st.ReadTag();
                    if (sf == 1 && sw == 2) s.Strings.Add(Encoding.UTF8.GetString(st.ReadBytes()));
                    else st.Skip(sw);
                }
            }
            else if (f == 17 && w == 0) granularity = (long)r.ReadVarint();
            else if (f == 19 && w == 0) latOffset = (long)r.ReadVarint();
            else if (f == 20 && w == 0) lonOffset = (long)r.ReadVarint();
            else r.Skip(w);
        }
        var coords = new Coords(granularity, latOffset, lonOffset);
        r = new ProtoReader(block);
        while (!r.End)
        {
            var (f, w) = r.ReadTag();
            if (f != 2 || w != 2) { r.Skip(w); continue; }
            var g = new ProtoReader(r.ReadBytes());
            while (!g.End)
            {
                var (gf, gw) = g.ReadTag();
                switch (gf, gw)
                {
                    case (1, 2): ReadNode(g.ReadBytes(), coords, handler); break;
                    case (2, 2): ReadDenseNodes(g.ReadBytes(), coords, handler); break;
                    case (3, 2): ReadWay(g.ReadBytes(), s, handler); break;
                    default: g.Skip(gw); break;
                }
            }
        }
    }

    private readonly record struct Coords(long Granularity, long LatOffset, long LonOffset)
    {
        public double Lat(long raw) => 1e-9 * (LatOffset + Granularity * raw);
        public double Lon(long raw) => 1e-9 * (LonOffset + Granularity * raw);
    }

    private static void ReadNode(ReadOnlySpan<byte> data, Coords c, IOsmHandler handler)
    {
        var r = new ProtoReader(data);
        long id = 0, lat = 0, lon = 0;
        while (!r.End)
        {
            var (f, w) = r.ReadTag();
            switch (f, w)
            {
                case (1, 0): id = r.ReadSInt64(); break;
                case (8, 0): lat = r.ReadSInt64(); break;
                case (9, 0): lon = r.ReadSInt64(); break;
                default: r.Skip(w); break;
            }
        }
        handler.Node(id, c.Lon(lon), c.Lat(lat));
    }

    private static void ReadDenseNodes(ReadOnlySpan<byte> data, Coords c, IOsmHandler handler)
    {
        ReadOnlySpan<byte> ids = default, lats = default, lons = default;
        var r = new ProtoReader(data);
        while (!r.End)
        {
            var (f, w) = r.ReadTag();
            switch (f, w)
            {
                case (1, 2): ids = r.ReadBytes(); break;
                case (8, 2): lats = r.ReadBytes(); break;
                case (9, 2): lons = r.ReadBytes(); break;
                default: r.Skip(w); break;
            }
        }
        // Three parallel delta-coded packed sint64 arrays.
        var ri = new ProtoReader(ids); var rla = new ProtoReader(lats); var rlo = new ProtoReader(lons);
        long id = 0, lat = 0, lon = 0;
        while (!ri.End)
        {
            if (rla.End || rlo.End) throw new OsmFormatException("A PBF DenseNodes block has fewer coordinates than ids.");
            id += ri.ReadSInt64(); lat += rla.ReadSInt64(); lon += rlo.ReadSInt64();
            handler.Node(id, c.Lon(lon), c.Lat(lat));
        }
    }

    private static void ReadWay(ReadOnlySpan<byte> data, BlockState s, IOsmHandler handler)
    {
        long id = 0;
        ReadOnlySpan<byte> keys = default, vals = default, refs = default;
        var r = new ProtoReader(data);
        while (!r.End)
        {
            var (f, w) = r.ReadTag();
            switch (f, w)
            {
                case (1, 0): id = (long)r.ReadVarint(); break;
                case (2, 2): keys = r.ReadBytes(); break;
                case (3, 2): vals = r.ReadBytes(); break;
                case (8, 2): refs = r.ReadBytes(); break;
                default: r.Skip(w); break;
            }
        }
        s.Tags.Clear();
        var rk = new ProtoReader(keys); var rv = new ProtoReader(vals);
        while (!rk.End)
        {
            if (rv.End) throw new OsmFormatException($"Way {id} has more tag keys than values.");
            s.Tags.Add(new(String(s, rk.ReadVarint()), String(s, rv.ReadVarint())));
        }
        s.Refs.Clear();
        var rr = new ProtoReader(refs);
        long node = 0;
        while (!rr.End) { node += rr.ReadSInt64(); s.Refs.Add(node); }
        handler.Way(id, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(s.Refs), s.Tags);
    }

    private static string String(BlockState s, ulong index) =>
        index < (ulong)s.Strings.Count ? s.Strings[(int)index]
            : throw new OsmFormatException($"A PBF string index {index} is outside the block's string table.");

    private static int ReadFully(Stream stream, byte[] buffer, int count)
    {
        var n = 0;
        while (n < count) { var r = stream.Read(buffer, n, count - n); if (r == 0) break; n += r; }
        return n;
    }

    private static Block ReadExactly(Stream stream, int length, int index)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        if (ReadFully(stream, buffer, length) != length)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new OsmFormatException($"The PBF file is truncated in blob {index}.");
        }
        return new Block(buffer, length);
    }
}
