namespace Ketenaanpak.Graph.Application.Generation;

/// <summary>
/// Builds one CSV line in a reused buffer and writes it in one call: the generator writes tens of millions of lines,
/// and formatting through strings would allocate two or three objects per line. Fields are quoted as RFC 4180 asks
/// (a field holding a comma, quote or line break is enclosed in quotes, inner quotes doubled); lines end in LF.
/// </summary>
internal sealed class CsvLine
{
    private readonly char[] _buffer = new char[512];
    private readonly char[] _field = new char[256];
    private int _length;
    private int _fieldLength;
    private bool _started;

    public CsvLine Number(long value)
    {
        Separate();
        value.TryFormat(_buffer.AsSpan(_length), out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
        _length += written;
        return this;
    }

    /// <summary>A field known to need no quoting (enum names, numbers formatted elsewhere).</summary>
    public CsvLine Plain(string value)
    {
        Separate();
        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
        return this;
    }

    /// <summary>Starts a free-text field, built up with <see cref="Text"/> and <see cref="Digits"/> and closed by <see cref="EndField"/>.</summary>
    public CsvLine BeginField()
    {
        _fieldLength = 0;
        return this;
    }

    public CsvLine Text(string value)
    {
        value.CopyTo(_field.AsSpan(_fieldLength));
        _fieldLength += value.Length;
        return this;
    }

    public CsvLine Char(char value)
    {
        _field[_fieldLength++] = value;
        return this;
    }

    /// <param name="format">A standard format such as "D8" for zero-padded digits; empty for plain digits.</param>
    public CsvLine Digits(long value, ReadOnlySpan<char> format = default)
    {
        value.TryFormat(_field.AsSpan(_fieldLength), out var written, format, System.Globalization.CultureInfo.InvariantCulture);
        _fieldLength += written;
        return this;
    }

    public CsvLine EndField() => Escaped(_field.AsSpan(0, _fieldLength));

    /// <summary>Writes the line and starts the next one.</summary>
    public void WriteTo(TextWriter writer)
    {
        _buffer[_length++] = '\n';
        writer.Write(_buffer, 0, _length);
        _length = 0;
        _started = false;
    }

    private CsvLine Escaped(ReadOnlySpan<char> value)
    {
        Separate();
        if (value.IndexOfAny(",\"\r\n") < 0)
        {
            value.CopyTo(_buffer.AsSpan(_length));
            _length += value.Length;
            return this;
        }
        _buffer[_length++] = '"';
        foreach (var c in value)
        {
            if (c == '"') _buffer[_length++] = '"';
            _buffer[_length++] = c;
        }
        _buffer[_length++] = '"';
        return this;
    }

    private void Separate()
    {
        if (_started) _buffer[_length++] = ',';
        _started = true;
    }
}
