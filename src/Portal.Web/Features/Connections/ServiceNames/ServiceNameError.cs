using FluentValidation.Results;

namespace Portal.Web.Features.Connections.ServiceNames;

/// <param name="Suggestion">A corrected full service name the UI may offer to use instead, when we could work one out.</param>
public sealed record ServiceNameError(ServiceNameErrorCode Code, string Message, string? Suggestion = null, ServiceNameLink? Link = null)
{
    /// <summary>As a FluentValidation failure; the error itself travels in <see cref="ValidationFailure.CustomState"/>.</summary>
    public ValidationFailure ToValidationFailure(string propertyName, object? attemptedValue) =>
        new(propertyName, Message, attemptedValue) { ErrorCode = Code.ToString(), CustomState = this };
}
