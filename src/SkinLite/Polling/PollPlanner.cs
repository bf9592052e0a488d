namespace SkinLite;

/// <summary>
/// Turns learned processing-time intervals into poll times: the plan that minimises, over the learned distribution,
/// the expected polls per job plus <see cref="PollingOptions.AdaptiveDelayWeight"/> times the expected notice delay. Not thread-safe (it
/// reuses its buffers); <see cref="ProcessingTimes"/> calls it under its lock, once per learned job, never per poll.
/// </summary>
/// <remarks>
/// Each interval (lower, upper] holds one job's end somewhere inside; the distribution is estimated from them all
/// (Turnbull's self-consistent estimator, a few iterations), on a grid of
/// <see cref="PollingOptions.MinDelay"/> steps (coarser when the span needs more than <see cref="MaxCells"/> cells). A
/// poll at t costs the probability that the job is still running at the previous poll; a job ending at T in
/// (previous, t] is noticed t - T late. Dynamic programming over the grid finds the exact optimum for the learned
/// distribution in O(cells x gap cells). Gaps never exceed <see cref="PollingOptions.MaxInterval"/>, so a job that ends
/// earlier than any learned one is still noticed within it, as under the plain backoff.
/// </remarks>
internal sealed class PollPlanner
{
    /// <summary>The most grid cells a plan is searched on, which bounds the work per learned job.</summary>
    public const int MaxCells = 400;

    // Self-consistency iterations per plan: enough for the narrow intervals to pull the wide ones into shape.
    private const int Iterations = 12;

    // The plan covers all but this share of the learned jobs: one slow outlier must not stretch the grid.
    private const double Coverage = 0.99;

    private readonly double _step;
    private readonly double _maxGap;
    private readonly double _delayWeight;
    private double[] _mass = [];
    private double[] _work = [];
    private double[] _below = [];
    private double[] _moment = [];
    private double[] _cost = [];
    private double[] _polls = [];
    private double[] _delay = [];
    private int[] _next = [];
    private double[] _sorted = [];

    public PollPlanner(PollingOptions options)
    {
        _step = options.MinDelay.TotalSeconds;
        _maxGap = options.MaxInterval.TotalSeconds;
        _delayWeight = options.AdaptiveDelayWeight;
    }

    /// <summary>The plan for these intervals, in seconds from the submit's answer.</summary>
    public PollPlan Build(ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        int n = lower.Length;
        if (_mass.Length == 0)
        {
            // Allocated at the first plan, not with the client: a client that never waits on a fresh job keeps none.
            (_mass, _work, _below, _moment, _cost, _polls, _delay, _next) = (new double[MaxCells + 1], new double[MaxCells + 1], new double[MaxCells + 1], new double[MaxCells + 1], new double[MaxCells + 1], new double[MaxCells + 1], new double[MaxCells + 1], new int[MaxCells + 1]);
        }

        if (_sorted.Length < n)
        {
            _sorted = new double[n];
        }

        Span<double> sorted = _sorted.AsSpan(0, n);
        upper.CopyTo(sorted);
        sorted.Sort();
        double span = Math.Max(sorted[Math.Clamp((int)Math.Ceiling(Coverage * n) - 1, 0, n - 1)], _step);
        double h = Math.Max(_step, span / MaxCells);
        int cells = Math.Clamp((int)Math.Ceiling(span / h), 1, MaxCells);
        span = cells * h;
        Spread(lower, upper, h, cells, span);

        // Backwards: the cheapest way on from a poll at cell a (the job still running there) to the plan's last cell.
        int maxStep = Math.Max(1, (int)Math.Floor((_maxGap / h) + 1e-9));
        _cost[cells] = _polls[cells] = _delay[cells] = 0;
        for (int a = cells - 1; a >= 0; a--)
        {
            double running = Math.Max(0, 1 - _below[a]);
            double best = double.MaxValue;
            int bestNext = cells;
            for (int b = a + 1, last = Math.Min(cells, a + maxStep); b <= last; b++)
            {
                double lateness = (b * h * (_below[b] - _below[a])) - (_moment[b] - _moment[a]);
                double cost = running + (_delayWeight * lateness) + _cost[b];
                if (cost < best)
                {
                    best = cost;
                    bestNext = b;
                }
            }

            _cost[a] = best;
            _next[a] = bestNext;
            _polls[a] = running + _polls[bestNext];
            _delay[a] = (bestNext * h * (_below[bestNext] - _below[a])) - (_moment[bestNext] - _moment[a]) + _delay[bestNext];
        }

        int count = 0;
        for (int a = 0; a < cells; a = _next[a])
        {
            count++;
        }

        var offsets = new TimeSpan[count];
        for (int a = 0, i = 0; a < cells; a = _next[a])
        {
            offsets[i++] = TimeSpan.FromSeconds(_next[a] * h);
        }

        return new PollPlan(offsets, n, TimeSpan.FromSeconds(Quantile(0.5, h, cells, span)), TimeSpan.FromSeconds(Quantile(0.9, h, cells, span)), _polls[0], _delay[0]);
    }

