using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NewsBot.Tests.Architecture;

/// <summary>
/// Which folder of src/NewsBot.Core uses which, read from the compiler's semantic model over
/// the hand-written sources, so only names that bind to a Core type count (not names that merely look alike).
/// </summary>
public sealed class CoreFolderGraph
{
    public const string RootFolder = "NewsBot.Core";

    // The SDK's implicit usings for a class library; without them BCL calls on Core types do not bind.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private CoreFolderGraph(IReadOnlyList<FolderReference> references, IReadOnlyList<string> misplaced, IReadOnlyList<string> unresolvedNames)
    {
        References = references;
        Misplaced = misplaced;
        UnresolvedNames = unresolvedNames;
    }

    /// <summary>Every reference from a file in one folder to a type declared in another.</summary>
    public IReadOnlyList<FolderReference> References { get; }

    /// <summary>Types whose namespace is not the folder of the file that declares them.</summary>
    public IReadOnlyList<string> Misplaced { get; }

    /// <summary>Names the compiler could not bind at all (the check cannot see through them).</summary>
    public IReadOnlyList<string> UnresolvedNames { get; }

    /// <summary><c>unmanaged</c> and <c>notnull</c> in a <c>where</c> clause are keywords that the compiler never binds to a symbol.</summary>
    private static bool IsConstraintKeyword(SimpleNameSyntax name) =>
        name.Parent is TypeConstraintSyntax && name.Identifier.Text is "unmanaged" or "notnull";

    /// <summary>The project's own global usings, its <c>&lt;Using Include="…" /&gt;</c> items.</summary>
    private static string ProjectUsings(string coreDirectory)
    {
        var project = System.Xml.Linq.XDocument.Load(Path.Combine(coreDirectory, "NewsBot.Core.csproj"));
        return string.Concat(project.Descendants("Using")
            .Select(item => (string?)item.Attribute("Include"))
            .OfType<string>()
            .Select(name => $"\nglobal using {name};"));
    }

    public static CoreFolderGraph Load()
    {
        var coreDirectory = Path.Combine(RepositoryRoot(), "src", "NewsBot.Core");
        var files = Directory.EnumerateFiles(coreDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(Path.GetRelativePath(coreDirectory, file)))
            .Order(StringComparer.Ordinal)
            .ToList();
        var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);
        var trees = files
            .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), parseOptions, Path.GetRelativePath(coreDirectory, file)))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "NewsBot.Core",
            [.. trees, CSharpSyntaxTree.ParseText(ImplicitUsings + ProjectUsings(coreDirectory), parseOptions, "ImplicitUsings.cs")],
            MetadataReferences(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

        var references = new List<FolderReference>();
        var misplaced = new List<string>();
        var unresolved = new List<string>();
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            var file = tree.FilePath.Replace('\\', '/');
            var fromFolder = FolderOfFile(file);
            foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(declaration) is { } declared && FolderOfType(declared) != fromFolder)
                {
                    misplaced.Add($"{file}: {declared.ToDisplayString()}");
                }
            }

            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (node is not (SimpleNameSyntax or ImplicitObjectCreationExpressionSyntax))
                {
                    continue;
                }

                var info = model.GetSymbolInfo(node);
                var symbols = info.Symbol is { } bound ? [bound] : info.CandidateSymbols;
                if (symbols.IsEmpty && node is SimpleNameSyntax name && name.Identifier.Text != "nameof" && !IsConstraintKeyword(name) && model.GetTypeInfo(node).Type is null or IErrorTypeSymbol)
                {
                    unresolved.Add($"{file}({node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}): {node}");
                }

                foreach (var type in symbols.Select(CoreTypeOf).OfType<INamedTypeSymbol>())
                {
                    if (!SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly))
                    {
                        continue;
                    }

                    var toFolder = FolderOfType(type);
                    if (toFolder != fromFolder)
                    {
                        references.Add(new FolderReference(fromFolder, file, toFolder, type.ToDisplayString()));
                    }
                }
            }
        }

        return new CoreFolderGraph(references.Distinct().ToList(), misplaced, unresolved);
    }

    /// <summary>Groups of folders that reach each other, each with two or more folders (Tarjan's algorithm).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var edges = References
            .GroupBy(reference => reference.FromFolder)
            .ToDictionary(group => group.Key, group => group.Select(reference => reference.ToFolder).Distinct().Order(StringComparer.Ordinal).ToList());
        var folders = References.SelectMany(reference => new[] { reference.FromFolder, reference.ToFolder }).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var lowLink = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var components = new List<IReadOnlyList<string>>();

        void Visit(string folder)
        {
            index[folder] = lowLink[folder] = index.Count;
            stack.Push(folder);
            onStack.Add(folder);
            foreach (var next in edges.GetValueOrDefault(folder, []))
            {
                if (!index.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    lowLink[folder] = Math.Min(lowLink[folder], lowLink[next]);
                }
                else if (onStack.Contains(next))
                {
                    lowLink[folder] = Math.Min(lowLink[folder], nextIndex);
                }
            }

            if (lowLink[folder] == index[folder])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != folder);

                if (component.Count > 1)
                {
                    components.Add(component.Order(StringComparer.Ordinal).ToList());
                }
            }
        }

        foreach (var folder in folders.Where(folder => !index.ContainsKey(folder)))
        {
            Visit(folder);
        }

        return components;
    }

    private static ITypeSymbol? CoreTypeOf(ISymbol symbol) => symbol switch
    {
        IAliasSymbol alias => CoreTypeOf(alias.Target),
        IArrayTypeSymbol array => CoreTypeOf(array.ElementType),
        IPointerTypeSymbol pointer => CoreTypeOf(pointer.PointedAtType),
        ITypeParameterSymbol => null,
        INamedTypeSymbol type => type.OriginalDefinition,
        IMethodSymbol method => (method.ReducedFrom ?? method).ContainingType?.OriginalDefinition,
        IPropertySymbol or IFieldSymbol or IEventSymbol => symbol.ContainingType?.OriginalDefinition,
        _ => null,
    };

    // Commands, Commands.Handlers and Commands.Why count as one folder: the top-level folder names the area.
    private static string FolderOfFile(string relativePath)
    {
        var separator = relativePath.IndexOf('/', StringComparison.Ordinal);
        return separator < 0 ? RootFolder : relativePath[..separator];
    }

    private static string FolderOfType(ITypeSymbol type)
    {
        var name = type.ContainingNamespace.ToDisplayString();
        if (name == RootFolder)
        {
            return RootFolder;
        }

        var area = name.StartsWith(RootFolder + ".", StringComparison.Ordinal) ? name[(RootFolder.Length + 1)..] : name;
        var dot = area.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? area : area[..dot];
    }

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || relativePath.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static List<MetadataReference> MetadataReferences()
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var beside = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll");
        return platform.Concat(beside)
            .Where(path => !string.Equals(Path.GetFileName(path), "NewsBot.Core.dll", StringComparison.OrdinalIgnoreCase))
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Where(IsManagedAssembly)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new PEReader(stream);
            return reader.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static string RepositoryRoot()
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
