using Lib.Climbing.Dataset;
using Lib.Climbing.Domain;
using Lib.Climbing.Ingest;

namespace Lib.Tests.Climbing;

public class TokenizerTests
{
    [Fact]
    public void A_route_becomes_CLS_board_angle_then_holds_bottom_to_top_with_features()
    {
        var route = Routes.Moon("E6:start C5:start F11 K18:finish");
        var tokens = RouteTokenizer.Tokenize(route);
        Assert.Equal(["<CLS>", "<BOARD_MOON2016>", "<ANGLE_40>", "<MOON2016_C5_start>", "<MOON2016_E6_start>", "<MOON2016_F11_middle>", "<MOON2016_K18_finish>"],
            tokens.Select(t => t.Text));
        Assert.Equal(RouteTokenizer.FeatureCount, tokens[0].Features().Length);
        float a = 40 / 90f, n = 4 / 20f;
        Assert.Equal([0, 0, 0, 0, 0, 0, a, n], tokens[2].Features());
        var c5 = MoonBoards.Moon2016.Hold("C5");
        Assert.Equal([(float)c5.X, (float)c5.Y, 1, 1, 0, 0, a, n], tokens[3].Features());
        Assert.Equal([1f, 1f, 1, 0, 1, 0, a, n], tokens[6].Features()); // K18: top right, finish
        Assert.Equal(0f, tokens[5].Features()[3] + tokens[5].Features()[4] + tokens[5].Features()[5]); // a middle hold has no role flag
    }

    [Fact]
    public void The_vocabulary_starts_with_the_specials_orders_by_count_and_drops_rare_tokens()
    {
        var v = Vocabulary.Build([["<CLS>", "b", "a"], ["<CLS>", "a", "c"], ["a", "b", "d"]], minCount: 2);
        Assert.Equal(["<PAD>", "<UNK>", "<CLS>", "a", "b"], v.Tokens);
        Assert.Equal((3, 4, Vocabulary.UnkId, Vocabulary.UnkId), (v.Id("a"), v.Id("b"), v.Id("c"), v.Id("zzz")));
        Assert.Throws<ArgumentException>(() => new Vocabulary(["<UNK>", "<PAD>", "<CLS>"]));
        Assert.Throws<ArgumentException>(() => new Vocabulary(["<PAD>", "<UNK>", "<CLS>", "a", "a"]));
    }

    [Fact]
    public void An_unknown_hold_token_keeps_its_coordinates()
    {
        var vocabulary = Vocabulary.Build([["<BOARD_MOON2016>", "<ANGLE_40>"]]);
        var route = Routes.Moon("A1:start K18:finish");
        var encoded = TokenSet.Encode(route, RouteTokenizer.Tokenize(route), SplitName.Test, vocabulary);
        Assert.Equal([2, vocabulary.Id("<BOARD_MOON2016>"), vocabulary.Id("<ANGLE_40>"), Vocabulary.UnkId, Vocabulary.UnkId], encoded.Ids);
        var f = RouteTokenizer.FeatureCount;
        Assert.Equal([-1f, -1f, 1f], encoded.Features[(3 * f)..(3 * f + 3)]);
        Assert.Equal([1f, 1f, 1f], encoded.Features[(4 * f)..(4 * f + 3)]);
    }

    [Fact]
    public void The_split_is_stable_by_hold_set_whatever_the_id_angle_or_order()
    {
        var split = new RouteSplit();
        var a = Routes.Moon("E6:start C5:start F11 K18:finish", angle: 40, id: "1", board: "MOON2017");
        var b = Routes.Moon("K18:finish F11 C5:start E6:start", angle: 25, id: "999", board: "MOON2017");
        Assert.Equal(RouteSplit.Identity(a), RouteSplit.Identity(b));
        Assert.Equal(split.Of(a), split.Of(b));
        Assert.NotEqual(RouteSplit.Identity(a), RouteSplit.Identity(Routes.Moon("E6:start C5:start F11 K18:finish", board: "MOON2019")));
        Assert.NotEqual(RouteSplit.Identity(a), RouteSplit.Identity(Routes.Moon("E6:start C5 F11 K18:finish", board: "MOON2017")));

        var routes = ClimbingIngest.Run(ClimbingFixture.DataFolder).Graded;
        var parts = routes.GroupBy(split.Of).ToDictionary(g => g.Key, g => g.Count());
        Assert.InRange(parts[SplitName.Train] / (double)routes.Count, 0.66, 0.74);
        Assert.InRange(parts[SplitName.Val] / (double)routes.Count, 0.11, 0.19);
        Assert.InRange(parts[SplitName.Test] / (double)routes.Count, 0.11, 0.19);
        // No hold set is in two parts (the MoonBoard Masters boards repeat 24 problems at both angles; Kilter climbs come at several angles).
        Assert.All(routes.GroupBy(RouteSplit.Identity), g => Assert.Single(g.Select(split.Of).Distinct()));
        Assert.NotEqual(parts, routes.GroupBy(new RouteSplit(Salt: "another").Of).ToDictionary(g => g.Key, g => g.Count()));
    }
}
