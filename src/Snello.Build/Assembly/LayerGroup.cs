namespace Snello.Build.Assembly;

/// <summary>The entries of one layer to write and the history text that describes it.</summary>
internal sealed record LayerGroup(string CreatedBy, IReadOnlyList<StagedEntry> Entries);
