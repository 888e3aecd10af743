using NewsBot.Core;
using NewsBot.Core.Commands;
using NewsBot.Hosting;

namespace NewsBot.Benchmarks.Commands;

/// <summary>
/// The <c>commands</c> scenario: build a database through the real stores, time start-up as the
/// app does it, time each reading command through the real <see cref="CommandRouter"/>, then
/// the same answers computed naively on LiteDB, and print the comparison.
/// </summary>
internal static class CommandsScenario
{
    public const string Name = "commands";
    public const string Summary = "/latest, /topic, /search, /bookmarks and /read through the command router vs. plain LiteDB queries; start-up time and memory";

    public const int PageSize = 5;
    public const string BotUserName = "NewsBot";

    /// <summary>How many answers per command are compared between NewsBot and the baseline.</summary>
    private const int CrossCheckCount = 20;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var (settings, exitCode) = await ScenarioStart.ReadSettingsAsync<CommandsSettings>(
            args, CommandsSettings.TryParse, CommandsSettings.Usage, "commands [--articles N] [--users N] [--bookmarks N] [--iterations N] [--naive-iterations N]");
        if (exitCode is { } code)
        {
            return code;
        }

        var machine = ScenarioStart.Machine();

        var runs = new List<CommandsRun>();
        foreach (var size in settings.Sizes)
        {
            var sized = settings with { Articles = size };
            Progress($"commands: {sized.Articles:N0} articles, {sized.Users:N0} people × {sized.BookmarksPerUser} bookmarks, {sized.Iterations:N0} calls per command");
            using var database = BenchmarkDatabase.Open(sized, Progress);
            if (sized.StartupOnly)
            {
                await EnsureBuiltAsync(sized, database, cancellationToken);
                Progress("start-up only: the first start (no index image), then a restart from the image it wrote");
                await Console.Out.WriteAsync(StartupOnly.Measure(database.Path, sized.WarmFileCache));
                continue;
            }

            var run = await MeasureAsync(sized, database, machine, cancellationToken);

            // Only once the timed run is over and its database closed, so it adds nothing to the figures above.
            Progress("start-up again, step by step, to see where its time and memory go");
            run = run with { StartupParts = StartupBreakdown.Measure(database.Path) };
            Progress("start-up with the index image, as at a restart, and with an image behind the store");
            run = run with { Images = ImageStartup.Measure(database.Path, run.ImageWrite, run.ImageBytes) };
            Progress($"start-up with the image {run.Images.Restart.Time.Total.TotalSeconds:0.00} s ({run.Images.Restart.FromImage:N0} from the image, {run.Images.Restart.Read:N0} read); with an image {run.Images.BehindBy:N0} articles behind {run.Images.Behind.Time.Total.TotalSeconds:0.00} s");
            await Console.Out.WriteAsync(CommandsReport.Render(run));
            runs.Add(run);
        }

        if (runs.Count > 1)
        {
            await Console.Out.WriteAsync(CommandsReport.RenderSideBySide(runs));
        }

