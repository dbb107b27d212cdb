namespace Ketenaanpak.Graph.Application.Abstractions;

/// <summary>
/// Formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or CR) as a formula, and names,
/// details and references come partly from partners' signals and imported files. Every CSV the app writes puts a
/// leading apostrophe before such a cell. So that this stays reversible, a cell that already starts with an apostrophe
/// gets one too: <see cref="Restore"/> drops exactly one, and our CSV import applies it, so an export reads back as it
/// was written.
/// </summary>
public static class SpreadsheetCells
{
    public static bool StartsAsFormula(ReadOnlySpan<char> value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\'';

    /// <summary>The value as a cell no spreadsheet runs.</summary>
    public static string Neutralise(string value) => StartsAsFormula(value) ? "'" + value : value;

    /// <summary>The value <see cref="Neutralise"/> was given.</summary>
    public static string Restore(string cell) => cell.Length > 1 && cell[0] == '\'' && StartsAsFormula(cell.AsSpan(1)) ? cell[1..] : cell;
}