    // The distribution on the grid, from intervals that each hold one job's end somewhere inside. A first guess spreads
    // each evenly; then each is re-spread in proportion to the current guess over its cells (the self-consistency, or EM,
    // iteration of Turnbull's estimator for interval-censored data), which moves the mass of wide intervals (learned
    // under the plain backoff) to where the narrow ones show the jobs end. What lies past the grid is the tail.
    private void Spread(ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, double h, int cells, double span)
    {
        Distribute(lower, upper, h, cells, span, _work, _mass, byGuess: false);
        for (int i = 0; i < Iterations; i++)
        {
            Distribute(lower, upper, h, cells, span, _mass, _work, byGuess: true);
            (_mass, _work) = (_work, _mass);
        }

        // Cumulative mass and first moment (cell centres), so that any stretch's lateness is two subtractions.
        _below[0] = _moment[0] = 0;
        for (int j = 1; j <= cells; j++)
        {
            _below[j] = _below[j - 1] + _mass[j];
            _moment[j] = _moment[j - 1] + (_mass[j] * (j - 0.5) * h);
        }
    }

    private static void Distribute(ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, double h, int cells, double span, double[] guess, double[] into, bool byGuess)
    {
        Array.Clear(into, 0, cells + 1);
        double share = 1.0 / lower.Length;
        for (int i = 0; i < lower.Length; i++)
        {
            double lo = lower[i];
            double hi = upper[i];
            if (lo >= span)
            {
                continue;
            }

            double width = hi - lo;
            if (width <= h * 1e-6)
            {
                into[Math.Clamp((int)Math.Ceiling(hi / h), 1, cells)] += share;
                continue;
            }

            int first = Math.Clamp((int)Math.Floor(lo / h) + 1, 1, cells);
            int last = Math.Clamp((int)Math.Ceiling(Math.Min(hi, span) / h), first, cells);
            double inside = share * Math.Clamp((Math.Min(hi, span) - lo) / width, 0, 1);
            double total = Weights(lo, hi, h, first, last, guess, byGuess);
            if (total <= 0)
            {
                (total, byGuess) = (Weights(lo, hi, h, first, last, guess, false), false);
            }

            for (int j = first; j <= last; j++)
            {
                double overlap = Math.Max(0, Math.Min(hi, j * h) - Math.Max(lo, (j - 1) * h));
                into[j] += inside * (byGuess ? guess[j] * overlap : overlap) / total;
            }
        }
    }

    private static double Weights(double lo, double hi, double h, int first, int last, double[] guess, bool byGuess)
    {
        double total = 0;
        for (int j = first; j <= last; j++)
        {
            double overlap = Math.Max(0, Math.Min(hi, j * h) - Math.Max(lo, (j - 1) * h));
            total += byGuess ? guess[j] * overlap : overlap;
        }

        return total;
    }

    private double Quantile(double p, double h, int cells, double span)
    {
        for (int j = 1; j <= cells; j++)
        {
            if (_below[j] >= p)
            {
                return j * h;
            }
        }

        return span;
    }
}
