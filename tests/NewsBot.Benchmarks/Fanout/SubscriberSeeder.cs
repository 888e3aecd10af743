using NewsBot.Core.Subscriptions;

namespace NewsBot.Benchmarks.Fanout;

/// <summary>
/// Writes the chats and their subscriptions straight into the collections, in one transaction
/// each: the bot adds them one command at a time, which only makes set-up slower. Nine chats
/// in ten are private, one a group; each has one to three subscriptions, two in three of them a
/// topic (popular topics more often) and one in three a keyword query of one or two words of
/// middling frequency; one in ten is a daily digest rather than instant.
/// </summary>
internal static class SubscriberSeeder
{
    public sealed record Seeded(int Chats, int Subscriptions, int Instant, int Topic, int Keyword);

    public static string ChatKey(int number, bool isGroup) =>
        PlatformNames.Telegram + ":" + (isGroup ? "-100" : "") + number.ToString(CultureInfo.InvariantCulture);

    public static Seeded Seed(NewsBotDatabase database, Vocabulary vocabulary, int chatCount, int seed, DateTimeOffset now)
    {
        var random = new Random(seed + 7);
        var topicWeights = Cumulative(Enumerable.Range(1, SyntheticNews.Topics.Count).Select(rank => 1.0 / Math.Pow(rank, 0.8)));
        var chats = new List<ChatDocument>(chatCount);
        var subscriptions = new List<SubscriptionDocument>(chatCount * 2);
        int instant = 0, topic = 0, keyword = 0;
        var stored = Dates.ToStored(now);
        for (var number = 1; number <= chatCount; number++)
        {
            var isGroup = random.Next(10) == 0;
            var key = ChatKey(number, isGroup);
            chats.Add(new ChatDocument
            {
                Id = key,
                Platform = PlatformNames.Telegram,
                Kind = (isGroup ? ChatKind.Group : ChatKind.Private).ToString(),
                Title = isGroup ? "Readers " + number.ToString(CultureInfo.InvariantCulture) : null,
                FirstSeen = stored,
                LastSeen = stored,
            });

            var count = random.NextDouble() switch { < 0.5 => 1, < 0.85 => 2, _ => 3 };
            for (var i = 0; i < count; i++)
            {
                var isTopic = random.Next(3) != 0;
                var daily = random.Next(10) == 0;
                string query;
                if (isTopic)
                {
                    query = SyntheticNews.Topics[Pick(topicWeights, random)];
                    topic++;
                }
                else
                {
                    // Ranks 150-1500: words an article has now and then, not in every other one.
                    query = string.Join(' ', Enumerable.Range(0, random.Next(1, 3)).Select(_ => vocabulary.Words[random.Next(150, Math.Min(1500, vocabulary.Count))]));
                    keyword++;
                }

                instant += daily ? 0 : 1;
                subscriptions.Add(new SubscriptionDocument
                {
                    ChatKey = key,
                    Kind = (isTopic ? SubscriptionKind.Topic : SubscriptionKind.Keywords).ToString(),
                    Query = query,
                    Mode = (daily ? DeliveryMode.Daily : DeliveryMode.Instant).ToString(),
                    DailyAt = daily ? "08:00" : null,
                    CreatedBy = key,
                    CreatedAt = stored,
                });
            }
        }

        database.Chats.InsertBulk(chats);
        database.Subscriptions.InsertBulk(subscriptions);
        return new Seeded(chats.Count, subscriptions.Count, instant, topic, keyword);
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var sum = 0.0;
        return weights.Select(w => sum += w).ToArray();
    }

    private static int Pick(double[] cumulative, Random random)
    {
        var at = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return Math.Min(at >= 0 ? at : ~at, cumulative.Length - 1);
    }
}
