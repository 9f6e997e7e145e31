using System.Text;

namespace Snello.Dockerfiles.Shell;

/// <summary>Collects words while a lexer walks a line: unquoted white space ends a word.</summary>
internal sealed class WordSplitter
{
    private readonly List<string> _words = [];
    private readonly StringBuilder _word = new();
    private bool _inWord;

    public void AddChar(char ch)
    {
        if (char.IsWhiteSpace(ch))
        {
            if (_inWord && _word.Length > 0)
            {
                _words.Add(_word.ToString());
                _word.Clear();
                _inWord = false;
            }

            return;
        }

        AddRawChar(ch);
    }

    public void AddRawChar(char ch)
    {
        _word.Append(ch);
        _inWord = true;
    }

    public void AddString(string text)
    {
        foreach (var ch in text)
        {
            AddChar(ch);
        }
    }

    public void AddRawString(string text)
    {
        _word.Append(text);
        _inWord = true;
    }

    public List<string> Finish()
    {
        if (_word.Length > 0)
        {
            _words.Add(_word.ToString());
            _word.Clear();
            _inWord = false;
        }

        return _words;
    }
}
