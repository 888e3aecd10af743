namespace NewsBot.Core.Search;

/// <summary>
/// While an <see cref="IndexImage"/> is read into an index: per image word, the index's number
/// for it once it has been met (-1 before); per image topic set, the index's shared set; and a
/// buffer for one article's words.
/// </summary>
internal sealed class ImageWords
{
    public ImageWords(IndexImage image)
    {
        Ids = new int[image.Words.Length];
        Array.Fill(Ids, -1);
        TopicSets = new string[image.TopicSets.Length][];
    }

    public int[] Ids { get; }

    public string[]?[] TopicSets { get; }

    public int[] Buffer = [];
}
