using System.Globalization;
using System.Text;

namespace Snello.Dockerfiles.Syntax;

/// <summary>
/// Double-quotes text the way Go's <c>strconv.Quote</c> does, so that syntax tree dumps compare
/// byte for byte with BuildKit's expected results: printable characters stay, the C escapes
/// stay short, other control characters become <c>\x</c>, <c>\u</c> or <c>\U</c> escapes.
/// </summary>
internal static class GoQuote
{
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        Append(text, value);
        return text.ToString();
    }

    public static void Append(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            AppendRune(text, rune);
        }

        text.Append('"');
    }

    private static void AppendRune(StringBuilder text, Rune rune)
    {
        var value = rune.Value;
        switch (value)
        {
            case '"': text.Append("\\\""); return;
            case '\\': text.Append("\\\\"); return;
            case '\a': text.Append("\\a"); return;
            case '\b': text.Append("\\b"); return;
            case '\f': text.Append("\\f"); return;
            case '\n': text.Append("\\n"); return;
            case '\r': text.Append("\\r"); return;
            case '\t': text.Append("\\t"); return;
            case '\v': text.Append("\\v"); return;
        }

        if (IsPrint(rune))
        {
            text.Append(rune.ToString());
        }
        else if (value < ' ' || value == 0x7f)
        {
            text.Append("\\x").Append(value.ToString("x2", CultureInfo.InvariantCulture));
        }
        else if (value < 0x10000)
        {
            text.Append("\\u").Append(value.ToString("x4", CultureInfo.InvariantCulture));
        }
        else
        {
            text.Append("\\U").Append(value.ToString("x8", CultureInfo.InvariantCulture));
        }
    }

    // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
    private static bool IsPrint(Rune rune)
    {
        if (rune.Value == ' ')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.EnclosingMark => true,
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber
                or UnicodeCategory.OtherNumber => true,
            UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
                or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
                or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                or UnicodeCategory.OtherPunctuation => true,
            UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
                or UnicodeCategory.OtherSymbol => true,
            _ => false,
        };
    }
}
