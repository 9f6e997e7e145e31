# A Dockerfile with nothing to report: the image lints it to show its parser and rules at work.
FROM scratch
COPY hello /app/hello
USER 65532:65532
ENTRYPOINT ["/app/hello"]
