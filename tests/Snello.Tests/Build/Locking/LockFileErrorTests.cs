using System.Text;
using System.Text.Json.Nodes;
using Snello.Build.Locking;

namespace Snello.Tests.Build.Locking;

public sealed class LockFileErrorTests
{
    private static LockFileException Fail(string json) =>
        Assert.Throws<LockFileException>(() => LockFile.Parse(Encoding.UTF8.GetBytes(json), "snello.lock"));

    private static string Edit(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(LockFileTests.Sample().ToJson())!.AsObject();
        change(node);
        return node.ToJsonString();
    }

    private static JsonObject First(JsonObject root) =>
        root["architectures"]!["amd64"]!["packages"]![0]!.AsObject();

    [Fact]
    public void Text_that_is_not_json_names_the_line()
    {
        var e = Fail("{\n  \"lockVersion\": 1,\n  oops\n}");
        Assert.StartsWith("snello.lock: not a valid lock (line 3, ", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("delete it and run 'snello lock' to write a new one", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_field_is_named()
    {
        var e = Fail(Edit(r => First(r).Remove("sha256")));
        Assert.Contains("sha256", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("snello.lock: not a valid lock", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_named()
    {
        var e = Fail(Edit(r => r["extra"] = 1));
        Assert.Contains("extra", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_field_is_refused()
    {
        var e = Fail(Edit(r => First(r)["name"] = null));
        Assert.Contains("name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_null_is_refused() =>
        Assert.Equal("snello.lock: the lock is JSON null; expected an object with 'lockVersion'",
            Fail("null").Message);

    [Theory]
    [InlineData("lockVersion", "2", "lockVersion 2 is not supported; expected 1 (run 'snello lock' to write a lock "
        + "this version reads)")]
    [InlineData("spec", "\"sha256:12\"",
        "spec 'sha256:12' is not a digest; expected sha256: and 64 lowercase hex digits")]
    [InlineData("distribution", "\"\"", "distribution is empty; expected a suite such as bookworm")]
    [InlineData("architectures", "{}", "architectures is empty; expected at least one, such as amd64")]
    public void Top_level_fields_are_checked(string field, string json, string expected) =>
        Assert.Equal("snello.lock: " + expected, Fail(Edit(r => r[field] = JsonNode.Parse(json))).Message);

    [Theory]
    [InlineData("version", "\"\"", "version '' is not a Debian version: ")]
    [InlineData("architecture", "\"arm64\"", "architecture 'arm64' does not belong under amd64; expected 'amd64' "
        + "or 'all'")]
    [InlineData("sha256", "\"ABC\"", "sha256 'ABC' is not a SHA-256; expected 64 lowercase hex digits")]
    [InlineData("filename", "\"/etc/passwd\"", "filename '/etc/passwd' is not a path in a repository; expected a "
        + "relative path such as pool/main/g/glibc/libc6_2.36-9_amd64.deb")]
    [InlineData("filename", "\"pool/../x.deb\"", "filename 'pool/../x.deb' is not a path in a repository")]
    [InlineData("size", "-1", "size -1 is negative; expected the file's size")]
    [InlineData("repository", "\" \"", "repository is empty; expected a name such as bookworm")]
    [InlineData("name", "\"\"", "name is empty; expected a package name")]
    public void Package_fields_are_checked_and_located(string field, string json, string expected)
    {
        var e = Fail(Edit(r => First(r)[field] = JsonNode.Parse(json)));
        Assert.StartsWith("snello.lock: architectures.amd64.packages[0]." + expected, e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_date_is_refused()
    {
        var e = Fail(Edit(r => First(r)["indexDate"] = "yesterday"));
        Assert.Contains("'yesterday' is not a date", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_pinned_twice_is_refused()
    {
        var e = Fail(Edit(r => r["architectures"]!["amd64"]!["packages"]!.AsArray()[2]!["name"] = "libc6"));
        Assert.Equal("snello.lock: architectures.amd64.packages[2]: package 'libc6' is pinned twice for amd64",
            e.Message);
    }

    [Fact]
    public void Writing_an_invalid_lock_is_refused_too()
    {
        var bad = LockFileTests.Sample() with { Spec = "nope" };
        var e = Assert.Throws<LockFileException>(bad.ToJson);
        Assert.StartsWith("the lock being written: spec 'nope'", e.Message, StringComparison.Ordinal);
    }
}
