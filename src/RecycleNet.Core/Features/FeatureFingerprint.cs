using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using NetTopologySuite.IO;
using RecycleNet.Core.Layers;

namespace RecycleNet.Core.Features;

/// <summary>
/// A digest of what features say — id, version, every coordinate, every property — so a weak ETag changes when,
/// and only when, the answer it tags would change. A table rebuilt because the store's revision moved (another
/// city's write, the revision watcher catching up at start-up) keeps its tag when its rows came out the same.
/// O(coordinates + property text); SHA-256, so two different answers never share a tag by accident.
/// </summary>
public static class FeatureFingerprint
{
    /// <summary>16 hex digits of the digest of <paramref name="rows"/> in their order, and of <paramref name="extra"/> (e.g. a page's numberMatched).</summary>
    public static string Of(IEnumerable<FeatureRecord> rows, long extra = 0)
    {
        var writer = new WKBWriter();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var number = new byte[8];
        void Add(long v)
        {
            BinaryPrimitives.WriteInt64LittleEndian(number, v);
            hash.AppendData(number);
        }
        void AddText(string? s)
        {
            Add(s?.Length ?? -1);
            if (s is not null) hash.AppendData(Encoding.UTF8.GetBytes(s));
        }

        Add(extra);
        foreach (var r in rows)
        {
            Add(r.Id);
            Add(r.Version ?? -1);
            // WKB: the type, the parts and rings, every coordinate, exactly.
            var wkb = writer.Write(r.Geometry);
            Add(wkb.Length);
            hash.AppendData(wkb);
            Add(r.Properties.Count);
            foreach (var (k, v) in r.Properties)
            {
                AddText(k);
                AddText(v?.GetType().Name);
                AddText(PropertyValues.Text(v));
            }
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 8));
    }
}
