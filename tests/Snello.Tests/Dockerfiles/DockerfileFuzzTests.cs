using System.Text;
using Snello.Dockerfiles.Advising;
using Snello.Dockerfiles.Linting;
using Snello.Dockerfiles.Model;
using Snello.Dockerfiles.Syntax;
using Snello.Tests.Dockerfiles.Linting;

namespace Snello.Tests.Dockerfiles;

public sealed class DockerfileFuzzTests
{
    private const int Seed = 20261203;

    // SNELLO_FUZZ_COUNT runs more cases locally; the default keeps the unit tests fast.
    private static readonly int Count =
        int.TryParse(Environment.GetEnvironmentVariable("SNELLO_FUZZ_COUNT"), out var count) ? count : 1000;

    // Pieces of the grammar that stress the parser: continuations, heredocs, quotes, JSON, flags,
    // substitutions, directives, ONBUILD, stage references, odd white space and line endings.
    private static readonly string[] Fragments =
    [
        "\\\n", "\\", "`", "\n", "\r\n", "\r", "\t", " ", "\u00a0", "\uFEFF", "#", "# escape=`\n", "# syntax=x\n",
        "<<EOF\n", "<<-EOF\n", "<<'EOF'\n", "EOF\n", "\tEOF\n", "2<<X", "<<", "\"", "'", "[", "]", "[\"a\", ",
        "[\"a\"]", "[1]", "{", "}", "${", "${v:-w}", "${v#*/}", "${v//a/b}", "${}", "$", "--from=", "--", "-- ",
        "--mount=type=cache,target=/x ", "ONBUILD ", "ONBUILD ONBUILD ", "FROM ", "FROM x AS ", "AS", "ARG ",
        "ARG A=${B}\n", "ENV ", "ENV a=\"b c\" d='e'", "=", "RUN ", "CMD ", "HEALTHCHECK --interval=1s CMD ",
        "COPY --from=0 ", "USER ", "EXPOSE 80/udp ", "WORKDIR ", "\u2603", "\0", "\\u0000",
    ];

    [Fact]
    public void Mutated_dockerfiles_never_crash_the_parser_the_linter_or_the_advisor()
    {
        var corpus = Corpus();
        var random = new Random(Seed);
        var parsed = 0;

        for (var i = 0; i < Count; i++)
        {
            var text = Mutate(corpus[random.Next(corpus.Count)], random);
            Dockerfile file;
            try
            {
                file = Dockerfile.Parse(text);
                parsed++;
            }
            catch (DockerfileParseException)
            {
                continue;
            }
            catch (Exception error)
            {
                Assert.Fail($"parser crashed on case {i}: {error}\n---\n{text}");
                throw;
            }

            try
            {
                _ = DockerfileLinter.Lint(file);
                _ = file.Syntax.Dump();
            }
            catch (Exception error)
            {
                Assert.Fail($"linter crashed on case {i}: {error}\n---\n{text}");
            }

            try
            {
                _ = DockerfileAdvisor.Advise(file);
            }
            catch (AdviseException)
            {
            }
            catch (Exception error)
            {
                Assert.Fail($"advisor crashed on case {i}: {error}\n---\n{text}");
            }
        }

        // The mutations must leave most files parseable, or the linter would hardly be exercised.
        Assert.True(parsed > Count / 2, $"only {parsed} of {Count} mutated files parsed");
    }

    private static List<string> Corpus()
    {
        var corpus = RuleCases.All.Select(c => c.Dockerfile).ToList();
        var folder = DockerfileConformance.Folder;
        if (folder is not null)
        {
            corpus.AddRange(Directory.GetFiles(folder, "Dockerfile", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(path => File.ReadAllText(path, Encoding.UTF8)));
        }

        return corpus;
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var steps = 1 + random.Next(4);
        for (var step = 0; step < steps; step++)
        {
            var at = builder.Length == 0 ? 0 : random.Next(builder.Length + 1);
            switch (random.Next(6))
            {
                case 0 or 1:
                    builder.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2 when builder.Length > 0:
                    builder.Remove(Math.Min(at, builder.Length - 1), Math.Min(1 + random.Next(8),
                        builder.Length - Math.Min(at, builder.Length - 1)));
                    break;
                case 3:
                    var lines = builder.ToString().Split('\n');
                    var line = lines[random.Next(lines.Length)];
                    builder.Insert(at, line + "\n");
                    break;
                case 4 when builder.Length > 0:
                    builder.Length = random.Next(builder.Length);
                    break;
                default:
                    builder.Insert(at, (char)random.Next(1, 0x3000));
                    break;
            }
        }

        return builder.ToString();
    }
}
