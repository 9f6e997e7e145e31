using Snello.Build.Specs;

namespace Snello.Tests.Build.Specs;

public sealed class BuildSpecErrorTests
{
    private const string Head = "distribution: {suite: bookworm}\n";

    private static SpecException Fail(string text) =>
        Assert.Throws<SpecException>(() => BuildSpec.Parse(text, "snello.yaml", "amd64"));

    [Fact]
    public void An_unsupported_suite_names_file_line_column_key_value_and_choices()
    {
        var e = Fail("# starter\npackages: [tzdata]\ndistribution:\n  suite:  buster\n");
        Assert.Equal("snello.yaml:4:11: distribution.suite 'buster' is not supported; expected bookworm or trixie",
            e.Message);
        Assert.Equal(("snello.yaml", 4, 11, "distribution.suite"), (e.File, e.Line, e.Column, e.Key));
    }

    [Theory]
    [InlineData(Head + "run_as: app\n", "2:1: unknown key 'run_as'; did you mean 'run-as'?")]
    [InlineData(Head + "package: [a]\n", "2:1: unknown key 'package'; did you mean 'packages'?")]
    [InlineData("distribution: {suite: bookworm, securty: true}\n",
        "1:33: unknown key 'distribution.securty'; did you mean 'security'?")]
    [InlineData("distribution: {suite: bookworm}\nfiles: [{source: a, destination: /a, mod: '0644'}]\n",
        "2:38: unknown key 'files[0].mod'; did you mean 'mode'?")]
    [InlineData("distribution: {suite: bookworm}\nvolumes: [/data]\n",
        "2:1: unknown key 'volumes'; expected one of distribution, base, architectures, packages, exclude, keep, "
        + "users, groups, run-as, files, entrypoint, cmd, env, workdir, labels, annotations, layers, debug, closure")]
    public void Unknown_keys_are_errors_with_a_suggestion_when_one_is_close(string text, string expected) =>
        Assert.Equal("snello.yaml:" + expected, Fail(text).Message);

    [Theory]
    [InlineData("packages: [a]\n", "snello.yaml:1:1: distribution is missing; expected a mapping with 'suite: "
        + "bookworm' or 'suite: trixie' (only a spec with a 'base' image may leave it out)")]
    [InlineData("distribution: {components: [main]}\n",
        "snello.yaml:1:15: distribution.suite is missing; expected bookworm or trixie")]
    [InlineData("", "snello.yaml: the file is empty; expected a mapping with at least 'distribution' and 'packages'")]
    [InlineData("- a\n- b\n", "snello.yaml:1:1: the document must be a mapping of keys to values, not a list")]
    [InlineData("a: 1\n---\nb: 2\n", "snello.yaml:3:1: the file holds several YAML documents; expected one")]
    [InlineData(Head + "distribution: {suite: trixie}\n", "snello.yaml:2:1: key 'distribution' appears twice")]
    public void Document_level_errors_say_what_is_missing(string text, string expected) =>
        Assert.Equal(expected, Fail(text).Message);

