using Snello.Analysis.Findings;
using Snello.Dockerfiles.Syntax;

namespace Snello.Dockerfiles.Linting;

/// <summary>One problem a rule found.</summary>
/// <param name="RuleId">The stable rule id, such as <c>SN-DF101</c>.</param>
/// <param name="Severity">The severity after configuration overrides.</param>
/// <param name="Message">What is wrong here, naming the offending value.</param>
/// <param name="Position">Where the offending instruction or flag starts.</param>
/// <param name="EndLine">The last line of the offending instruction.</param>
/// <param name="Stage">The stage's name or index, null for findings outside any stage.</param>
public sealed record LintFinding(
    string RuleId, Severity Severity, string Message, SourcePosition Position, int EndLine, string? Stage);