        return ExitCodes.Success;
    }

    private static async Task<CommandsRun> MeasureAsync(CommandsSettings settings, BenchmarkDatabase data, MachineInfo machine, CancellationToken cancellationToken)
    {
        var folder = data.Path;
        var vocabulary = new Vocabulary(settings.VocabularySize, settings.Seed);

        // 1. The data, through the real stores (or as an earlier run with --data left it).
        var (now, seed) = await EnsureBuiltAsync(settings, data, cancellationToken);

        // 2. Start-up, as the app does it: open, then ArticleIndexLoader.Fill (LiteDB reads on one
        // thread through a short-lived instance while the index is built on another).
        // The build phase's garbage is collected and handed back first, and the peak working set
        // restarts from here, so memory figures cover start-up and serving only.
        MemoryProbe.ReleaseEverything();
        var peakOfBuild = MemoryProbe.Take().PeakWorkingSet;
        var peakReset = MemoryProbe.TryResetPeak();
        // The first start of the app: no index image yet, every article read from the store.
        var image = IndexImageFile.Beside(System.IO.Path.Combine(folder, NewsBotDatabase.FileName));
        image.Delete();
        Progress("start-up: opening the database and filling the index from the store alone (no index image)");
        var started = Stopwatch.GetTimestamp();
        var database = NewsBotDatabase.Open(folder);
        var index = new ArticleIndex();
        var timeline = new List<(string Phase, MemorySnapshot Memory)>();
        try
        {
            var opened = Stopwatch.GetElapsedTime(started);
            var store = new LiteDbArticleStore(database);
            ArticleIndexLoader.Fill(store, image, index, settings.WarmFileCache);
            var startup = new StartupResult(opened, Stopwatch.GetElapsedTime(started) - opened, index.Count);
            var afterStartup = MemoryProbe.Take();
            timeline.Add(("after start-up", afterStartup));
            var liveAfterStartup = MemoryProbe.LiveManagedBytes();
            Progress($"start-up took {startup.Total.TotalSeconds:0.00} s ({startup.Indexed:N0} articles indexed)");

            // The app writes the image in the background after such a start, and at every stop;
            // here it is timed on its own, before the timed commands.
            started = Stopwatch.GetTimestamp();
            ArticleIndexLoader.WriteImage(store, index, NullLogger.Instance);
            var imageWrite = Stopwatch.GetElapsedTime(started);
            var imageBytes = new FileInfo(image.Path).Length;
            timeline.Add(("after writing the index image", MemoryProbe.Take()));
            Progress($"index image written in {imageWrite.TotalSeconds:0.00} s, {imageBytes / 1_000_000.0:N0} MB");

            // 3. The real services around the database and index just opened.
            using var host = Compose(folder, database, index);
            var services = host.Services;
            var router = services.GetRequiredService<CommandRouter>();
            var workload = new CommandWorkload(vocabulary, settings.Articles, settings.Users, settings.BookmarksPerUser, PageSize);
            var random = new Random(settings.Seed + 2);
            var warmUpRandom = new Random(settings.Seed + 3);
            var measured = CommandWorkload.Kinds.ToDictionary(k => k, k => workload.Create(k, settings.Iterations, random));
            var warmUp = CommandWorkload.Kinds.ToDictionary(k => k, k => workload.Create(k, Math.Min(settings.Iterations, 100), warmUpRandom));

            var firstContact = await FirstMessagesAsync(router, measured.Values.Concat(warmUp.Values).SelectMany(i => i), cancellationToken);

            timeline.Add(("after the first messages", MemoryProbe.Take()));
            Progress("NewsBot: warming up");
            for (var round = 0; round < 2; round++)
            {
                foreach (var kind in CommandWorkload.Kinds)
                {
                    await TimeNewsBotAsync(router, warmUp[kind], null, cancellationToken);
                }

                // Lets tiered compilation finish the optimised code of what just ran.
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }

            var beforeCommands = MemoryProbe.Take();
            timeline.Add(("after warm-up", beforeCommands));
            var newsBot = new Dictionary<CommandKind, TimedSeries>();
            var searchByMatches = SearchBuckets.ByMatches();
            var operatorsByShape = SearchBuckets.ByShape();
            foreach (var kind in CommandWorkload.Kinds)
            {
                newsBot[kind] = await TimeNewsBotAsync(router, measured[kind], kind switch
                {
                    CommandKind.Search => searchByMatches,
                    CommandKind.SearchOperators => operatorsByShape,
                    _ => null,
                }, cancellationToken);
                var memory = MemoryProbe.Take();
                timeline.Add(($"after NewsBot {CommandWorkload.Label(kind).Split(' ')[0]}", memory));
                Progress($"NewsBot {CommandWorkload.Label(kind)}: p50 {newsBot[kind].Latency.P50Ms:0.000} ms, p99 {newsBot[kind].Latency.P99Ms:0.000} ms; working set {memory.WorkingSet / 1_000_000.0:N0} MB, peak {memory.PeakWorkingSet / 1_000_000.0:N0} MB");
            }

            var afterCommands = MemoryProbe.Take();

            // 4. The naive baseline on the same file, same inputs. Its date and topic indexes are created only now.
            var naive = new NaiveBaseline(database, PageSize);
            Progress("naive: creating the PublishedAt index");
            naive.CreateDateIndex();
            Progress("naive: creating the multikey Topics index");
            var topicIndexTime = naive.CreateTopicIndex();
            var plans = new NaivePlans(naive.TopicPlan(SyntheticNews.Topics[0]), naive.SearchPlan(measured[CommandKind.Search][0].Words));
            var naiveSeries = new Dictionary<CommandKind, TimedSeries>();
            var naiveCounts = new Dictionary<CommandKind, int>();
            foreach (var kind in CommandWorkload.Kinds)
            {
                var slow = kind is CommandKind.Topic or CommandKind.Search or CommandKind.SearchOperators;
                var count = slow ? Math.Min(settings.Iterations, settings.NaiveSlowCalls) : settings.Iterations;
                naiveCounts[kind] = count;
                TimeNaive(naive, warmUp[kind].Take(slow ? 3 : warmUp[kind].Count).ToList(), cancellationToken);
                naiveSeries[kind] = TimeNaive(naive, measured[kind].Take(count).ToList(), cancellationToken);
                Progress($"naive {CommandWorkload.Label(kind)} ({count} calls): p50 {naiveSeries[kind].Latency.P50Ms:0.000} ms, p99 {naiveSeries[kind].Latency.P99Ms:0.000} ms");
            }

            var dropped = naive.DropIndexes();
            timeline.Add(("after the naive baseline", MemoryProbe.Take()));

            var results = CommandWorkload.Kinds
                .Select(kind => new CommandResult(kind, newsBot[kind].Latency, naiveSeries[kind].Latency, naiveCounts[kind], Targets.ForSize(settings.Articles).For(kind), newsBot[kind].Problems, newsBot[kind].FirstProblem))
                .ToList();
            var checks = CrossCheck(measured, newsBot, naiveSeries, index, now);

            return new CommandsRun(
                settings,
                vocabulary.Count,
                vocabulary.Exponent,
                seed,
                startup,
                imageWrite,
                imageBytes,
                afterStartup,
                liveAfterStartup,
                beforeCommands,
                afterCommands,
                timeline,
                peakReset,
                peakOfBuild,
                results,
                searchByMatches.Summarize(),
                operatorsByShape.Summarize(),
                firstContact,
                topicIndexTime,
                dropped,
                plans,
                checks,
                machine,
                MachineInfo.ReadLoadAverage());
        }
        finally
        {
            index.Dispose();
            database.Dispose();
        }
    }

    /// <summary>When the data was made (ages count from then) and what making it took: built now, or as an earlier run left it.</summary>
    private static async Task<(DateTimeOffset Now, SeedResult Seed)> EnsureBuiltAsync(CommandsSettings settings, BenchmarkDatabase data, CancellationToken cancellationToken)
    {
        if (data.Built is { } built)
        {
            // A file an earlier version built may need a one-time upgrade when opened: done here, outside the timed start-up.
            Progress("opening the database built earlier once, untimed");
            NewsBotDatabase.Open(data.Path).Dispose();
            return (built.Now, built.Seed);
        }

        var now = TruncateToMilliseconds(TimeProvider.System.GetUtcNow());
        Progress("building the database");
        var news = new SyntheticNews(new Vocabulary(settings.VocabularySize, settings.Seed), settings.Seed, now);
        var seed = await DatabaseSeeder.SeedAsync(data.Path, news, settings.Articles, settings.Users, settings.BookmarksPerUser, Progress, cancellationToken);
        data.MarkBuilt(now, seed);
        Progress($"built in {(seed.ArticlesTime + seed.BookmarksTime).TotalSeconds:0.0} s, file {seed.FileBytes / 1_000_000.0:N0} MB");
        return (now, seed);
    }

    private static IHost Compose(string dataDirectory, NewsBotDatabase database, ArticleIndex index) =>
        BotComposition.Create(dataDirectory, o =>
        {
            o.PageSize = PageSize;
            o.Topics = SyntheticNews.Topics.ToDictionary(t => t, t => new List<string> { t }, StringComparer.OrdinalIgnoreCase);

            // The synthetic people send their commands back to back; with few of them (a quick
            // run) the per-person limit would answer "slow down" instead. It still runs its check,
            // at the most the settings allow.
            o.CommandBurst = 1_000;
            o.CommandsPerMinute = 6_000;
        }, services =>
        {
            // The instances start-up just opened and filled, as the app has them once
            // ArticleIndexLoader ran. The container does not dispose them.
            services.AddSingleton(database);
            services.AddSingleton(index);
        });

    /// <summary>
    /// Sends one message from every person the benchmark will use. The router records a chat and
    /// a person on their first message (then at most every five minutes): those two writes belong
    /// to a first contact, not to the steady state the timed calls measure.
    /// </summary>
    private static async Task<LatencySummary> FirstMessagesAsync(CommandRouter router, IEnumerable<CommandInput> inputs, CancellationToken cancellationToken)
    {
        var first = inputs.DistinctBy(i => i.UserKey).Select(i => i.Message with { Text = "/latest" }).ToList();
        Progress($"first messages from {first.Count:N0} people (records the chats and people)");
        var recorder = new LatencyRecorder(first.Count);
        foreach (var message in first)
        {
            var started = LatencyRecorder.Start();
            _ = await router.HandleAsync(message, BotUserName, cancellationToken);
            recorder.Stop(started);
        }

        return recorder.Summarize();
    }

    private static async Task<TimedSeries> TimeNewsBotAsync(CommandRouter router, IReadOnlyList<CommandInput> inputs, SearchBuckets? buckets, CancellationToken cancellationToken)
    {
        var recorder = new LatencyRecorder(inputs.Count);
        var answers = new List<IReadOnlyList<int>>(CrossCheckCount);
        var problems = 0;
        string? firstProblem = null;
        foreach (var input in inputs)
        {
            var started = LatencyRecorder.Start();
            var reply = await router.HandleAsync(input.Message, BotUserName, cancellationToken);
            var elapsed = LatencyRecorder.Since(started);
            recorder.Record(elapsed);
            if (buckets is not null && reply is not null)
            {
                buckets.Record(elapsed, input.Message.Text, reply);
            }

            if (reply is null || reply.IsProblem)
            {
                problems++;
                firstProblem ??= $"{input.Message.Text} → {(reply is null ? "no reply" : string.Join(" ", reply.Blocks.OfType<TextBlock>().Select(b => b.Text)))}";
            }

            if (answers.Count < CrossCheckCount)
            {
                answers.Add(reply is null ? [] : ShownIds(reply));
            }
        }

        return new TimedSeries(recorder.Summarize(), answers, [], problems, firstProblem);
    }

    private static TimedSeries TimeNaive(NaiveBaseline naive, List<CommandInput> inputs, CancellationToken cancellationToken)
    {
        var recorder = new LatencyRecorder(inputs.Count);
        var answers = new List<IReadOnlyList<int>>(CrossCheckCount);
        var totals = new List<int>(CrossCheckCount);
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = LatencyRecorder.Start();
            var answer = naive.Answer(input);
            recorder.Stop(started);
            if (answers.Count < CrossCheckCount)
            {
                answers.Add(answer.Ids);
                totals.Add(answer.Total);
            }
        }

        return new TimedSeries(recorder.Summarize(), answers, totals, 0, null);
    }

    /// <summary>
    /// Checks that both sides answered the same question: the same articles for the lists and
    /// cards; for search, where the two differ by design, how many matches each found.
    /// </summary>
    private static List<string> CrossCheck(
        Dictionary<CommandKind, IReadOnlyList<CommandInput>> inputs,
        Dictionary<CommandKind, TimedSeries> newsBot,
        Dictionary<CommandKind, TimedSeries> naive,
        ArticleIndex index,
        DateTimeOffset now)
    {
        var lines = new List<string>();
        foreach (var kind in CommandWorkload.Kinds)
        {
            var compared = Math.Min(newsBot[kind].Answers.Count, naive[kind].Answers.Count);
            if (kind == CommandKind.Search)
            {
                var ours = inputs[kind].Take(compared).Select(i => index.Search(SearchQuery.Parse(string.Join(' ', i.Words)), 0, PageSize, now).Total).ToList();
                var theirs = naive[kind].Totals.Take(compared).ToList();
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"/search: over {compared} queries NewsBot matched {ours.Average():N0} articles on average (whole words, plurals folded), the naive Contains scan {theirs.Average():N0} (any substring, so also \"the\" in \"there\"); NewsBot ranks by matches and recency, the naive query lists the newest."));
                continue;
            }

            if (kind == CommandKind.SearchOperators)
            {
                lines.Add($"{CommandWorkload.Label(kind)}: the naive side scans for the same words only (no fields, OR or patterns in LiteDB), so its figure is a rough yardstick, not the same answer.");
                continue;
            }

            var agree = Enumerable.Range(0, compared).Count(i => newsBot[kind].Answers[i].SequenceEqual(naive[kind].Answers[i]));
            var line = string.Create(CultureInfo.InvariantCulture, $"{CommandWorkload.Label(kind)}: NewsBot and the naive query showed the same articles in {agree} of {compared} answers");
            if (agree < compared)
            {
                var first = Enumerable.Range(0, compared).First(i => !newsBot[kind].Answers[i].SequenceEqual(naive[kind].Answers[i]));
                line += string.Create(CultureInfo.InvariantCulture,
                    $" (first difference: {inputs[kind][first].Message.Text} → NewsBot [{string.Join(", ", newsBot[kind].Answers[first])}], naive [{string.Join(", ", naive[kind].Answers[first])}])");
            }

            lines.Add(line + ".");
        }

        return lines;
    }

    private static List<int> ShownIds(Reply reply) =>
        reply.Blocks.SelectMany(block => block switch
        {
            ArticleListBlock list => list.Items.Select(item => item.Article.Id),
            ArticleCardBlock card => [card.Article.Id],
            _ => [],
        }).ToList();

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private sealed record TimedSeries(LatencySummary Latency, IReadOnlyList<IReadOnlyList<int>> Answers, IReadOnlyList<int> Totals, int Problems, string? FirstProblem);
}
