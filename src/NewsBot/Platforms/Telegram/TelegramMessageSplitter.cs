namespace NewsBot.Platforms.Telegram;

/// <summary>
/// Packs a reply's paragraphs into Telegram messages: each within the length limit (counted on
/// the visible text) and the entity limit, breaking between paragraphs first, then between
/// lines, then inside a line at a space. A run cut in two gets its tags on both sides.
/// </summary>
internal static class TelegramMessageSplitter
{
    /// <summary>Packs paragraphs into messages of at most <paramref name="limit"/> visible units, breaking at paragraphs, then lines, then words.</summary>
    public static List<TelegramText> Split(List<TelegramParagraph> paragraphs, int limit)
    {
        var chunks = new List<TelegramText>();
        var current = new ChunkBuilder();

        void Flush()
        {
            if (!current.IsEmpty)
            {
                chunks.Add(current.Build());
                current = new ChunkBuilder();
            }
        }

        void Place(List<TelegramRun> line, string separator)
        {
            if (current.Fits(line, separator, limit))
            {
                current.Add(line, separator);
                return;
            }

            Flush();
            if (current.Fits(line, separator, limit))
            {
                current.Add(line, separator);
                return;
            }

            foreach (var piece in Cut(line, limit))
            {
                if (!current.Fits(piece, separator, limit))
                {
                    Flush();
                }

                current.Add(piece, separator);
            }
        }

        foreach (var paragraph in paragraphs)
        {
            if (current.Fits(paragraph, limit))
            {
                current.Add(paragraph);
                continue;
            }

            if (!current.IsEmpty && new ChunkBuilder().Fits(paragraph, limit))
            {
                Flush();
                current.Add(paragraph);
                continue;
            }

            // The paragraph is larger than a whole message: fall back to line breaks.
            var separator = "\n\n";
            foreach (var line in paragraph.Lines)
            {
                Place(line, separator);
                separator = "\n";
            }
        }

        Flush();
        return chunks;
    }

    /// <summary>Cuts one over-long line into pieces that each fit an empty message, preferring spaces.</summary>
    private static IEnumerable<List<TelegramRun>> Cut(List<TelegramRun> line, int limit)
    {
        var piece = new List<TelegramRun>();
        var length = 0;
        foreach (var run in line)
        {
            var text = run.Text;
            while (text.Length > 0)
            {
                var room = limit - length;
                if (piece.Count >= TelegramRenderer.MaxEntities || room <= 0)
                {
                    yield return piece;
                    piece = [];
                    length = 0;
                    room = limit;
                }

                if (text.Length <= room)
                {
                    piece.Add(run with { Text = text });
                    length += text.Length;
                    break;
                }

                var take = ChatText.PieceLength(text, room);

                if (take > 0)
                {
                    piece.Add(run with { Text = text[..take] });
                }

                text = text[take..];
                yield return piece;
                piece = [];
                length = 0;
            }
        }

        if (piece.Count > 0)
        {
            yield return piece;
        }
    }

    private sealed class ChunkBuilder
    {
        private readonly StringBuilder _html = new();
        private readonly StringBuilder _plain = new();
        private int _entities;

        public bool IsEmpty => _plain.Length == 0;

        public bool Fits(TelegramParagraph paragraph, int limit) =>
            Separator("\n\n").Length + _plain.Length + paragraph.Length <= limit && _entities + paragraph.Entities <= TelegramRenderer.MaxEntities;

        public bool Fits(List<TelegramRun> line, string separator, int limit) =>
            Separator(separator).Length + _plain.Length + line.Sum(r => r.Text.Length) <= limit
            && _entities + line.Count(r => r.IsEntity) <= TelegramRenderer.MaxEntities;

        public void Add(TelegramParagraph paragraph)
        {
            var separator = "\n\n";
            foreach (var line in paragraph.Lines)
            {
                Add(line, separator);
                separator = "\n";
            }
        }

        public void Add(List<TelegramRun> line, string separator)
        {
            var sep = Separator(separator);
            _html.Append(sep);
            _plain.Append(sep);
            foreach (var run in line)
            {
                run.AppendHtml(_html);
                _plain.Append(run.Text);
                _entities += run.IsEntity ? 1 : 0;
            }
        }

        public TelegramText Build() => new(_html.ToString(), _plain.ToString());

        private string Separator(string wanted) => IsEmpty ? string.Empty : wanted;
    }
}
