using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsBot.Core;
using NewsBot.Core.Chats;
using NewsBot.Core.Delivery;
using NewsBot.Core.Replies;
using NewsBot.Hosting;

namespace NewsBot.Tests.Hosting;

public sealed class ChatAdminNotifierTests
{
    [Fact]
    public async Task Notify_SendsToEachAdminOnAConnectedPlatform()
    {
        var telegram = new RecordingSender("telegram");
        var notifier = new ChatAdminNotifier(
            Options.Create(new NewsBotOptions { Admins = ["telegram:42", "discord:7", "telegram:43"] }),
            [telegram],
            NullLogger<ChatAdminNotifier>.Instance);

        await notifier.NotifyAsync("The source \"Wire\" was disabled.", CancellationToken.None);

        Assert.Equal(["telegram:42", "telegram:43"], telegram.Sent.Select(s => s.Chat.Key));
        Assert.All(telegram.Sent, s => Assert.Contains("was disabled", ((TextBlock)s.Reply.Blocks[0]).Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Notify_DiscordAdmin_GoesToTheirDirectMessages()
    {
        var discord = new RecordingSender("discord");
        var notifier = new ChatAdminNotifier(
            Options.Create(new NewsBotOptions { Admins = ["discord:80351110224678912"] }),
            [discord],
            NullLogger<ChatAdminNotifier>.Instance);

        await notifier.NotifyAsync("The source \"Wire\" was disabled.", CancellationToken.None);

        Assert.Equal(["discord:dm:80351110224678912"], discord.Sent.Select(s => s.Chat.Key));
    }

    private sealed class RecordingSender(string platform) : IChatSender
    {
        public List<(ChatAddress Chat, Reply Reply)> Sent { get; } = [];

        public string Platform => platform;

        public Task<SendOutcome> SendAsync(ChatAddress chat, Reply reply, CancellationToken cancellationToken)
        {
            Sent.Add((chat, reply));
            return Task.FromResult<SendOutcome>(new SendOutcome.Sent());
        }
    }
}
