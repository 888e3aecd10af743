namespace NewsBot.Tests.Architecture;

/// <summary>One use of a Core type: the file that names it and the type it resolves to.</summary>
public sealed record FolderReference(string FromFolder, string File, string ToFolder, string Type);
