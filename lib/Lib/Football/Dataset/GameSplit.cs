using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Lib.Football.Dataset;

/// <summary>
/// The split by game, never by frame or play: SHA-256 of <c>seed/game_id</c> read as a number in [0, 1) picks train,
/// validation or test by the fractions, so every play, cut and frame of a game lands in one part whatever else is in
/// the data; another <see cref="Seed"/> gives another split.
/// </summary>
/// <param name="Train">The share of games to train on.</param>
/// <param name="Validation">The share for validation; the rest is test.</param>
/// <param name="Seed">Changes the assignment as a whole.</param>
public sealed record GameSplit(double Train = 0.7, double Validation = 0.15, int Seed = 16)
{
    /// <summary>The share held out for testing.</summary>
    public double Test => 1 - Train - Validation;

    /// <summary>A point in [0, 1) fixed by the seed and the game.</summary>
    public double Position(long gameId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{Seed}/{gameId}"), hash);
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>The part a game belongs to.</summary>
    /// <exception cref="InvalidOperationException">The fractions are not positive or sum to more than 1.</exception>
    public DataSplit Of(long gameId)
    {
        if (!(Train > 0 && Validation >= 0 && Train + Validation <= 1))
            throw new InvalidOperationException(
                $"Split fractions train {Train}, validation {Validation} must be positive and sum to at most 1."
            );
        var u = Position(gameId);
        return u < Train ? DataSplit.Train
            : u < Train + Validation ? DataSplit.Validation
            : DataSplit.Test;
    }
}
