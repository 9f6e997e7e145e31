using System.Net;
using Snello.Oci.Registry;

namespace Snello.Tests.Oci.Registry;

public sealed class RetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("7", 7)]
    [InlineData(" 120 ", 120)]
    public void ParseRetryAfter_reads_delay_seconds(string value, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryPolicy.ParseRetryAfter(value, Now));
    }

    [Fact]
    public void ParseRetryAfter_turns_an_http_date_into_the_time_left()
    {
        Assert.Equal(TimeSpan.FromSeconds(90), RetryPolicy.ParseRetryAfter("Thu, 03 Dec 2026 12:01:30 GMT", Now));
    }

    [Fact]
    public void ParseRetryAfter_of_a_past_date_is_zero()
    {
        Assert.Equal(TimeSpan.Zero, RetryPolicy.ParseRetryAfter("Thu, 03 Dec 2026 11:00:00 GMT", Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("soon")]
    [InlineData("1.5")]
    public void ParseRetryAfter_of_a_missing_or_malformed_value_is_null(string? value)
    {
        Assert.Null(RetryPolicy.ParseRetryAfter(value, Now));
    }

    [Fact]
    public void Delay_doubles_from_the_base_and_stops_at_the_cap()
    {
        var policy = new RetryPolicy(10, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromMilliseconds(500), policy.Delay(1));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.Delay(2));
        Assert.Equal(TimeSpan.FromSeconds(2), policy.Delay(3));
        Assert.Equal(TimeSpan.FromSeconds(3), policy.Delay(4));
        Assert.Equal(TimeSpan.FromSeconds(3), policy.Delay(40));
    }

    [Fact]
    public void Delay_follows_the_servers_retry_after_within_the_cap()
    {
        var policy = new RetryPolicy(5, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(2), policy.Delay(1, TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.FromSeconds(30), policy.Delay(1, TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.NotImplemented, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    public void IsTransient_retries_429_and_server_errors_only(HttpStatusCode status, bool transient)
    {
        Assert.Equal(transient, RetryPolicy.IsTransient(status));
    }
}
