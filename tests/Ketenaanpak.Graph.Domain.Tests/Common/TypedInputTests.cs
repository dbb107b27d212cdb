using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Signals;

namespace Ketenaanpak.Graph.Domain.Tests.Common;

public sealed class TypedInputTests
{
    [Theory]
    [InlineData("2026-03-14", 2026, 3, 14)] // the date picker
    [InlineData("14-3-2026", 2026, 3, 14)] // typed the Dutch way
    [InlineData(" 14-03-2026 ", 2026, 3, 14)]
    [InlineData("29-2-2028", 2028, 2, 29)]
    public void TryDate_TheNotationsAFormOffers_AreRead(string text, int year, int month, int day)
    {
        Assert.True(TypedInput.TryDate(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("14/3/2026")] // not offered: a slash is read differently in other locales
    [InlineData("3-14-2026")] // American order: month 14 does not exist
    [InlineData("29-2-2027")] // no leap year
    [InlineData("2026-3-14 <script>")]
    [InlineData("14 maart 2026")]
    public void TryDate_AnythingElse_IsRefused(string? text) => Assert.False(TypedInput.TryDate(text, out _));

    [Theory]
    [InlineData("Labour", ExploitationForm.Labour)]
    [InlineData(" labour ", ExploitationForm.Labour)]
    [InlineData("SEXUAL", ExploitationForm.Sexual)]
    public void TryName_AListValueByName_IsRead(string text, ExploitationForm expected)
    {
        Assert.True(TypedInput.TryName<ExploitationForm>(text, out var form));
        Assert.Equal(expected, form);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2")] // a number that is defined: Enum.TryParse would take it
    [InlineData("99")] // and one that is not: Enum.TryParse would take that too
    [InlineData("Sexual, Labour")] // a combination: Enum.TryParse ORs the values
    [InlineData("Arbeid")] // the Dutch label is shown, the name is sent
    public void TryName_NumbersListsAndLabels_AreRefused(string? text) => Assert.False(TypedInput.TryName<ExploitationForm>(text, out _));
}
