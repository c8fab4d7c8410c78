using System.Text.Json;
using RecycleNet.Core.Features;
using RecycleNet.Core.Styles;

namespace RecycleNet.Tests.Api.Ogc;

/// <summary>QGIS's Python bindings (Debian's python3-qgis 3.22), run as a GIS user's script would run them.</summary>
public static class Qgis
{
    public const string Python = "/usr/bin/python3";

    public static bool Installed { get; } = File.Exists(Python) && Directory.Exists("/usr/lib/python3/dist-packages/qgis");

    /// <summary>Runs a PyQGIS script offscreen and answers what it printed.</summary>
    public static string Run(string script, params string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), $"recyclenet-qgis-{Guid.NewGuid():N}.py");
        File.WriteAllText(file, script);
        try
        {
            var runtime = Directory.CreateTempSubdirectory("recyclenet-qgis-runtime-"); // Qt wants its own, mode 0700
            var r = TestProcess.Run(Python, [file, .. args], TimeSpan.FromMinutes(3),
                env: new Dictionary<string, string> { ["QT_QPA_PLATFORM"] = "offscreen", ["XDG_RUNTIME_DIR"] = runtime.FullName });
            Assert.True(r.Exit == 0, $"QGIS exited {r.Exit}: {r.Err}");
            return r.Out;
        }
        finally { File.Delete(file); }
    }
}

public sealed class QgisFactAttribute : FactAttribute
{
    public QgisFactAttribute()
    {
        if (!Qgis.Installed) Skip = "needs QGIS's Python bindings (apt-get install python3-qgis qgis-providers)";
    }
}

/// <summary>
/// Each collection opened in QGIS through OGC API – Features, styled with the QML and the SLD it links: QGIS reads both as
/// rule-based renderers with the page's colours, and every feature is drawn by exactly one rule.
/// </summary>
public class QgisStyleTests(KestrelService service) : IClassFixture<KestrelService>
{
    private const string Script = """
        import json, sys, urllib.request
        from qgis.core import QgsApplication, QgsVectorLayer, QgsDataSourceUri, QgsRenderContext, QgsExpressionContext, QgsExpressionContextUtils
        QgsApplication.setPrefixPath('/usr', True)
        app = QgsApplication([], False)
        app.initQgis()
        base, collections, folder = sys.argv[1], sys.argv[2].split(','), sys.argv[3]
        answer = {}
        for coll in collections:
            uri = QgsDataSourceUri()
            uri.setParam('url', base + '/ogc')
            uri.setParam('typename', coll)
            layer = QgsVectorLayer(uri.uri(False), coll, 'OAPIF')
            result = {'valid': layer.isValid(), 'features': layer.featureCount()}
            for form, ext in (('qml', 'qml'), ('sld10', 'sld')):
                path = '%s/%s.%s' % (folder, coll, ext)
                open(path, 'wb').write(urllib.request.urlopen('%s/ogc/collections/%s/styles/default?f=%s' % (base, coll, form)).read())
                message, ok = layer.loadNamedStyle(path) if ext == 'qml' else layer.loadSldStyle(path)  # both answer (message, success)
                renderer = layer.renderer()
                if renderer.type() == 'singleSymbol':
                    # One symbol for every feature (SLD of a single rule without a filter): QGIS's simplest renderer.
                    symbol = renderer.symbol()
                    count = layer.featureCount()
                    result[form] = {'ok': bool(ok), 'message': str(message), 'renderer': renderer.type(), 'drawnOnce': count,
                                    'rules': [{'label': '', 'colour': symbol.color().name(), 'stroke': symbol.symbolLayer(0).strokeColor().name(), 'matched': count}]}
                    continue
                rules = renderer.rootRule().children() if renderer.type() == 'RuleRenderer' else []
                context = QgsRenderContext()
                context.setExpressionContext(QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer)))
                renderer.startRender(context, layer.fields())
                matched = [0] * len(rules)
                drawn_once = 0
                for feature in layer.getFeatures():
                    context.expressionContext().setFeature(feature)
                    hits = [i for i, r in enumerate(rules) if not r.isElse() and r.isFilterOK(feature, context)]
                    else_rules = [i for i, r in enumerate(rules) if r.isElse()]
                    if not hits and else_rules:
                        hits = else_rules
                    for i in hits:
                        matched[i] += 1
                    drawn_once += 1 if len(hits) == 1 else 0
                renderer.stopRender(context)
                result[form] = {'ok': bool(ok), 'message': str(message), 'renderer': renderer.type(),
                                'rules': [{'label': r.label(), 'colour': r.symbol().color().name(), 'stroke': r.symbol().symbolLayer(0).strokeColor().name(), 'matched': matched[i]} for i, r in enumerate(rules)],
                                'drawnOnce': drawn_once}
            answer[coll] = result
        print(json.dumps(answer, ensure_ascii=False), flush=True)
        # QGIS 3.22 may crash tearing down its providers (exitQgis with OAPIF layers alive): the answer is out, so leave now.
        import os
        os._exit(0)
        """;

