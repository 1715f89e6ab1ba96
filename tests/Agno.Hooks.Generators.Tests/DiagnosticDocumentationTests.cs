using System.Reflection;
using Agno.Hooks.Generators.Diagnostics;
using Agno.Hooks.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace Agno.Hooks.Generators.Tests;

/// <summary>Every diagnostic links to its page in docs/diagnostics, and the page and the index's row exist.</summary>
public sealed class DiagnosticDocumentationTests
{
    private static readonly string Folder = Path.Combine(TestPaths.RepositoryRoot, "docs", "diagnostics");

    public static TheoryData<string> Ids => new(Descriptors().Select(descriptor => descriptor.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_diagnostic_has_its_help_page_listed_in_the_index(string id)
    {
        var descriptor = Descriptors().Single(descriptor => descriptor.Id == id);

        descriptor.HelpLinkUri.ShouldEndWith($"/docs/diagnostics/{id}.md");
        var page = Path.Combine(Folder, id + ".md");
        File.Exists(page).ShouldBeTrue($"{page} is missing.");
        File.ReadLines(page).First().ShouldBe($"# {id}: {descriptor.Title}");
        File.ReadAllText(Path.Combine(Folder, "README.md")).ShouldContain($"| [{id}]({id}.md) | {descriptor.DefaultSeverity} | {descriptor.Title} |");
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!);
}
