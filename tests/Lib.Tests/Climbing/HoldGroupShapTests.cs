using Lib.Climbing.Dataset;
using Lib.Climbing.Domain;
using Lib.Climbing.Evaluate;

namespace Lib.Tests.Climbing;

/// <summary>SHAP values of the grade model by groups of holds, on real test routes: exact efficiency against each
/// route's empty wall, and no share for a group a route does not have.</summary>
[Collection("climbing")]
public class HoldGroupShapTests(ClimbingFixture fixture)
{
    [Fact]
    public void Each_routes_values_add_up_from_its_empty_wall_to_its_prediction()
    {
        var routes = fixture.Data.Routes(SplitName.Test).Take(12).ToList();
        var shap = HoldGroupShap.Explain(fixture.Model, routes);
        var predicted = fixture.Model.Predict(routes);
        var empty = fixture.Model.Predict([.. routes.Select(r => r with { Holds = [] })]);
        Assert.Equal(HoldGroupShap.Groups, shap.FeatureNames);
        Assert.NotNull(shap.RowBaseValues);
        for (int i = 0; i < routes.Count; i++)
        {
            Assert.Equal(predicted[i], shap.Predictions[i], 6);
            Assert.Equal(empty[i], shap.RowBaseValues[i], 6);
            Assert.Equal(predicted[i] - empty[i], shap.Values[i].Sum(), 6);
            Assert.Equal(routes[i].Holds.Count, shap.Rows[i].Sum());
        }
        Assert.Equal(empty.Average(), shap.BaseValue, 9);
    }

    [Fact]
    public void A_group_the_route_does_not_have_gets_nothing()
    {
        // MoonBoard problems have no foot holds.
        var route = fixture.Data.Routes(SplitName.Test).First(r => r.Holds.All(h => h.Role != HoldRole.Foot));
        var shap = HoldGroupShap.Explain(fixture.Model, [route]);
        int feet = HoldGroupShap.Groups.ToList().IndexOf("foot holds");
        Assert.Equal(0, shap.Rows[0][feet]);
        Assert.Equal(0, shap.Values[0][feet], 9);
        Assert.NotEqual(0, shap.Values[0].Sum(Math.Abs));
    }
}
