using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RecycleNet.Core.Model;
using RecycleNet.Core.Database;

namespace RecycleNet.Core.Storage;

/// <summary>
/// The store contract for the walking network's file: at most one stored, in chunks of <see cref="ChunkBytes"/> (no
/// single row, parameter or buffer holds a whole provincial extract), with its SHA-256 taken while it is written and
/// checked while it is read. Parsing it into a graph is the service's (Api/Setup/NetworkStore).
/// </summary>
public sealed class NetworkFileStore(RecycleNetDb db)
{
    /// <summary>Bytes per stored chunk: small enough for any row and parameter, large enough to be few.</summary>
    public const int ChunkBytes = 4 * 1024 * 1024;

    /// <summary>The stored file's description, or null when none is stored.</summary>
    public Task<StoredNetwork?> CurrentAsync(CancellationToken ct) => db.Networks.AsNoTracking().OrderByDescending(n => n.Id).FirstOrDefaultAsync(ct);

    /// <summary>Writes the stored file's bytes to <paramref name="to"/>; throws when they do not match their SHA-256.</summary>
    public async Task CopyToAsync(StoredNetwork stored, Stream to, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await foreach (var chunk in db.NetworkChunks.AsNoTracking().Where(c => c.NetworkId == stored.Id).OrderBy(c => c.Seq)
                           .Select(c => c.Data).AsAsyncEnumerable().WithCancellation(ct))
        {
            sha.AppendData(chunk);
            await to.WriteAsync(chunk, ct);
        }
        if (Convert.ToHexStringLower(sha.GetHashAndReset()) != stored.Sha256)
            throw new InvalidDataException($"The stored network '{stored.Source}' (id {stored.Id}) does not match its SHA-256: the store is damaged.");
    }

    /// <summary>Stores the file at <paramref name="path"/> in place of any other, with <paramref name="audit"/>, in one transaction; its id.</summary>
    public async Task<long> ReplaceAsync(string path, StoredNetwork description, AuditEntry audit, CancellationToken ct)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Networks.ExecuteDeleteAsync(ct); // chunks go with their network (ON DELETE CASCADE)
        description.Sha256 = "";
        db.Networks.Add(description);
        db.Audit.Add(audit);
        await db.SaveChangesAsync(ct);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var read = File.OpenRead(path))
        {
            var seq = 0;
            var buffer = new byte[ChunkBytes];
            int n;
            while ((n = await read.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct)) > 0)
            {
                // One chunk per SaveChanges, cleared after: memory stays one chunk, whatever the file's size.
                sha.AppendData(buffer, 0, n);
                db.NetworkChunks.Add(new StoredNetworkChunk { NetworkId = description.Id, Seq = seq++, Data = buffer[..n] });
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        var digest = Convert.ToHexStringLower(sha.GetHashAndReset());
        await db.Networks.Where(r => r.Id == description.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Sha256, digest), ct);
        await tx.CommitAsync(ct);
        return description.Id;
    }

    /// <summary>Removes the stored file, with <paramref name="audit"/>, in one transaction.</summary>
    public async Task RemoveAsync(AuditEntry audit, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Networks.ExecuteDeleteAsync(ct);
        db.Audit.Add(audit);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    public Task<bool> AnyAsync(CancellationToken ct) => db.Networks.AnyAsync(ct);
}
