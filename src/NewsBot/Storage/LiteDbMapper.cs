using System.Reflection;
using LiteDB;

namespace NewsBot.Storage;

/// <summary>
/// The object mapper every LiteDB instance of NewsBot uses. LiteDB builds a type's member map on
/// first use and publishes it before it is filled, so two threads touching a document type for
/// the first time at once can see a map without members ("Member Id not found"). Every document
/// type of <see cref="NewsBotDatabase"/>'s collections is therefore mapped here, on one thread,
/// before the mapper is handed out.
/// </summary>
internal static class LiteDbMapper
{
    /// <summary>The document types behind <see cref="NewsBotDatabase"/>'s collection properties.</summary>
    internal static readonly IReadOnlyList<Type> DocumentTypes = typeof(NewsBotDatabase)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => p.PropertyType)
        .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ILiteCollection<>))
        .Select(t => t.GetGenericArguments()[0])
        .Distinct()
        .ToList();

    public static BsonMapper Create()
    {
        // LiteDB turns "" into null by default, which would break every non-nullable string.
        var mapper = new BsonMapper { EmptyStringToNull = false };
        foreach (var type in DocumentTypes)
        {
            // Turning a blank document into BSON is the public way to have its map built now.
            mapper.ToDocument(type, Activator.CreateInstance(type)!);
        }

        return mapper;
    }
}
