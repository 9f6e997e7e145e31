using Snello.Dockerfiles.Linting.Rules;

namespace Snello.Dockerfiles.Linting;

/// <summary>The built-in rules, ordered by id.</summary>
public static class RuleSet
{
    /// <summary>Every built-in rule, ordered by id.</summary>
    public static IReadOnlyList<LintRule> All { get; } = new LintRule[]
        {
            new UnknownInstructionRule(),
            new InstructionBeforeFromRule(),
            new UnknownFlagRule(),
            new FromSyntaxRule(),
            new DuplicateStageNameRule(),
            new CopyFromReferenceRule(),
            new RepeatedInstructionRule(),
            new ShellFormCommandRule(),
            new RelativeWorkdirRule(),
            new RunCdRule(),
            new CopyDestinationRule(),
            new MaintainerRule(),
            new UndefinedArgInFromRule(),
            new LegacyKeyValueRule(),
            new CasingRule(),
            new InvalidExposeRule(),
            new EmptyContinuationRule(),
            new UpdateAloneRule(),
            new RootUserRule(),
            new SecretInArgOrEnvRule(),
            new PipeToShellRule(),
            new AddFromUrlRule(),
            new SudoRule(),
            new ExposeSshRule(),
            new UnpinnedBaseRule(),
            new LatestTagRule(),
            new AddInsteadOfCopyRule(),
            new SingleStageBuildRule(),
            new AptRecommendsRule(),
            new AptListsRule(),
            new PipCacheRule(),
            new ApkCacheRule(),
            new RpmCacheRule(),
            new RunInShellLessStageRule(),
            new ShellFormInShellLessStageRule(),
            new HealthcheckToolRule(),
            new NamedUserInScratchRule(),
        }
        .OrderBy(rule => rule.Id, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Returns the rule with id <paramref name="id"/> (case-insensitive), or null.</summary>
    public static LintRule? Find(string id) =>
        All.FirstOrDefault(rule => rule.Id.Equals(id, StringComparison.OrdinalIgnoreCase));
}
