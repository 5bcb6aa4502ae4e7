using Lib.Web;

namespace Lib.Tests.Web;

public class RobotsTxtTests
{
    private const string Token = "sports-ml-lab";

    [Fact]
    public void The_longest_match_decides_and_allow_wins_a_tie()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: *
            Disallow: /results/
            Allow: /results/xc/
            Disallow: /results/xc/private
            Allow: /tie
            Disallow: /tie
            """, Token);
        Assert.True(robots.IsAllowed("/athletes/1"));
        Assert.False(robots.IsAllowed("/results/123"));
        Assert.True(robots.IsAllowed("/results/xc/2024"));
        Assert.False(robots.IsAllowed("/results/xc/private/1"));
        Assert.True(robots.IsAllowed("/tie"));
        Assert.Equal("Disallow: /results/", robots.DecidingRule("/results/9")!.ToString());
        Assert.Null(robots.DecidingRule("/other"));
    }

    [Fact]
    public void Wildcards_and_end_anchors_match_as_google_reads_them()
    {
        var robots = RobotsTxt.Parse("""
            User-agent: *
            Disallow: /*.php$
            Disallow: /search*q=
            Disallow: /exact$
            Allow: /*/public/*.html
            Disallow: /a/
            """, Token);
        Assert.False(robots.IsAllowed("/index.php"));
        Assert.True(robots.IsAllowed("/index.php?x=1"));     // $ anchors the end of path and query
        Assert.False(robots.IsAllowed("/search?lang=en&q=x"));
        Assert.True(robots.IsAllowed("/search?lang=en"));
        Assert.False(robots.IsAllowed("/exact"));
        Assert.True(robots.IsAllowed("/exact/more"));
        Assert.True(robots.IsAllowed("/a/public/page.html")); // the longer Allow beats Disallow: /a/
        Assert.False(robots.IsAllowed("/a/private/page.html"));
    }

    [Fact]
    public void Our_token_group_takes_precedence_over_the_star_group()
    {
        const string text = """
            # comments and blank lines are ignored
            User-agent: *
            Disallow:

            User-agent: OtherBot
            User-agent: SPORTS-ML-LAB
            Disallow: /
            Allow: /robots-ok$
            Crawl-delay: 2.5
            """;
        var ours = RobotsTxt.Parse(text, Token);
        Assert.False(ours.IsAllowed("/anything"));
        Assert.True(ours.IsAllowed("/robots-ok"));
        Assert.True(ours.IsAllowed("/robots.txt"));
        Assert.Equal(TimeSpan.FromSeconds(2.5), ours.CrawlDelay);

        var someoneElse = RobotsTxt.Parse(text, "curious-bot");
        Assert.True(someoneElse.IsAllowed("/anything")); // an empty Disallow allows everything
        Assert.Empty(someoneElse.Rules);
        Assert.Null(someoneElse.CrawlDelay);
    }

    [Fact]
    public void Groups_for_the_same_agent_merge_and_rules_before_any_agent_are_ignored()
    {
        var robots = RobotsTxt.Parse("\uFEFFDisallow: /orphan\r\nuser-agent: *\r\ndisallow: /a # inline comment\r\n" +
            "Sitemap: https://example.org/sitemap.xml\r\nuser-agent: *\r\nDISALLOW: /b\r\nnonsense line\r\n", Token);
        Assert.True(robots.IsAllowed("/orphan"));
        Assert.False(robots.IsAllowed("/a"));
        Assert.False(robots.IsAllowed("/b"));
        Assert.Equal(2, robots.Rules.Count);
    }

    [Fact]
    public void Percent_escapes_and_non_ascii_compare_alike()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /café\nDisallow: /a%2fb\n", Token);
        Assert.False(robots.IsAllowed(new Uri("http://example.org/caf%C3%A9/menu")));
        Assert.False(robots.IsAllowed("/a%2Fb"));
        Assert.True(robots.IsAllowed("/cafe"));
    }

    [Fact]
    public void No_groups_for_us_means_everything_is_allowed()
    {
        var robots = RobotsTxt.Parse("User-agent: OtherBot\nDisallow: /\n", Token);
        Assert.True(robots.IsAllowed("/"));
        Assert.True(RobotsTxt.AllowAll.IsAllowed("/x"));
    }
}
