using RecycleNet.Core.Input;

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
        // The zip's own budget (ZipBudget: the directory's count first, members inflated through a counter); a workbook's
        // XML compresses too well for a ratio cap, so its caps are sizes, and every byte is scanned for overlong text runs.
        var zipLimits = new ZipLimits { MaxEntries = limits.MaxParts, MaxMemberBytes = limits.MaxPartBytes, MaxTotalBytes = limits.MaxTotalBytes, MaxRatio = int.MaxValue };
        try
        {
            using var zip = ZipBudget.Open(new ReadOnlyMemoryStream(body), zipLimits, "the body (an XLSX workbook)", "文件（XLSX 工作簿）");
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                var shared = entry.FullName.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase);
                using var runs = new TextRunCheck(entry.FullName, limits.MaxTextRunBytes);
                ZipBudget.Inflate(entry, runs, zipLimits, ref total, shared ? limits.MaxSharedStringsBytes : limits.MaxPartBytes, ZipNames.Workbook);
            }
        }
        catch (FileBudgetException e) { throw new ImportFormatException(e.Reason); }
    }

    /// <summary>A sink that keeps nothing and refuses a run of bytes between two XML markup characters longer than the cap.</summary>
    private sealed class TextRunCheck(string part, int max) : Stream
    {
        private long _run;
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            foreach (var b in buffer)
            {
                if (b is (byte)'<' or (byte)'>') _run = 0;
                else if (++_run > max)
                    throw new ImportFormatException(new($"the workbook's part {part} holds a cell or tag longer than {max / 1024} KiB (Excel's own cell limit is 32,767 characters)",
                        $"工作簿的部件 {part} 中有超过 {max / 1024} KiB 的单元格或标签（Excel 自身的单元格上限为 32767 个字符）"));
            }
        }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
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
