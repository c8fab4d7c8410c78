using System.IO.Compression;

namespace RecycleNet.Core.Import;

/// <summary>
/// Caps on what an XLSX may unpack to. A workbook is a zip: 511 KB can hold a 512 MiB cell, and a reader that
/// trusts it grows by gigabytes before it finds anything wrong. The defaults sit well above a 200,000-row sheet.
/// </summary>
public sealed record XlsxLimits
{
    /// <summary>Largest uncompressed part (a sheet's XML, say), bytes.</summary>
    public long MaxPartBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Largest sharedStrings.xml, bytes.</summary>
    public long MaxSharedStringsBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest sum of all parts, bytes.</summary>
    public long MaxTotalBytes { get; init; } = 384L * 1024 * 1024;

    /// <summary>Most parts in the zip.</summary>
    public int MaxParts { get; init; } = 1_000;

    /// <summary>
    /// Longest run of bytes between two XML markup characters (a cell's text, a tag): Excel itself stops a cell at
    /// 32,767 characters; 256 KiB allows that in any UTF-8 or entity-escaped form.
    /// </summary>
    public int MaxTextRunBytes { get; init; } = 256 * 1024;
}

/// <summary>
/// Streams every part of an XLSX once through the inflater, counting what it unpacks to, and stops at the first
/// cap broken — before any XLSX reader builds strings from it. Constant memory (one 64 KiB buffer), O(unpacked
/// bytes up to the caps); the sizes a zip declares are not trusted, only the bytes that come out.
/// </summary>
public static class XlsxGuard
{
    /// <summary>Throws <see cref="ImportFormatException"/> naming the part and the cap when the workbook breaks one.</summary>
    public static void Check(ReadOnlyMemory<byte> body, XlsxLimits limits)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new ReadOnlyMemoryStream(body), ZipArchiveMode.Read);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or ArgumentException)
        {
            throw new ImportFormatException(new($"the body is not a readable XLSX workbook (not a zip: {e.Message})", $"文件不是可读的 XLSX 工作簿（不是 zip 压缩包：{e.Message}）"));
        }
        using (zip)
        {
            IReadOnlyCollection<ZipArchiveEntry> entries;
            try { entries = zip.Entries; }
            catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or ArgumentException)
            {
                throw new ImportFormatException(new($"the workbook's zip directory is corrupt: {e.Message}", $"工作簿的 zip 目录已损坏：{e.Message}"));
            }
            if (entries.Count > limits.MaxParts)
                throw new ImportFormatException(new($"the workbook has {zip.Entries.Count:N0} parts; at most {limits.MaxParts:N0} are read",
                    $"工作簿有 {zip.Entries.Count:N0} 个部件；最多读取 {limits.MaxParts:N0} 个"));
            var buffer = new byte[64 * 1024];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                var shared = entry.FullName.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase);
                var cap = shared ? limits.MaxSharedStringsBytes : limits.MaxPartBytes;
                long part = 0, run = 0;
                try
                {
                    using var s = entry.Open();
                    int n;
                    while ((n = s.Read(buffer)) > 0)
                    {
                        part += n;
                        total += n;
                        if (part > cap)
                            throw new ImportFormatException(new($"the workbook's part {entry.FullName} unpacks to more than {Mib(cap)}; the limit is {Mib(cap)} (split the sheet)",
                                $"工作簿的部件 {entry.FullName} 解压后超过 {Mib(cap)}，已超出上限（请拆分工作表）"));
                        if (total > limits.MaxTotalBytes)
                            throw new ImportFormatException(new($"the workbook unpacks to more than {Mib(limits.MaxTotalBytes)} in all; the limit is {Mib(limits.MaxTotalBytes)}",
                                $"工作簿解压后总计超过 {Mib(limits.MaxTotalBytes)}，已超出上限"));
                        foreach (var b in buffer.AsSpan(0, n))
                        {
                            if (b is (byte)'<' or (byte)'>') run = 0;
                            else if (++run > limits.MaxTextRunBytes)
                                throw new ImportFormatException(new($"the workbook's part {entry.FullName} holds a cell or tag longer than {limits.MaxTextRunBytes / 1024} KiB (Excel's own cell limit is 32,767 characters)",
                                    $"工作簿的部件 {entry.FullName} 中有超过 {limits.MaxTextRunBytes / 1024} KiB 的单元格或标签（Excel 自身的单元格上限为 32767 个字符）"));
                        }
                    }
                }
                catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException or ArgumentException)
                {
                    // A damaged part: bad deflate data, an unknown compression method, a checksum that does not match.
                    throw new ImportFormatException(new($"the workbook's part {entry.FullName} is corrupt: {e.Message}", $"工作簿的部件 {entry.FullName} 已损坏：{e.Message}"));
                }
            }
        }
    }

    private static string Mib(long bytes) => $"{bytes / (1024 * 1024)} MiB";

    /// <summary>A seekable read-only view of the body, so the zip's central directory is read without a copy.</summary>
    private sealed class ReadOnlyMemoryStream(ReadOnlyMemory<byte> data) : Stream
    {
        private long _pos;
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => _pos; set => _pos = Math.Clamp(value, 0, data.Length); }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, data.Length - _pos);
            if (n <= 0) return 0;
            data.Span.Slice((int)_pos, n).CopyTo(buffer);
            _pos += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset, SeekOrigin.Current => _pos + offset, _ => data.Length + offset,
        };
        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
