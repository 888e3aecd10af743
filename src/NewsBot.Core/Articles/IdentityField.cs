namespace NewsBot.Core.Articles;

/// <summary>Which field of a feed's items tells them apart.</summary>
public enum IdentityField
{
    Id,
    Link,
    TitleAndDate,
}
