using Ketenaanpak.Graph.Application.Search;
using Ketenaanpak.Graph.Domain.Graph;

namespace Ketenaanpak.Graph.Application.Tests.Search;

/// <summary>Every notation a partner uses for an identifier meets the one exact key the store holds (see ExactKeys).</summary>
public sealed class IdentifierQueryTests
{
    private static string? KeyOf(string query, NodeKind kind) => IdentifierQuery.Read(query).FirstOrDefault(c => c.Kind == kind)?.Key;

    [Theory]
    [InlineData("7511 AB 12")]
    [InlineData("7511ab12")]
    [InlineData("7511AB 12")]
    [InlineData(" 7511 ab, 12 ")]
    public void Read_PostcodeAndHouseNumber_GivesTheAddressKey(string query) => Assert.Equal("7511AB|12", KeyOf(query, NodeKind.Address));

    [Theory]
    [InlineData("7511AB12a", "7511AB|12A")]
    [InlineData("7511 AB 12 bis", "7511AB|12BIS")]
    public void Read_HouseNumberWithAddition_KeepsTheAddition(string query, string key) => Assert.Equal(key, KeyOf(query, NodeKind.Address));

    [Fact]
    public void Read_PostcodeAlone_IsAPrefixOfAddressKeys()
    {
        var candidate = IdentifierQuery.Read("7511 ab").Single(c => c.Kind == NodeKind.Address);
        Assert.True(candidate.Prefix);
        Assert.Equal("7511AB|", candidate.Key);
    }

    [Theory]
    [InlineData("NL91 ABNA 0417 1643 00")]
    [InlineData("nl91abna0417164300")]
    [InlineData("NL91ABNA0417164300")]
    public void Read_Iban_WithOrWithoutSpaces_GivesOneKey(string query) => Assert.Equal("NL91ABNA0417164300", KeyOf(query, NodeKind.BankAccount));

    [Theory]
    [InlineData("+31 6 1234 5678")]
    [InlineData("0612345678")]
    [InlineData("06-12345678")]
    [InlineData("0031 612345678")]
    [InlineData("(06) 1234 5678")]
    public void Read_Phone_InAnyNotation_GivesE164(string query) => Assert.Equal("+31612345678", KeyOf(query, NodeKind.Phone));

    [Fact]
    public void Read_KvkNumber_GivesTheCompanyKey() => Assert.Equal("12345678", KeyOf("12345678", NodeKind.Company));

    [Fact]
    public void Read_Name_IsNoIdentifier() => Assert.Empty(IdentifierQuery.Read("Anna Wójcik"));
}
