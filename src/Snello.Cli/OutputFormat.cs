namespace Snello.Cli;

/// <summary>How a command renders its result on stdout.</summary>
internal enum OutputFormat
{
    /// <summary>Aligned columns for people.</summary>
    Table,

    /// <summary>JSON documented by a schema under docs/schemas.</summary>
    Json,

    /// <summary>SARIF 2.1.0, for commands that report findings (dockerfile lint); the others print their
    /// table.</summary>
    Sarif,
}
