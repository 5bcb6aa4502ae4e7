namespace Lib.Tuning;

/// <summary>
/// Successive halving (Jamieson and Talwalkar, 2016; the rungs of Hyperband and ASHA): every proposed trial runs
/// with <see cref="MinBudget"/>, the best 1/<see cref="Eta"/> of them (at least one) run again with
/// <see cref="Eta"/> times the budget, and so on while the budget stays within <see cref="MaxBudget"/>. Each
/// (trial, budget) is a tracked run of its own.
/// </summary>
/// <param name="MinBudget">The first rung's budget (at least 1).</param>
/// <param name="MaxBudget">The largest budget a rung may have (at least <paramref name="MinBudget"/>).</param>
/// <param name="Eta">The reduction factor (at least 2).</param>
public sealed record SuccessiveHalving(int MinBudget, int MaxBudget, int Eta = 3)
{
    /// <summary>The budgets of the rungs, smallest first.</summary>
    /// <exception cref="ArgumentException">The settings are out of range.</exception>
    public IReadOnlyList<int> Budgets()
    {
        if (MinBudget < 1 || MaxBudget < MinBudget || Eta < 2)
            throw new ArgumentException(
                $"Successive halving needs 1 <= MinBudget <= MaxBudget and Eta >= 2, got MinBudget {MinBudget}, "
                    + $"MaxBudget {MaxBudget}, Eta {Eta}."
            );
        var budgets = new List<int>();
        for (long b = MinBudget; b <= MaxBudget; b *= Eta)
            budgets.Add((int)b);
        return budgets;
    }

    /// <summary>How many of <paramref name="count"/> trials go on to the next rung.</summary>
    public int Survivors(int count) => Math.Max(1, count / Eta);
}
