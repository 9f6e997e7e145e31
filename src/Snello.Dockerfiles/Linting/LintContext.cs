using Snello.Analysis.Findings;
using Snello.Dockerfiles.Images;
using Snello.Dockerfiles.Model;
using Snello.Dockerfiles.Syntax;

namespace Snello.Dockerfiles.Linting;

/// <summary>What a rule sees: the file, what is known of base images, and where to report.</summary>
public sealed class LintContext
{
    private readonly List<LintFinding> _findings = [];
    private LintRule? _rule;

    internal LintContext(Dockerfile dockerfile, BaseImageCatalog catalog)
    {
        Dockerfile = dockerfile;
        Catalog = catalog;
    }

    /// <summary>The file being linted.</summary>
    public Dockerfile Dockerfile { get; }

    /// <summary>What is known of base images.</summary>
    public BaseImageCatalog Catalog { get; }

    internal IReadOnlyList<LintFinding> Findings => _findings;

    internal void Begin(LintRule rule) => _rule = rule;

    /// <summary>What is known of the image at the root of <paramref name="stage"/>'s FROM chain.</summary>
    public BaseImageTraits Traits(Stage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        return Catalog.Of(stage.RootImage);
    }

    /// <summary>Reports a finding at <paramref name="instruction"/>.</summary>
    public void Report(Instruction instruction, Stage? stage, string message, Severity? severity = null)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        Report(instruction.Position, instruction.EndLine, stage, message, severity);
    }

    /// <summary>Reports a finding at <paramref name="position"/>.</summary>
    public void Report(SourcePosition position, int endLine, Stage? stage, string message,
        Severity? severity = null)
    {
        var rule = _rule ?? throw new InvalidOperationException("no rule is running");
        _findings.Add(new LintFinding(rule.Id, severity ?? rule.DefaultSeverity, message, position,
            Math.Max(endLine, position.Line), stage?.DisplayName));
    }
}
