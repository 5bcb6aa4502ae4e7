namespace Lib.Track.Predict;

/// <summary>The files <see cref="TrackCrossCheck.Prepare"/> wrote and what they hold.</summary>
/// <param name="Directory">The folder.</param>
/// <param name="Performances"><c>performances.csv</c>: every mark before the cut of the requested athletes.</param>
/// <param name="Requests"><c>requests.csv</c>: the forecasts to ask the batch command for.</param>
/// <param name="Truth"><c>truth.csv</c>: each request's season and actual peak.</param>
/// <param name="Rows">Rows written to <c>performances.csv</c>.</param>
/// <param name="RequestsByGender">Requests per gender (<c>men</c>, <c>women</c>).</param>
public sealed record CrossCheckSet(
    string Directory,
    string Performances,
    string Requests,
    string Truth,
    int Rows,
    IReadOnlyDictionary<string, int> RequestsByGender
);
