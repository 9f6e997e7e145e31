using System.Net;

namespace Snello.Oci.Engine;

/// <summary>
/// The engine answered a request with an error: a status such as 404 (no such image), or an error message in
/// the middle of a JSON message stream. The message quotes the engine's own words.
/// </summary>
public sealed class EngineApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The HTTP status of the answer; 200 for an error inside a message stream.</param>
    /// <param name="request">The request, as <c>GET /images/x/json</c>.</param>
    /// <param name="engineMessage">What the engine said.</param>
    /// <param name="message">The whole message.</param>
    public EngineApiException(HttpStatusCode statusCode, string request, string engineMessage, string message)
        : base(message)
    {
        StatusCode = statusCode;
        Request = request;
        EngineMessage = engineMessage;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The request that failed, as <c>METHOD PATH</c> without the API version.</summary>
    public string Request { get; }

    /// <summary>What the engine said, as it said it.</summary>
    public string EngineMessage { get; }

    /// <summary>Whether the engine said the thing asked for does not exist (HTTP 404).</summary>
    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;
}
