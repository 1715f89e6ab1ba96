using System.Text.RegularExpressions;
using Agno.Hooks.Packaging.Tests.Support;

namespace Agno.Hooks.Packaging.Tests;

/// <summary>A project that knows Agno.Hooks only as a package: attributes, generator and diagnostics arrive with one reference.</summary>
[Collection(PackagingCollection.Name)]
public sealed class PackageConsumerTests(PackageFeed feed)
{
    [Fact]
    public async Task A_package_consumer_gets_generated_descriptors_and_its_hooks_run()
    {
        using var workspace = ConsumerWorkspace.Create(feed, "HookApp", "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>");

        var run = await DotNet.RunAsync(workspace.Project, "run", "--disable-build-servers");

        run.ShouldSucceed("dotnet run of the consumer");
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries);
        lines.ShouldContain("content=You said: \"HELLO PACKAGE\". This is the first message of our conversation. (Answered offline; plug in a real IChatClient for real answers.) [signed]");
        lines.ShouldContain("tagged=true");
        lines.ShouldContain("hooks=Consumer.Auditor.ArchiveAsync,Consumer.Auditor.Audit,Consumer.ConsumerHooks.Shout,Consumer.ConsumerHooks.TagAsync,consumer.sign");
        lines.ShouldContain("found=True");
        lines.ShouldContain("journal=audit:consumer-agent:Running");
        lines.ShouldContain(l => l.StartsWith("journal=archived:You said: \"HELLO PACKAGE\"", StringComparison.Ordinal) && l.EndsWith("[signed]", StringComparison.Ordinal));

        // EmitCompilerGeneratedFiles shows the generated code, readable, where a user would look for it.
        var generated = Directory.EnumerateFiles(Path.Combine(workspace.Project, "obj"), "*.g.cs", SearchOption.AllDirectories)
            .Where(path => path.Contains($"{Path.DirectorySeparatorChar}Agno.Hooks.Generators{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .ToList();
        generated.ShouldContain("AgnoHooks.g.cs");
        generated.ShouldContain(name => name!.Contains("ConsumerHooks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Analyzer_warnings_arrive_with_the_package_at_their_line_and_respect_configuration()
    {
        using var workspace = ConsumerWorkspace.Create(feed, "Diagnostics");
        var source = Path.Combine(workspace.Project, "Hooks.cs");
        var lines = File.ReadAllLines(source);
        var line = Array.FindIndex(lines, l => l.Contains("// expect AGNH001", StringComparison.Ordinal)) + 1;

        // Reported at the write itself, not at the method.
        var column = lines[line - 1].IndexOf("input.Content =", StringComparison.Ordinal) + 1;

        var plain = await workspace.BuildAsync();
        plain.ShouldSucceed("a build with warnings");
        Regex.IsMatch(plain.Output, $@"Hooks\.cs\({line},{column}\): warning AGNH001: Background hook 'LogRequest' writes RunInput\.Content").ShouldBeTrue(plain.Output);
        plain.Output.ShouldContain("docs/diagnostics/AGNH001.md");

        var strict = await workspace.BuildAsync("-p:TreatWarningsAsErrors=true", "--no-incremental");
        strict.ExitCode.ShouldNotBe(0);
        Regex.IsMatch(strict.Output, $@"Hooks\.cs\({line},{column}\): error AGNH001").ShouldBeTrue(strict.Output);

        File.WriteAllText(Path.Combine(workspace.Root, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.AGNH001.severity = none\n");
        var suppressed = await workspace.BuildAsync("-p:TreatWarningsAsErrors=true", "--no-incremental");
        suppressed.ShouldSucceed("a build with AGNH001 suppressed in .editorconfig");
        suppressed.Output.ShouldNotContain("AGNH001");
    }

    [Fact]
    public async Task An_Agent_Framework_consumer_restores_the_package_and_runs_a_hooked_ChatClientAgent()
    {
        using var workspace = ConsumerWorkspace.Create(feed, "AgentFrameworkApp", "<TreatWarningsAsErrors>true</TreatWarningsAsErrors>", ["Agno.Hooks.AgentFramework"]);

        var run = await DotNet.RunAsync(workspace.Project, "run", "--disable-build-servers");

        run.ShouldSucceed("dotnet run of the Agent Framework consumer");
        var lines = run.Output.Split('\n', StringSplitOptions.TrimEntries);
        lines.ShouldContain("text=You said: \"HELLO AGENT FRAMEWORK\". This is the first message of our conversation. (Answered offline; plug in a real IChatClient for real answers.) [signed by consumer-agent]");
        lines.ShouldContain("rejected=input_not_allowed: Secrets are not allowed");
        lines.ShouldContain("model-calls=1");
        lines.ShouldContain(l => l.StartsWith("journal=archived:You said: \"HELLO AGENT FRAMEWORK\"", StringComparison.Ordinal) && l.EndsWith("[signed by consumer-agent]", StringComparison.Ordinal));
        lines.ShouldContain("journal-count=1");
    }
}
