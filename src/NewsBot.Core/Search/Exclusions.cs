namespace NewsBot.Core.Search;

/// <summary>
/// A query's exclusions, for a walk that visits slots in increasing order: an excluded
/// word's postings are walked alongside; an excluded phrase is looked for only in articles
/// that have its rarest word.
/// </summary>
internal sealed class Exclusions
{
    private readonly ArticleSlots _slots;
    private readonly PostingCursor[] _words;
    private readonly int[][] _phrases;
    private readonly PostingCursor[] _phraseWords;

    public Exclusions(PostingIndex postings, ArticleSlots slots, CompiledQuery query)
    {
        _slots = slots;
        _words = query.ExcludedWords.Select(id => new PostingCursor(postings[id])).ToArray();
        _phrases = query.ExcludedPhrases;
        _phraseWords = _phrases.Select(p => new PostingCursor(postings[p.MinBy(t => postings[t].Count)])).ToArray();
    }

    public bool Excludes(int slot)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            if (_words[i].Seek(slot) >= 0)
            {
                return true;
            }
        }

        for (var i = 0; i < _phrases.Length; i++)
        {
            if (_phraseWords[i].Seek(slot) >= 0 && _slots.ContainsPhrase(slot, _phrases[i]))
            {
                return true;
            }
        }

        return false;
    }
}
