using System.IO.Compression;
using System.Xml.Linq;
using Agno.Hooks.Packaging.Tests.Support;

namespace Agno.Hooks.Packaging.Tests;

[Collection(PackagingCollection.Name)]
public sealed class PackageLayoutTests(PackageFeed feed)
{
    private ZipArchive Open(string id) => ZipFile.OpenRead(Path.Combine(feed.Feed, $"{id}.{feed.Version}.nupkg"));

    [Fact]
    public void Agno_Hooks_carries_the_runtime_as_lib_and_the_compiler_components_as_analyzers()
    {
        using var package = Open("Agno.Hooks");
        var entries = package.Entries.Select(e => e.FullName).ToList();

        entries.ShouldContain("lib/net10.0/Agno.Hooks.dll");
        entries.ShouldContain("lib/net10.0/Agno.Hooks.xml");
        entries.ShouldContain("analyzers/dotnet/cs/Agno.Hooks.Generators.dll");
        entries.ShouldContain("analyzers/dotnet/cs/Agno.Hooks.CodeFixes.dll");
        entries.ShouldContain("README.md");
        entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).ShouldAllBe(e => e.Contains("/Agno.Hooks."));
        entries.ShouldNotContain(e => e.StartsWith("lib/", StringComparison.Ordinal) && (e.Contains("Generators") || e.Contains("CodeFixes")));
        File.Exists(Path.Combine(feed.Feed, $"Agno.Hooks.{feed.Version}.snupkg")).ShouldBeTrue();
    }

    [Fact]
    public void The_packages_carry_their_metadata_and_AgentOS_depends_on_the_runtime()
    {
        var runtime = Nuspec("Agno.Hooks");
        var agentOS = Nuspec("Agno.Hooks.AgentOS");

        foreach (var metadata in new[] { runtime, agentOS })
        {
            Value(metadata, "version").ShouldBe(feed.Version);
            Value(metadata, "authors").ShouldNotBeNullOrWhiteSpace();
            Value(metadata, "license").ShouldBe("Apache-2.0");
            Value(metadata, "tags")!.ShouldContain("hooks");
            Value(metadata, "readme").ShouldBe("README.md");
            metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url")!.Value.ShouldStartWith("https://");
        }

        var dependencies = agentOS.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (Id: e.Attribute("id")!.Value, Version: e.Attribute("version")!.Value));
        dependencies.ShouldContain(("Agno.Hooks", feed.Version));
        runtime.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value)
            .ShouldNotContain(id => id.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Fact]
    public void Agno_Hooks_AgentFramework_depends_on_the_runtime_with_its_analyzers_and_on_the_Agent_Framework()
    {
        using (var package = Open("Agno.Hooks.AgentFramework"))
        {
            package.Entries.Select(e => e.FullName).ShouldContain("lib/net10.0/Agno.Hooks.AgentFramework.dll");
        }

        var dependencies = Nuspec("Agno.Hooks.AgentFramework").Descendants().Where(e => e.Name.LocalName == "dependency").ToList();
        var runtime = dependencies.Single(e => e.Attribute("id")!.Value == "Agno.Hooks");
        runtime.Attribute("version")!.Value.ShouldBe(feed.Version);

        // Nothing excluded: a consumer of this package alone gets the [Hook] generator and analyzers.
        (runtime.Attribute("exclude")?.Value ?? string.Empty).ShouldNotContain("Analyzers");
        dependencies.Single(e => e.Attribute("id")!.Value == "Microsoft.Agents.AI").Attribute("version")!.Value.ShouldBe("1.28.0");
    }

    [Fact]
    public void Agno_Hooks_OpenAI_carries_the_provider_SDK_and_the_runtime_none()
    {
        using (var package = Open("Agno.Hooks.OpenAI"))
        {
            var entries = package.Entries.Select(e => e.FullName).ToList();
            entries.ShouldContain("lib/net10.0/Agno.Hooks.OpenAI.dll");
            entries.ShouldContain("README.md");
        }

        var metadata = Nuspec("Agno.Hooks.OpenAI");
        Value(metadata, "version").ShouldBe(feed.Version);
        Value(metadata, "license").ShouldBe("Apache-2.0");
        Value(metadata, "tags")!.ShouldContain("hooks");
        Value(metadata, "readme").ShouldBe("README.md");
        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").ToList();
        dependencies.Single(e => e.Attribute("id")!.Value == "Agno.Hooks").Attribute("version")!.Value.ShouldBe(feed.Version);
        dependencies.Single(e => e.Attribute("id")!.Value == "OpenAI").Attribute("version")!.Value.ShouldBe("2.14.0");
        Nuspec("Agno.Hooks").Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value)
            .ShouldNotContain("OpenAI", "the core takes no provider SDK");
    }

    [Fact]
    public void Packing_warns_about_nothing_of_ours()
    {
        // NU1603 comes from this machine's package mirror (a wanted version missing), not from the packages.
        var warnings = feed.PackOutput.Split('\n')
            .Where(line => line.Contains("warning", StringComparison.OrdinalIgnoreCase) && !line.Contains("NU1603", StringComparison.Ordinal))
            .ToList();

        warnings.ShouldBeEmpty();
    }

    private XElement Nuspec(string id)
    {
        using var package = Open(id);
        using var stream = package.GetEntry($"{id}.nuspec")!.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Value(XElement metadata, string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
}
