using Snello.Dockerfiles.Linting;

namespace Snello.Tests.Dockerfiles.Linting;

public sealed class RuleTests
{
    public static TheoryData<string, bool, string> Cases
    {
        get
        {
            var data = new TheoryData<string, bool, string>();
            foreach (var (rule, fires, why, _) in RuleCases.All)
            {
                data.Add(rule, fires, why);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_fires_exactly_on_its_cases(string rule, bool fires, string why)
    {
        var text = RuleCases.All.Single(c => c.Rule == rule && c.Why == why).Dockerfile;

        var report = DockerfileLinter.Lint(text);

        var found = report.Findings.Where(f => f.RuleId == rule).ToArray();
        if (fires)
        {
            Assert.True(found.Length > 0, $"{rule} should fire ({why}) on:\n{text}");
        }
        else
        {
            Assert.True(found.Length == 0, $"{rule} should not fire ({why}) but said: " +
                string.Join("; ", found.Select(f => f.Message)));
        }
    }

    [Fact]
    public void Every_rule_has_firing_and_non_firing_cases()
    {
        foreach (var rule in RuleSet.All)
        {
            Assert.Contains(RuleCases.All, c => c.Rule == rule.Id && c.Fires);
            Assert.Contains(RuleCases.All, c => c.Rule == rule.Id && !c.Fires);
        }
    }

    [Fact]
    public void Rules_have_unique_ids_and_complete_descriptions()
    {
        Assert.Equal(RuleSet.All.Count, RuleSet.All.Select(r => r.Id).Distinct().Count());
        foreach (var rule in RuleSet.All)
        {
            Assert.Matches("^SN-DF[0-9]{3}$", rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Explanation), rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Fix), rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Summary), rule.Id);
        }
    }
}
