using System.IO.Hashing;

namespace NewsBot.Hosting;

/// <summary>
/// The index image kept beside the LiteDB file (<see cref="FileName"/>): a key, the image
/// (<see cref="IndexImage"/>) and a checksum of both. The key pairs the file with the database:
/// each write draws a new one, and the database stores it once the file is complete, so an image
/// is read only with the very database it was last written for. A database put back from a
/// backup, or copied in from elsewhere, holds another key (or none) and starts from the store
/// alone. The file is written under a temporary name and renamed when complete.
/// </summary>
internal sealed class IndexImageFile(string path)
{
    public const string FileName = "newsbot.index";

    // "NBIMAGE" and a format number.
    private const ulong Magic = 0x01_45_47_41_4D_49_42_4E;
    private const int HeaderBytes = 8 + 16;
    private const int ChecksumBytes = 8;
    private const int BufferBytes = 1 << 20;

    public string Path => path;

    public static IndexImageFile Beside(string databasePath) =>
        new(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(databasePath)!, FileName));

    /// <summary>
    /// Writes an image through <paramref name="write"/> under a new key and returns the key,
    /// which the database is to store next. Whatever fails leaves no partial file behind.
    /// </summary>
    public Guid Write(Action<Stream> write)
    {
        var key = Guid.NewGuid();
        var temporary = path + ".new";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, BufferBytes))
            {
                Span<byte> header = stackalloc byte[HeaderBytes];
                BitConverter.TryWriteBytes(header, Magic);
                key.TryWriteBytes(header[8..]);
                file.Write(header);
                write(file);
                file.Flush();

                // The checksum is taken from what reached the file, read back, as the reader will.
                var checksum = Checksum(file, file.Length);
                file.Seek(0, SeekOrigin.End);
                Span<byte> trailer = stackalloc byte[ChecksumBytes];
                BitConverter.TryWriteBytes(trailer, checksum);
                file.Write(trailer);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
            return key;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>
    /// The image, positioned after its key, when the file is there, carries
    /// <paramref name="key"/> and is whole; otherwise null and why not.
    /// </summary>
    public FileStream? Open(Guid? key, out string? whyNot)
    {
        if (!File.Exists(path))
        {
            whyNot = "there is none";
            return null;
        }

        if (key is null)
        {
            whyNot = "the database does not name one";
            return null;
        }

        FileStream? file = null;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes);
            Span<byte> header = stackalloc byte[HeaderBytes];
            if (file.Length < HeaderBytes + ChecksumBytes || file.ReadAtLeast(header, HeaderBytes, throwOnEndOfStream: false) != HeaderBytes
                || BitConverter.ToUInt64(header) != Magic)
            {
                whyNot = "it is not an index image of this format";
                file.Dispose();
                return null;
            }

            if (new Guid(header[8..]) != key)
            {
                whyNot = "it was written for another copy of the database";
                file.Dispose();
                return null;
            }

            Span<byte> trailer = stackalloc byte[ChecksumBytes];
            file.Seek(-ChecksumBytes, SeekOrigin.End);
            file.ReadExactly(trailer);
            if (Checksum(file, file.Length - ChecksumBytes) != BitConverter.ToUInt64(trailer))
            {
                whyNot = "it is damaged";
                file.Dispose();
                return null;
            }

            file.Seek(HeaderBytes, SeekOrigin.Begin);
            whyNot = null;
            return file;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            file?.Dispose();
            whyNot = $"it cannot be read ({ex.Message})";
            return null;
        }
    }

    /// <summary>Removes the image, if any; for when it can no longer be trusted.</summary>
    public void Delete() => TryDelete(path);

    private static ulong Checksum(FileStream file, long length)
    {
        var hash = new XxHash3();
        var buffer = new byte[BufferBytes];
        file.Seek(0, SeekOrigin.Begin);
        for (var left = length; left > 0;)
        {
            var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                throw new EndOfStreamException();
            }

            hash.Append(buffer.AsSpan(0, read));
            left -= read;
        }

        return hash.GetCurrentHashAsUInt64();
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A later write replaces it.
        }
    }
}
