using RecycleNet.Core.Model;

namespace RecycleNet.Tests.Core.Model;

public class UnifiedSocialCreditCodeTests
{
    // 91350100M000100Y43 is the example code printed in explanations of GB 32100-2015.
    [Fact]
    public void The_standards_example_is_valid() => Assert.Null(UnifiedSocialCreditCode.Validate("91350100M000100Y43"));

    [Fact]
    public void A_wrong_check_character_names_the_right_one()
    {
        var why = UnifiedSocialCreditCode.Validate("91350100M000100Y44");
        Assert.Equal(("check character should be '3', not '4'", "校验码应为“3”，而不是“4”"), (why?.En, why?.Zh));
    }

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("91350100M000100Y4", "must have 18 characters, has 17")]
    [InlineData("91350100M000100I43", "character 16 ('I') is not allowed")]
    [InlineData("9135A100M000100Y43", "characters 3-8 must be a 6-digit administrative division code")]
    public void Malformed_codes_say_why(string? code, string reason) =>
        Assert.StartsWith(reason, UnifiedSocialCreditCode.Validate(code)?.En);

    [Fact]
    public void Every_single_character_change_is_caught()
    {
        const string charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        const string valid = "91350100M000100Y43";
        for (var i = 0; i < 17; i++)
            foreach (var c in charset.Where(c => c != valid[i] && (i is < 2 or > 7 || char.IsAsciiDigit(c))))
                Assert.NotNull(UnifiedSocialCreditCode.Validate(valid[..i] + c + valid[(i + 1)..]));
    }
}