    [Fact]
    public void Broken_yaml_is_reported_at_its_position()
    {
        var e = Fail("distribution: {suite: bookworm\npackages: [a\n");
        Assert.StartsWith("snello.yaml:", e.Message, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", e.Message, StringComparison.Ordinal);
        Assert.True(e.Line > 0);
    }

    [Theory]
    [InlineData("distribution: {suite: bookworm, components: [main, universe]}\n",
        "1:52: distribution.components[1] 'universe' is not a Debian component; expected one of main, contrib, "
        + "non-free, non-free-firmware")]
    [InlineData("distribution: {suite: bookworm, components: []}\n",
        "1:45: distribution.components must name at least one component")]
    [InlineData("distribution: {suite: bookworm, security: yes}\n",
        "1:43: distribution.security 'yes' is not a boolean; expected true or false")]
    [InlineData("distribution: {suite: bookworm, mirror: ftp://x/debian}\n",
        "1:41: distribution.mirror 'ftp://x/debian' is not a repository URI; expected an absolute http://, "
        + "https:// or file:// URI")]
    [InlineData("distribution: {suite: bookworm, repositories: [{uri: 'http://r/', suite: s}]}\n",
        "1:48: distribution.repositories[0].keyring is missing; a repository needs 'uri', 'suite' and 'keyring'")]
    [InlineData("distribution: {suite: [bookworm]}\n",
        "1:23: distribution.suite must be a text value, not a list")]
    [InlineData("distribution: bookworm\n",
        "1:15: distribution must be a mapping of keys to values, not 'bookworm'")]
    public void Distribution_errors_name_the_key_and_value(string text, string expected) =>
        Assert.Equal("snello.yaml:" + expected, Fail(text).Message);

    [Theory]
    [InlineData("architectures: [amd64, x86_64]\n",
        "2:24: architectures[1] 'x86_64' is not a Debian architecture; expected one of amd64, arm64, armel, "
        + "armhf, i386, mips64el, ppc64el, riscv64, s390x")]
    [InlineData("architectures: [amd64, amd64]\n", "2:24: architectures[1] 'amd64' is listed twice")]
    [InlineData("architectures: []\n", "2:16: architectures must name at least one, such as [amd64]")]
    [InlineData("architectures: amd64\n", "2:16: architectures must be a list, such as [a, b], not 'amd64'")]
    [InlineData("packages: [tzdata, tzdata]\n", "2:20: packages[1] 'tzdata' is listed twice")]
    [InlineData("packages: ['libc6:amd64']\n", "2:12: packages[0] 'libc6:amd64' is not a package request; "
        + "expected NAME or 'NAME (OP VERSION)' without architecture qualifiers, lists or alternatives")]
    [InlineData("packages: ['a | b']\n", "2:12: packages[0] 'a | b' is not a package request; "
        + "expected NAME or 'NAME (OP VERSION)' without architecture qualifiers, lists or alternatives")]
    [InlineData("exclude: ['usr/share']\n",
        "2:11: exclude[0] 'usr/share' is not a path glob: expected an absolute path starting with '/'")]
    [InlineData("keep: ['/a**']\n",
        "2:8: keep[0] '/a**' is not a path glob: '**' must be a whole path segment, not part of 'a**'")]
    [InlineData("layers: two\n",
        "2:9: layers 'two' is not a layering; expected single, packages-and-app or per-package")]
    [InlineData("debug: 1\n", "2:8: debug '1' is not a boolean; expected true or false")]
    [InlineData("closure: no\n", "2:10: closure 'no' is not a boolean; expected true or false")]
    [InlineData("workdir: app\n", "2:10: workdir 'app' is not an absolute image path; expected a path that "
        + "starts with '/' and has no '..', such as /app")]
    [InlineData("entrypoint: /app/hello\n",
        "2:13: entrypoint must be a list, such as [a, b], not '/app/hello'")]
    [InlineData("cmd: [[a]]\n", "2:7: cmd[0] must be a text value, not a list")]
    [InlineData("env: {'A=B': c}\n", "2:7: env name 'A=B' is not a variable name; expected a non-empty name "
        + "without '=' or spaces, such as LANG")]
    [InlineData("labels: [a]\n", "2:9: labels must be a mapping of names to text values, not a list")]
    [InlineData("annotations: {a: [b]}\n", "2:18: annotations.a must be a text value, not a list")]
    [InlineData("base: ''\n", "2:7: base must not be empty")]
    public void Value_errors_name_the_key_the_value_and_the_expected_form(string body, string expected) =>
        Assert.Equal("snello.yaml:" + expected, Fail(Head + body).Message);

    [Theory]
    [InlineData("packages: ['libc6 (>> )']\n", "packages[0] 'libc6 (>> )' is not a package: ")]
    [InlineData("packages: ['Libc6']\n", "packages[0] 'Libc6' is not a package: ")]
    public void Malformed_package_relations_carry_the_parser_reason(string body, string expected)
    {
        var e = Fail(Head + body);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.EndsWith("expected NAME or 'NAME (OP VERSION)', such as 'libc6 (>= 2.36)'", e.Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("users: [{name: app}]\n", "2:9: users[0].uid is missing; a user needs 'name' and 'uid'")]
    [InlineData("users: [{uid: 5}]\n", "2:9: users[0].name is missing")]
    [InlineData("users: [{name: app, uid: -1}]\n",
        "2:26: users[0].uid '-1' is not an id; expected a whole number from 0 to 2147483647")]
    [InlineData("users: [{name: 'a:b', uid: 5}]\n", "2:16: users[0].name 'a:b' is not an account name; "
        + "expected 1 to 32 letters, digits, '_', '-' or '.', not starting with '-'")]
    [InlineData("users: [{name: app, uid: 65532}]\n",
        "2:26: users[0].uid 65532 of 'app' is already the uid of 'nonroot'")]
    [InlineData("users: [{name: app, uid: 7}, {name: app, uid: 8}]\n", "2:30: users[1].name 'app' is defined twice")]
    [InlineData("users: [{name: app, uid: 7, home: home}]\n", "2:35: users[0].home 'home' is not an absolute image "
        + "path; expected a path that starts with '/' and has no '..', such as /app")]
    [InlineData("groups: [{name: g}]\n", "2:10: groups[0].gid is missing; a group needs 'name' and 'gid'")]
    [InlineData("groups: [{name: g, gid: 0}]\n", "2:25: groups[0].gid 0 of 'g' is already the gid of 'root'")]
    [InlineData("groups: [{name: g, gid: 9, members: [bob]}]\n", "2:38: groups[0].members[0] 'bob' is not a user; "
        + "expected one of root, nonroot, nobody")]
    [InlineData("run-as: app\n", "2:9: run-as 'app' names user 'app', which is not defined; expected one of root, "
        + "nonroot, nobody or a numeric uid")]
    [InlineData("run-as: '4242'\n",
        "2:9: run-as '4242' is a uid no user has, so its group is unknown; expected uid:gid")]
    [InlineData("run-as: 'root:wheel'\n", "2:9: run-as 'root:wheel' names group 'wheel', which is not defined; "
        + "expected one of root, nonroot, nobody or a numeric gid")]
    [InlineData("run-as: '1:2:3'\n",
        "2:9: run-as '1:2:3' is not an owner; expected uid:gid, a user name, or user:group")]
    public void Account_errors_name_the_entry(string body, string expected) =>
        Assert.Equal("snello.yaml:" + expected, Fail(Head + body).Message);

    [Theory]
    [InlineData("files: [{source: a}]\n",
        "2:9: files[0].destination is missing; a file needs 'source' and 'destination'")]
    [InlineData("files: [{source: a, destination: app}]\n", "2:34: files[0].destination 'app' is not an absolute "
        + "image path; expected a path that starts with '/' and has no '..', such as /app")]
    [InlineData("files: [{source: a, destination: /a/../etc}]\n", "2:34: files[0].destination '/a/../etc' is not "
        + "an absolute image path; expected a path that starts with '/' and has no '..', such as /app")]
    [InlineData("files: [{source: a, destination: /a, mode: '0855'}]\n", "2:44: files[0].mode '0855' is not a file "
        + "mode; expected 3 or 4 octal digits, such as \"0755\"")]
    [InlineData("files: [{source: a, destination: /a, owner: 'x:0'}]\n", "2:45: files[0].owner 'x:0' names user "
        + "'x', which is not defined; expected one of root, nonroot, nobody or a numeric uid")]
    [InlineData("files: [a]\n", "2:9: files[0] must be a mapping of keys to values, not 'a'")]
    public void File_errors_name_the_entry(string body, string expected) =>
        Assert.Equal("snello.yaml:" + expected, Fail(Head + body).Message);

    [Theory]
    [InlineData("0644", 420)]
    [InlineData("755", 493)]
    [InlineData("4755", 2541)]
    public void File_modes_are_octal_with_or_without_quotes(string mode, int expected)
    {
        var text = Head + $"files: [{{source: a, destination: /a, mode: {mode}}}]\n";
        var spec = BuildSpec.Parse(text, "s.yaml", "amd64");
        Assert.Equal(expected, spec.Files[0].Mode);
    }

    [Fact]
    public void Non_utf8_bytes_are_refused()
    {
        var folder = Directory.CreateTempSubdirectory("snello-spec-");
        try
        {
            var path = Path.Combine(folder.FullName, "snello.yaml");
            File.WriteAllBytes(path, [0x61, 0x3a, 0x20, 0xff, 0xfe, 0x0a]);
            var e = Assert.Throws<SpecException>(() => BuildSpec.Load(path, "amd64"));
            Assert.Equal($"{path}: the file is not UTF-8 text", e.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
