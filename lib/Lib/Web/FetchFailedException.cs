namespace Lib.Web;

/// <summary>A page could not be fetched: retries ran out or the failure was permanent. <see cref="Result"/> has the
/// history.</summary>
public sealed class FetchFailedException(FetchResult result)
    : Exception($"Could not fetch {result.Url} ({result.Status}, {result.Attempts} attempt(s)): {result.Reason}.")
{
    /// <summary>The failed result, with every attempt's error in <see cref="FetchResult.History"/>.</summary>
    public FetchResult Result { get; } = result;
}
