namespace Snello.Tests.Dockerfiles.Linting;

/// <summary>Firing and non-firing Dockerfiles for every rule; each line is a case.</summary>
internal static class RuleCases
{
    public const string Distroless = "gcr.io/distroless/static-debian12:nonroot@sha256:" +
        "0000000000000000000000000000000000000000000000000000000000000000";

    public static readonly (string Rule, bool Fires, string Why, string Dockerfile)[] All =
    [
        ("SN-DF001", true, "typo in a keyword", "FROM a:1\nCOPPY . /app\n"),
        ("SN-DF001", true, "typo inside ONBUILD", "FROM a:1\nONBUILD RUNN make\n"),
        ("SN-DF001", false, "all keywords known, any case", "from a:1\nrun make\nCOPY . /\n"),

        ("SN-DF002", true, "RUN before FROM", "RUN make\nFROM a:1\n"),
        ("SN-DF002", true, "no FROM at all", "ARG X=1\n"),
        ("SN-DF002", false, "global ARG before FROM", "ARG V=1\nFROM a:$V\n"),

        ("SN-DF003", true, "chown on RUN", "FROM a:1\nRUN --chown=1 make\n"),
        ("SN-DF003", true, "unknown COPY flag", "FROM a:1\nCOPY --form=b . /\n"),
        ("SN-DF003", false, "accepted flags",
            "FROM --platform=linux/amd64 a:1\nCOPY --from=a --chown=1:1 --link . /\n" +
            "RUN --mount=type=cache,target=/c make\nHEALTHCHECK --interval=5s --retries=3 CMD [\"/bin/true\"]\n"),

        ("SN-DF004", true, "two arguments", "FROM a:1 b\n"),
        ("SN-DF004", true, "stage name starting with a digit", "FROM a:1 AS 1st\n"),
        ("SN-DF004", true, "ARG without default leaves the tag empty", "ARG TAG\nFROM debian:${TAG}\n"),
        ("SN-DF004", false, "name with dots and dashes", "FROM a:1 AS build-1.x\n"),
        ("SN-DF004", false, "ARG default used", "ARG TAG=12\nFROM debian:${TAG}\n"),

        ("SN-DF005", true, "same name differing in case", "FROM a:1 AS build\nFROM b:1 AS Build\n"),
        ("SN-DF005", false, "distinct names", "FROM a:1 AS build\nFROM b:1 AS test\n"),

        ("SN-DF006", true, "copy from itself", "FROM a:1 AS build\nCOPY --from=build /x /y\n"),
        ("SN-DF006", true, "copy from a later stage", "FROM a:1 AS one\nCOPY --from=two /x /y\nFROM b:1 AS two\n"),
        ("SN-DF006", true, "misspelt stage is pulled as an image",
            "FROM a:1 AS builder\nFROM b:1\nCOPY --from=buidler /x /y\n"),
        ("SN-DF006", false, "earlier stage by name and index, and an image",
            "FROM a:1 AS build\nFROM b:1\nCOPY --from=BUILD /x /y\nCOPY --from=0 /x /y\nCOPY --from=nginx:1.25 /x "
                + "/y\n"),

        ("SN-DF007", true, "two CMDs in the final stage", "FROM a:1\nCMD [\"a\"]\nCMD [\"b\"]\n"),
        ("SN-DF007", false, "one CMD per stage", "FROM a:1 AS x\nCMD [\"a\"]\nFROM b:1\nCMD [\"b\"]\n"),

        ("SN-DF008", true, "shell-form ENTRYPOINT", "FROM debian:12\nENTRYPOINT /app/run --port 1\n"),
        ("SN-DF008", false, "shell form in a builder stage only",
            "FROM debian:12 AS b\nCMD make\nFROM debian:12\nCMD [\"/app\"]\n"),

        ("SN-DF009", true, "relative workdir", "FROM a:1\nWORKDIR app\n"),
        ("SN-DF009", false, "absolute and variable workdirs", "FROM a:1\nWORKDIR /app\nWORKDIR $HOME/x\n"),

        ("SN-DF010", true, "RUN cd", "FROM a:1\nRUN cd /src && make\n"),
        ("SN-DF010", false, "cd later in the chain", "FROM a:1\nRUN make && cd /tmp\n"),

        ("SN-DF011", true, "two sources, file destination", "FROM a:1\nCOPY a b /dest\n"),
        ("SN-DF011", false, "two sources, directory destination",
            "FROM a:1\nCOPY a b /dest/\nCOPY [\"a\", \"/d\"]\n"),

        ("SN-DF012", true, "maintainer", "FROM a:1\nMAINTAINER me\n"),
        ("SN-DF012", false, "authors label", "FROM a:1\nLABEL org.opencontainers.image.authors=me\n"),

        ("SN-DF013", true, "ARG declared inside a stage is not visible to FROM",
            "FROM a:1\nARG BASE=debian\nFROM ${BASE}:12\n"),
        ("SN-DF013", false, "automatic platform ARG and global ARG",
            "ARG V=1\nFROM --platform=$BUILDPLATFORM golang:${V}\n"),

        ("SN-DF014", true, "legacy ENV form", "FROM a:1\nENV A 1\n"),
        ("SN-DF014", false, "key=value form", "FROM a:1\nENV A=1 B=2\nLABEL a=b\n"),

        ("SN-DF015", true, "lowercase keyword", "FROM a:1\nrun make\n"),
        ("SN-DF015", true, "FROM with lowercase as", "FROM a:1 as build\n"),
        ("SN-DF015", true, "stage name with capitals", "FROM a:1 AS Build\n"),
        ("SN-DF015", false, "uppercase keywords, lowercase stage", "FROM a:1 AS build\nRUN make\n"),

        ("SN-DF016", true, "publish mapping in EXPOSE", "FROM a:1\nEXPOSE 80:80\n"),
        ("SN-DF016", true, "port out of range", "FROM a:1\nEXPOSE 70000\n"),
        ("SN-DF016", false, "ports, ranges and protocols", "FROM a:1\nEXPOSE 80 53/udp 8000-8010/tcp $PORT\n"),

        ("SN-DF017", true, "empty continuation line", "FROM a:1\nRUN a \\\n\n  b\n"),
        ("SN-DF017", false, "comment inside a continuation", "FROM a:1\nRUN a \\\n# note\n  b\n"),

        ("SN-DF018", true, "update alone", "FROM a:1\nRUN apt-get update\nRUN apt-get install -y x\n"),
        ("SN-DF018", false, "update and install together",
            "FROM a:1\nRUN apt-get update && apt-get install -y x\n"),

        ("SN-DF101", true, "no USER on an ordinary base", "FROM debian:12\nCMD [\"/app\"]\n"),
        ("SN-DF101", true, "last USER is root", "FROM debian:12\nUSER app\nUSER 0:0\n"),
        ("SN-DF101", true, "distroless without the nonroot tag",
            "FROM gcr.io/distroless/static-debian12\nCMD [\"/app\"]\n"),
        ("SN-DF101", false, "distroless nonroot tag sets the user", "FROM " + Distroless + "\nCOPY app /app\n"),
        ("SN-DF101", false, "root in the builder only",
            "FROM debian:12 AS build\nUSER root\nRUN make\nFROM debian:12\nUSER 10001\n"),
        ("SN-DF101", false, "USER set in the stage the final stage builds on",
            "FROM debian:12 AS base\nUSER app\nFROM base\nCMD [\"/app\"]\n"),
        ("SN-DF101", false, "chainguard image", "FROM cgr.dev/chainguard/static:latest\n"),

        ("SN-DF102", true, "password in ENV", "FROM a:1\nENV DB_PASSWORD=hunter2\n"),
        ("SN-DF102", true, "token ARG", "FROM a:1\nARG GITHUB_TOKEN\n"),
        ("SN-DF102", true, "a PASS token", "FROM a:1\nENV ADMIN_PASS nagios\n"),
        ("SN-DF102", false, "a GPG key id, as official images set it", "FROM a:1\nENV GPG_KEY 0D96DF4D4110E5C4\n"),
        ("SN-DF102", false, "a path to a secret file, and the author",
            "FROM a:1\nENV PASSWORD_FILE=/run/secrets/db AUTHOR=me\n"),

        ("SN-DF103", true, "curl piped to sh", "FROM a:1\nRUN curl -fsSL https://x.example/i.sh | sh\n"),
        ("SN-DF103", true, "wget piped to sudo bash",
            "FROM a:1\nRUN wget -qO- https://x.example/i | sudo bash -s\n"),
        ("SN-DF103", false, "download then verify",
            "FROM a:1\nRUN curl -fsSLo i.sh https://x.example/i.sh && sha256sum -c s && sh i.sh\n"),

        ("SN-DF104", true, "ADD from URL", "FROM a:1\nADD https://x.example/f.tgz /tmp/\n"),
        ("SN-DF104", false, "ADD with checksum",
            "FROM a:1\nADD --checksum=sha256:00 https://x.example/f.tgz /tmp/\n"),

        ("SN-DF105", true, "sudo", "FROM a:1\nRUN sudo apt-get install -y x\n"),
        ("SN-DF105", false, "the word sudo in an argument", "FROM a:1\nRUN echo sudo\n"),

        ("SN-DF106", true, "port 22", "FROM a:1\nEXPOSE 22\n"),
        ("SN-DF106", false, "port 2222", "FROM a:1\nEXPOSE 2222\n"),

        ("SN-DF107", true, "final base by tag", "FROM debian:12\n"),
        ("SN-DF107", false, "digest, scratch and a stage reference",
            "FROM debian:12@sha256:00 AS b\nFROM b\nFROM scratch\n"),

        ("SN-DF108", true, "no tag", "FROM debian\n"),
        ("SN-DF108", true, "latest through a global ARG", "ARG T=latest\nFROM debian:${T}\n"),
        ("SN-DF108", false, "explicit tag and stage reference", "FROM debian:12 AS b\nFROM b\n"),

        ("SN-DF109", true, "ADD of a directory", "FROM a:1\nADD src /src\n"),
        ("SN-DF109", false, "ADD of an archive and COPY", "FROM a:1\nADD rootfs.tar.gz /\nCOPY src /src\n"),

        ("SN-DF201", true, "compiling in the only stage", "FROM golang:1.22\nRUN go build -o /app .\n"),
        ("SN-DF201", false, "compiling in a builder stage",
            "FROM golang:1.22 AS b\nRUN go build -o /app .\nFROM scratch\nCOPY --from=b /app /app\n"),

        ("SN-DF202", true, "recommends in the final stage", "FROM debian:12\nRUN apt-get install -y curl\n"),
        ("SN-DF202", true, "recommends in a stage the final stage builds on",
            "FROM debian:12 AS base\nRUN apt-get install -y curl\nFROM base\n"),
        ("SN-DF202", false, "recommends only in a discarded builder",
            "FROM debian:12 AS b\nRUN apt-get install -y gcc\nFROM debian:12\nRUN apt-get install -y "
                + "--no-install-recommends ca-certificates\n"),

        ("SN-DF203", true, "lists left behind",
            "FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends x\n"),
        ("SN-DF203", false, "lists removed",
            "FROM debian:12\nRUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*\n"),

        ("SN-DF204", true, "pip cache", "FROM python:3.12\nRUN pip install flask\n"),
        ("SN-DF204", false, "no-cache-dir and the env variable",
            "FROM python:3.12\nRUN pip install --no-cache-dir flask\nFROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN "
                + "python3 -m pip install x\n"),

        ("SN-DF205", true, "apk cache", "FROM alpine:3.20\nRUN apk add curl\n"),
        ("SN-DF205", false, "apk --no-cache", "FROM alpine:3.20\nRUN apk add --no-cache curl\n"),

        ("SN-DF206", true, "yum without clean", "FROM fedora:40\nRUN dnf install -y x\n"),
        ("SN-DF206", false, "dnf with clean", "FROM fedora:40\nRUN dnf install -y x && dnf clean all\n"),

        ("SN-DF301", true, "RUN on distroless", "FROM " + Distroless + "\nRUN mkdir /data\n"),
        ("SN-DF301", true, "RUN in a stage built on a scratch stage", "FROM scratch AS s\nFROM s\nRUN true\n"),
        ("SN-DF301", false, "RUN on the debug tag, which has busybox",
            "FROM gcr.io/distroless/base-debian12:debug\nRUN [\"/busybox/sh\", \"-c\", \"true\"]\n"),
        ("SN-DF301", false, "RUN in the builder of a distroless image",
            "FROM golang:1.22 AS b\nRUN go build\nFROM " + Distroless + "\nCOPY --from=b /app /app\n"),

        ("SN-DF302", true, "shell-form CMD on scratch", "FROM scratch\nCOPY app /app\nCMD /app --serve\n"),
        ("SN-DF302", true, "shell-form HEALTHCHECK on distroless",
            "FROM " + Distroless + "\nHEALTHCHECK CMD /app -check\n"),
        ("SN-DF302", false, "exec form on distroless",
            "FROM " + Distroless + "\nENTRYPOINT [\"/app\"]\nHEALTHCHECK NONE\n"),
        ("SN-DF302", false, "shell form on an ordinary base", "FROM debian:12\nCMD /app --serve\n"),

        ("SN-DF303", true, "curl health check on distroless",
            "FROM " + Distroless + "\nHEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost/\"]\n"),
        ("SN-DF303", false, "the program checks itself",
            "FROM " + Distroless + "\nHEALTHCHECK CMD [\"/app\", \"-health\"]\n"),
        ("SN-DF303", false, "curl copied in",
            "FROM " + Distroless + "\nCOPY --from=c /usr/bin/curl /usr/bin/curl\n" +
            "HEALTHCHECK CMD [\"curl\", \"-f\", \"http://localhost/\"]\n"),

        ("SN-DF304", true, "named user on scratch", "FROM scratch\nUSER app\n"),
        ("SN-DF304", false, "numeric user on scratch", "FROM scratch\nUSER 65532:65532\n"),
        ("SN-DF304", false, "passwd copied in", "FROM scratch\nCOPY --from=b /etc/passwd /etc/passwd\nUSER app\n"),
    ];
}
