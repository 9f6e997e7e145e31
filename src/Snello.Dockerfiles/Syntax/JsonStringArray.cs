using System.Globalization;
using System.Text;

namespace Snello.Dockerfiles.Syntax;

/// <summary>
/// Reads the exec form: a JSON array that must hold only strings (RFC 8259), with Go's
/// decoder as the reference for edge cases: only space, tab, CR and LF count as white space,
/// escapes of lone surrogates decode to U+FFFD, raw control characters in strings are invalid.
/// </summary>
internal ref struct JsonStringArray
{
    private readonly string _text;
    private int _pos;

    private JsonStringArray(string text)
    {
        _text = text;
        _pos = 0;
    }

    /// <summary>
    /// Reads <paramref name="text"/>; on <see cref="JsonArrayOutcome.StringArray"/> the values and
    /// the offsets (in <paramref name="text"/>) of their opening quotes are returned.
    /// </summary>
    public static JsonArrayOutcome Read(string text, out List<string> values, out List<int> offsets)
    {
        values = [];
        offsets = [];
        var reader = new JsonStringArray(text);
        var allStrings = true;
        if (!reader.ReadDocument(values, offsets, ref allStrings))
        {
            return JsonArrayOutcome.NotJson;
        }

        return allStrings ? JsonArrayOutcome.StringArray : JsonArrayOutcome.NotStringArray;
    }

    private bool ReadDocument(List<string> values, List<int> offsets, ref bool allStrings)
    {
        SkipSpace();
        if (Peek() != '[')
        {
            return false;
        }

        _pos++;
        SkipSpace();
        if (Peek() == ']')
        {
            _pos++;
            return AtEnd();
        }

        while (true)
        {
            SkipSpace();
            if (Peek() == '"')
            {
                var start = _pos;
                if (!ReadString(out var value))
                {
                    return false;
                }

                values.Add(value);
                offsets.Add(start);
            }
            else
            {
                allStrings = false;
                if (!SkipValue(depth: 1))
                {
                    return false;
                }
            }

            SkipSpace();
            var ch = Peek();
            _pos++;
            if (ch == ']')
            {
                return AtEnd();
            }

            if (ch != ',')
            {
                return false;
            }
        }
    }

    private bool AtEnd()
    {
        SkipSpace();
        return _pos >= _text.Length;
    }

    private bool SkipValue(int depth)
    {
        if (depth > 10000)
        {
            return false;
        }

        SkipSpace();
        var ch = Peek();
        switch (ch)
        {
            case '"':
                return ReadString(out _);
            case '[':
                return SkipContainer(']', depth, isObject: false);
            case '{':
                return SkipContainer('}', depth, isObject: true);
            case 't':
                return SkipLiteral("true");
            case 'f':
                return SkipLiteral("false");
            case 'n':
                return SkipLiteral("null");
            default:
                return SkipNumber();
        }
    }

    private bool SkipContainer(char close, int depth, bool isObject)
    {
        _pos++;
        SkipSpace();
        if (Peek() == close)
        {
            _pos++;
            return true;
        }

        while (true)
        {
            SkipSpace();
            if (isObject)
            {
                if (Peek() != '"' || !ReadString(out _))
                {
                    return false;
                }

                SkipSpace();
                if (Peek() != ':')
                {
                    return false;
                }

                _pos++;
            }

            if (!SkipValue(depth + 1))
            {
                return false;
            }

            SkipSpace();
            var ch = Peek();
            _pos++;
            if (ch == close)
            {
                return true;
            }

            if (ch != ',')
            {
                return false;
            }
        }
    }

    private bool SkipLiteral(string literal)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            return false;
        }

        _pos += literal.Length;
        return true;
    }

    private bool SkipNumber()
    {
        var start = _pos;
        if (Peek() == '-')
        {
            _pos++;
        }

        if (Peek() == '0')
        {
            _pos++;
        }
        else if (!SkipDigits())
        {
            return false;
        }

        if (Peek() == '.')
        {
            _pos++;
            if (!SkipDigits())
            {
                return false;
            }
        }

        if (Peek() is 'e' or 'E')
        {
            _pos++;
            if (Peek() is '+' or '-')
            {
                _pos++;
            }

            if (!SkipDigits())
            {
                return false;
            }
        }

        return _pos > start;
    }

    private bool SkipDigits()
    {
        var start = _pos;
        while (Peek() is >= '0' and <= '9')
        {
            _pos++;
        }

        return _pos > start;
    }

    private bool ReadString(out string value)
    {
        value = "";
        _pos++;
        var text = new StringBuilder();
        while (_pos < _text.Length)
        {
            var ch = _text[_pos++];
            if (ch == '"')
            {
                value = text.ToString();
                return true;
            }

            if (ch < 0x20)
            {
                return false;
            }

            if (ch != '\\')
            {
                text.Append(ch);
                continue;
            }

            if (_pos >= _text.Length)
            {
                return false;
            }

            var escape = _text[_pos++];
            switch (escape)
            {
                case '"': text.Append('"'); break;
                case '\\': text.Append('\\'); break;
                case '/': text.Append('/'); break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'u':
                    if (!ReadUnicodeEscape(text))
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    private bool ReadUnicodeEscape(StringBuilder text)
    {
        if (!TryHex4(_pos, out var first))
        {
            return false;
        }

        _pos += 4;
        if (char.IsHighSurrogate((char)first)
            && _pos + 6 <= _text.Length && _text[_pos] == '\\' && _text[_pos + 1] == 'u'
            && TryHex4(_pos + 2, out var second) && char.IsLowSurrogate((char)second))
        {
            text.Append((char)first).Append((char)second);
            _pos += 6;
            return true;
        }

        // Go's decoder turns a surrogate that is not part of a valid pair into U+FFFD.
        text.Append(char.IsSurrogate((char)first) ? '\uFFFD' : (char)first);
        return true;
    }

    private readonly bool TryHex4(int at, out int value)
    {
        value = 0;
        return at + 4 <= _text.Length
            && int.TryParse(_text.AsSpan(at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture,
                out value);
    }

    private void SkipSpace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\r' or '\n')
        {
            _pos++;
        }
    }

    private readonly char Peek() => _pos < _text.Length ? _text[_pos] : '\0';
}