    [QgisFact]
    public void QGIS_reads_each_collections_QML_and_SLD_as_the_pages_symbols_drawing_every_feature_once()
    {
        var collections = new[] { "outlets", "sorting-centers", "districts", "communities", "district-coverage", "life-circles", "coverage-gaps" };
        var folder = Directory.CreateTempSubdirectory("recyclenet-styles-").FullName;
        try
        {
            var output = Qgis.Run(Script, service.BaseUrl, string.Join(',', collections), folder);
            using var doc = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
            var catalog = (RecycleNet.Api.Services.FeatureCollections)service.Factory.Services.GetService(typeof(RecycleNet.Api.Services.FeatureCollections))!;
            foreach (var id in collections)
            {
                var layer = doc.RootElement.GetProperty(id);
                Assert.True(layer.GetProperty("valid").GetBoolean(), id);
                var features = layer.GetProperty("features").GetInt32();
                Assert.True(features > 0, $"{id} has no features to draw");
                var info = catalog.Find(id)!;
                foreach (var form in new[] { "qml", "sld10" })
                {
                    var styled = layer.GetProperty(form);
                    Assert.True(styled.GetProperty("ok").GetBoolean(), $"{id} {form}: {styled.GetProperty("message")}");
                    // A style of one rule without a test may come in as QGIS's single-symbol renderer (from SLD it does).
                    Assert.Contains(styled.GetProperty("renderer").GetString(), new[] { "RuleRenderer", "singleSymbol" });
                    var rules = styled.GetProperty("rules").EnumerateArray().ToList();
                    // The page's colours, rule for rule (district-coverage's classes are the service's for these shares).
                    var expected = info == CoverageFeatures.DistrictCoverage ? null : CollectionStyles.For(info);
                    if (expected is not null)
                    {
                        // An outline-only area: QGIS keeps it as a fill's outline (QML) or as a line layer of its own (SLD).
                        Assert.Equal(expected.Rules.Count, rules.Count);
                        foreach (var (rule, drawn) in expected.Rules.Zip(rules))
                            Assert.Contains(rule.Symbol.Fill ?? rule.Symbol.Stroke, rule.Symbol.Fill is null
                                ? new[] { drawn.GetProperty("stroke").GetString(), drawn.GetProperty("colour").GetString() }
                                : new[] { drawn.GetProperty("colour").GetString() });
                    }
                    else Assert.All(rules, r => Assert.Contains(r.GetProperty("colour").GetString(), MapPalette.Ramp));
                    Assert.Equal(features, rules.Sum(r => r.GetProperty("matched").GetInt32()));
                    Assert.Equal(features, styled.GetProperty("drawnOnce").GetInt32());
                }
            }
            // The outlets are told apart as on the page: some fixed, some mobile, some not operating in the demo.
            Assert.All(doc.RootElement.GetProperty("outlets").GetProperty("qml").GetProperty("rules").EnumerateArray(),
                r => Assert.True(r.GetProperty("matched").GetInt32() > 0, r.ToString()));
        }
        finally { new TempFolder(folder).Dispose(); }
    }
}
