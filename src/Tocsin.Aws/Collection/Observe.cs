using Tocsin.Aws.Http;
using Tocsin.Aws.Protocols;
using Tocsin.Core.Inventory;

namespace Tocsin.Aws.Collection;

/// <summary>
/// Runs one call and keeps its answer as an <see cref="Observed{T}"/>: a call that failed after its retries becomes
/// an unknown value with the reason (access-denied, throttled, unavailable), never an empty answer.
/// </summary>
internal static class Observe
{
    public static async Task<Observed<T>> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return Observed.Known(await call());
        }
        catch (AwsServiceException problem)
        {
            return Observed<T>.NotKnown(problem.ToUnknown());
        }
        catch (AwsProtocolException problem)
        {
            return Observed<T>.NotKnown(UnknownReason.Unavailable, problem.Message);
        }
    }

    /// <summary>As <see cref="CallAsync{T}"/>, but a NotFound answer is a known absence: <c>Missing</c> is true.</summary>
    public static async Task<(Observed<T> Value, bool Missing)> CallOrMissingAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return (Observed.Known(await call()), false);
        }
        catch (AwsServiceException problem) when (problem.Kind == AwsErrorKind.NotFound)
        {
            return (Observed<T>.NotKnown(problem.ToUnknown()), true);
        }
        catch (AwsServiceException problem)
        {
            return (Observed<T>.NotKnown(problem.ToUnknown()), false);
        }
        catch (AwsProtocolException problem)
        {
            return (Observed<T>.NotKnown(UnknownReason.Unavailable, problem.Message), false);
        }
    }

    /// <summary>The first unknown among <paramref name="values"/>, or null when all are known.</summary>
    public static Unknown? FirstUnknown<T>(IEnumerable<Observed<T>> values) =>
        values.FirstOrDefault(value => !value.IsKnown)?.Unknown;
}
