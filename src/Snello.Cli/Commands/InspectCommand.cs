using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Snello.Cli.Rendering;
using Snello.Oci.Images;

namespace Snello.Cli.Commands;

/// <summary><c>snello inspect IMAGE</c>: manifest, config, platform, layers and history.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var image = CommonArguments.Image();
        var platform = CommonArguments.Platform();
        var raw = new Option<bool>("--raw") { Description = "Print the manifest (or index) exactly as stored" };
        var config = new Option<bool>("--config") { Description = "Print the image config exactly as stored" };
        var command = new Command("inspect", "Show an image's manifest, config, platform, layers and history.\n\n" +
            "Examples:\n  snello inspect oci:out:latest\n  snello inspect docker-archive:app.tar --format json\n" +
            "  snello inspect oci:multi --platform linux/arm64 --raw")
        {
            image, platform, raw, config,
        };
        command.SetAction(async (parse, ct) =>
        {
            var context = CliContext.From(parse);
            var location = parse.GetValue(image)!;
            var platformText = parse.GetValue(platform);
            var wanted = CliContext.ParsePlatform(platformText);
            var artifact = await context.ReadArtifactAsync(location, ct);
            if (platformText is not null || (artifact is IImageIndex && parse.GetValue(config)))
            {
                artifact = await PlatformSelector.SelectAsync(artifact, wanted, ct);
            }

            if (parse.GetValue(raw) || parse.GetValue(config))
            {
                var bytes = parse.GetValue(config) ? ((IImage)artifact).RawConfig : artifact.RawManifest;
                using var stdout = Console.OpenStandardOutput();
                stdout.Write(bytes.Span);
                return ExitCodes.Success;
            }

            if (context.Format == OutputFormat.Json)
            {
                JsonOutput.Write(w => WriteJson(w, location, artifact));
            }
            else
            {
                WriteTable(context.Out, location, artifact);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteTable(TextWriter output, string location, IManifestArtifact artifact)
    {
        var head = new Table();
        head.Add("Image:", location);
        head.Add("Media type:", artifact.MediaType);
        head.Add("Digest:", artifact.Digest.ToString());
        if (artifact is IImageIndex index)
        {
            head.Write(output, showHeaders: false);
            output.WriteLine();
            var manifests = new Table("PLATFORM", "DIGEST", "MEDIA TYPE", "SIZE").AlignRight(3);
            foreach (var m in index.Index.Manifests)
            {
                manifests.Add(m.Platform?.ToString() ?? "-", m.Digest.ToString(), m.MediaType, Sizes.Human(m.Size));
            }

            manifests.Write(output);
            return;
        }

        var image = (IImage)artifact;
        var c = image.Config;
        head.Add("Platform:", c.Platform.ToString());
        head.Add("Config:", image.Manifest.Config.Digest.ToString());
        head.Add("Created:", c.Created?.ToString("u", CultureInfo.InvariantCulture) ?? "-");
        head.Add("Size:", $"{Sizes.Human(image.Layers.Sum(l => l.Descriptor.Size))} in {image.Layers.Count} layers");
        head.Add("User:", c.Config?.User is { Length: > 0 } user ? user : "(root)");
        head.Add("Entrypoint:", Words(c.Config?.Entrypoint));
        head.Add("Cmd:", Words(c.Config?.Cmd));
        head.Add("WorkingDir:", c.Config?.WorkingDir ?? "-");
        foreach (var env in c.Config?.Env ?? [])
        {
            head.Add("Env:", env);
        }

        foreach (var label in c.Config?.Labels ?? new Dictionary<string, string>())
        {
            head.Add("Label:", $"{label.Key}={label.Value}");
        }

        foreach (var port in c.Config?.ExposedPorts?.Keys ?? [])
        {
            head.Add("Port:", port);
        }

        head.Write(output, showHeaders: false);
        output.WriteLine();
        var layers = new Table("#", "DIGEST", "MEDIA TYPE", "SIZE", "DIFF ID").AlignRight(0, 3);
        for (var i = 0; i < image.Layers.Count; i++)
        {
            var l = image.Layers[i];
            layers.Add(i.ToString(CultureInfo.InvariantCulture), l.Descriptor.Digest.Abbreviated,
                l.Descriptor.MediaType, Sizes.Human(l.Descriptor.Size), l.DiffId.Abbreviated);
        }

        layers.Write(output);
        if (c.History is { Count: > 0 } history)
        {
            output.WriteLine();
            var steps = new Table("CREATED", "LAYER", "CREATED BY");
            var layerIndex = 0;
            foreach (var h in history)
            {
                var layer = h.EmptyLayer == true ? "-" : (layerIndex++).ToString(CultureInfo.InvariantCulture);
                steps.Add(h.Created?.ToString("u", CultureInfo.InvariantCulture) ?? "-", layer,
                    Truncate(h.CreatedBy ?? h.Comment ?? "", 100));
            }

            steps.Write(output);
        }
    }

    private static string Words(IReadOnlyList<string>? words) =>
        words is null or { Count: 0 }
            ? "-"
            : JsonSerializer.Serialize(words, CliJsonContext.Default.IReadOnlyListString);

    private static string Truncate(string text, int max)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }

    private static void WriteJson(Utf8JsonWriter w, string location, IManifestArtifact artifact)
    {
        w.WriteStartObject();
        w.WriteString("image", location);
        w.WriteString("mediaType", artifact.MediaType);
        w.WriteString("digest", artifact.Digest.ToString());
        if (artifact is IImageIndex index)
        {
            w.WriteString("kind", "index");
            w.WriteStartArray("manifests");
            foreach (var m in index.Index.Manifests)
            {
                w.WriteStartObject();
                w.WriteString("digest", m.Digest.ToString());
                w.WriteString("mediaType", m.MediaType);
                w.WriteNumber("size", m.Size);
                w.WriteStringOrNull("platform", m.Platform?.ToString());
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            return;
        }

        var image = (IImage)artifact;
        var c = image.Config;
        w.WriteString("kind", "image");
        w.WriteString("platform", c.Platform.ToString());
        w.WriteString("configDigest", image.Manifest.Config.Digest.ToString());
        w.WriteStringOrNull("created", c.Created?.ToString("o", CultureInfo.InvariantCulture));
        w.WriteStringOrNull("user", c.Config?.User);
        w.WriteStringArray("entrypoint", c.Config?.Entrypoint);
        w.WriteStringArray("cmd", c.Config?.Cmd);
        w.WriteStringArray("env", c.Config?.Env);
        w.WriteStringOrNull("workingDir", c.Config?.WorkingDir);
        w.WriteStartObject("labels");
        foreach (var label in c.Config?.Labels ?? new Dictionary<string, string>())
        {
            w.WriteString(label.Key, label.Value);
        }

        w.WriteEndObject();
        w.WriteNumber("size", image.Layers.Sum(l => l.Descriptor.Size));
        w.WriteStartArray("layers");
        foreach (var l in image.Layers)
        {
            w.WriteStartObject();
            w.WriteString("digest", l.Descriptor.Digest.ToString());
            w.WriteString("mediaType", l.Descriptor.MediaType);
            w.WriteNumber("size", l.Descriptor.Size);
            w.WriteString("diffId", l.DiffId.ToString());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("history");
        foreach (var h in c.History ?? [])
        {
            w.WriteStartObject();
            w.WriteStringOrNull("created", h.Created?.ToString("o", CultureInfo.InvariantCulture));
            w.WriteStringOrNull("createdBy", h.CreatedBy);
            w.WriteStringOrNull("comment", h.Comment);
            w.WriteBoolean("emptyLayer", h.EmptyLayer == true);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
