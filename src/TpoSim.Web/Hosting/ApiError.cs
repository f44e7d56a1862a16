using System.Text.Json.Serialization;

namespace TpoSim.Web.Hosting;

/// <summary>One problem in a request: where (JSON path, or the query parameter) and what, with the allowed range.</summary>
/// <param name="Path">JSON path such as <c>$.simulation.days</c>, or <c>?weeks</c> for a query parameter.</param>
/// <param name="Message">The same text the CLI prints for the same problem.</param>
public sealed record ApiError(string Path, string Message);

/// <summary>The body of every error response: status, a title and each problem. Never a stack trace.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Title">What kind of failure.</param>
/// <param name="Errors">Each problem found.</param>
public sealed record ApiErrorBody(int Status, string Title, IReadOnlyList<ApiError> Errors);

/// <summary>Thrown inside an endpoint to answer with an error body; caught by <see cref="ErrorHandling"/>.</summary>
public sealed class ApiException(int status, string title, IReadOnlyList<ApiError> errors) : Exception(title)
{
    /// <summary>HTTP status code.</summary>
    public int Status { get; } = status;
    /// <summary>The errors.</summary>
    public IReadOnlyList<ApiError> Errors { get; } = errors;

    /// <summary>A 400 with the given problems.</summary>
    public static ApiException BadRequest(string title, IReadOnlyList<ApiError> errors) => new(StatusCodes.Status400BadRequest, title, errors);

    /// <summary>A 400 with one problem.</summary>
    public static ApiException BadRequest(string path, string message) => BadRequest("invalid request", [new ApiError(path, message)]);

    /// <summary>The response body.</summary>
    [JsonIgnore]
    public ApiErrorBody Body => new(Status, Message, Errors);
}
