using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NewsBot.Tests.Languages;

/// <summary>One piece of literal text in a source file: a string literal, or the text between the holes of an interpolated one.</summary>
public sealed record SourceLiteral(string File, int Line, string Text, bool InAttribute, bool InThrow, bool IsInterpolated);

/// <summary>Reads the literal text of the hand-written sources under src/, with the compiler's parser.</summary>
public static class SourceLiterals
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every literal in the files under <paramref name="relativeFolders"/> (or single files), relative to the repository.</summary>
    public static IReadOnlyList<SourceLiteral> In(params string[] relativePaths)
    {
        var literals = new List<SourceLiteral>();
        foreach (var path in relativePaths)
        {
            var full = Path.Combine(Root, path);
            var files = File.Exists(full)
                ? [full]
                : Directory.EnumerateFiles(full, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));
            foreach (var file in files)
            {
                var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview));
                var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    var (text, interpolated) = node switch
                    {
                        LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal => (literal.Token.ValueText, false),
                        InterpolatedStringTextSyntax part => (part.TextToken.ValueText, true),
                        _ => (null, false),
                    };
                    if (text is null)
                    {
                        continue;
                    }

                    literals.Add(new SourceLiteral(
                        relative,
                        node.GetLocation().GetLineSpan().StartLinePosition.Line + 1,
                        text,
                        node.Ancestors().Any(a => a is AttributeSyntax),
                        node.Ancestors().Any(a => a is ThrowStatementSyntax or ThrowExpressionSyntax),
                        interpolated));
                }
            }
        }

        return literals;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NewsBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"NewsBot.sln not found above {AppContext.BaseDirectory}");
    }
}
