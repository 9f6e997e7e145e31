namespace Snello.Dockerfiles.Syntax;

/// <summary>A parser directive at the top of the file, such as <c># syntax=docker/dockerfile:1</c>.</summary>
/// <param name="Name">The directive name in lowercase: <c>syntax</c>, <c>escape</c> or <c>check</c>.</param>
/// <param name="Value">The value with surrounding white space removed.</param>
/// <param name="Line">The 1-based line the directive is on.</param>
public sealed record ParserDirective(string Name, string Value, int Line);
