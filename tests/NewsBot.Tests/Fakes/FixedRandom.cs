namespace NewsBot.Tests.Fakes;

/// <summary>A random source that always gives the same number, for exact jitter in tests.</summary>
public sealed class FixedRandom(double value) : Random
{
    public override double NextDouble() => value;

    protected override double Sample() => value;
}
